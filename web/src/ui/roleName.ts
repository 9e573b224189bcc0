import type { TFunction } from 'i18next'

/** Built-in roles are named in the user's language; roles an admin made keep their own name. */
export function roleName(t: TFunction, role: { code: string; name: string }): string {
  return t(`roleNames.${role.code}`, { defaultValue: role.name })
}
