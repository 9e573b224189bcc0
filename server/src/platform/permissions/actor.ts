import type { Permission } from './registry'

/** Who is calling, and what they may reach. Built once per request from the session. */
export type Actor = {
  userId: string
  orgId: string
  username: string
  displayName: string
  kind: 'staff' | 'customer'
  permissions: ReadonlySet<string>
  /** Staff of every property of the organisation (admins, managers). */
  allProperties: boolean
  /** The properties a staff member works for; for a customer, the properties of their units. */
  propertyIds: readonly string[]
  customerId: string | null
  /** The staff member's department (customer service, engineering, …): their case queue. */
  department: string | null
  /** The code of the caller's role (agent, department_head, …): the role a sign-off is made in. */
  roleCode: string
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission)
}

/** Whether a property lies in the caller's scope (customers: the buildings of their units). */
export function inPropertyScope(actor: Actor, propertyId: string): boolean {
  return actor.allProperties || actor.propertyIds.includes(propertyId)
}
