import { createContext, use } from 'react'
import type { PropertyRef } from '../../features/identity/api'

export type CurrentPropertyState = {
  /** Undefined only when the user may see no building at all. */
  property: PropertyRef | undefined
  propertyId: string | undefined
  properties: PropertyRef[]
  setPropertyId: (id: string) => void
  /** IANA zone the property's times are shown in. */
  timeZone: string
}

export const CurrentPropertyContext = createContext<CurrentPropertyState | null>(null)

export function useCurrentProperty(): CurrentPropertyState {
  const value = use(CurrentPropertyContext)
  if (!value) throw new Error('useCurrentProperty outside CurrentPropertyProvider')
  return value
}
