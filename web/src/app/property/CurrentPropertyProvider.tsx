import { type ReactNode, useCallback, useMemo, useState } from 'react'
import { useProperties } from '../../features/org/api'
import { useCan, useCurrentUser } from '../auth/me-context'
import { chosenProperty, storedPropertyId, storePropertyChoice } from './chosen-property'
import { CurrentPropertyContext } from './property-context'

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

export function CurrentPropertyProvider({ children }: { children: ReactNode }) {
  const me = useCurrentUser()
  const can = useCan()
  const [chosen, setChosen] = useState<string | null>(storedPropertyId)
  // Only for the time zone; the list of choices is the user's own (me.properties).
  const details = useProperties(can('property.read'))

  const properties = me.properties
  const property = chosenProperty(properties, chosen)

  const setPropertyId = useCallback((id: string) => {
    storePropertyChoice(id)
    setChosen(id)
  }, [])

  const timeZone = details.data?.find((p) => p.id === property?.id)?.timezone ?? DEFAULT_TIME_ZONE

  const value = useMemo(
    () => ({ property, propertyId: property?.id, properties, setPropertyId, timeZone }),
    [property, properties, setPropertyId, timeZone],
  )
  return <CurrentPropertyContext value={value}>{children}</CurrentPropertyContext>
}
