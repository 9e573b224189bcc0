import type { PropertyRef } from '../../features/identity/api'

const STORAGE_KEY = 'atrium.propertyId'

/** The building chosen last on this browser (an id, perhaps no longer the user's). */
export function storedPropertyId(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

/** The building chosen last on this browser, if it is still one of the user's; else their first. */
export function chosenProperty(
  properties: PropertyRef[],
  chosen: string | null = storedPropertyId(),
): PropertyRef | undefined {
  return properties.find((p) => p.id === chosen) ?? properties[0]
}

/** Remembers the building chosen, for the next page load. */
export function storePropertyChoice(id: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, id)
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}
