import { type ReactNode, useCallback, useMemo, useState } from 'react'
import { useProperties } from '../../features/org/api'
import { useCan, useCurrentUser } from '../auth/me-context'
import { CurrentPropertyContext } from './property-context'

const STORAGE_KEY = 'atrium.propertyId'
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

export function CurrentPropertyProvider({ children }: { children: ReactNode }) {
  const me = useCurrentUser()
  const can = useCan()
  const [chosen, setChosen] = useState<string | null>(readStored)
  // Only for the time zone; the list of choices is the user's own (me.properties).
  const details = useProperties(can('property.read'))

  const properties = me.properties
  const property = properties.find((p) => p.id === chosen) ?? properties[0]

  const setPropertyId = useCallback((id: string) => {
    try {
      localStorage.setItem(STORAGE_KEY, id)
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    setChosen(id)
  }, [])

  const timeZone = details.data?.find((p) => p.id === property?.id)?.timezone ?? DEFAULT_TIME_ZONE

  const value = useMemo(
    () => ({ property, propertyId: property?.id, properties, setPropertyId, timeZone }),
    [property, properties, setPropertyId, timeZone],
  )
  return <CurrentPropertyContext value={value}>{children}</CurrentPropertyContext>
}
