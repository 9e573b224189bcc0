import { can, inPropertyScope, type Actor } from '../permissions'
import type { BusEvent } from './event-bus'

export type CaseChange = Extract<BusEvent, { topic: 'case.changed' }>['payload']

/**
 * Whether a caller may be told that a case changed: the read scope of the case engine, decided
 * from what the event carries. Same organisation and a building of the caller's; then a customer
 * only for their own cases, staff with case.read_all for every case of their buildings, other staff
 * for their department's queue, the cases assigned to them and the building-wide types.
 */
export function mayWatchCase(actor: Actor, orgId: string, change: CaseChange): boolean {
  if (actor.orgId !== orgId || !inPropertyScope(actor, change.propertyId)) return false
  if (!can(actor, 'case.read') && !can(actor, 'case.read_all')) return false
  if (actor.kind === 'customer') {
    return actor.customerId !== null && change.customerId === actor.customerId
  }
  if (can(actor, 'case.read_all') || change.buildingWide === true) return true
  if (actor.department !== null && change.department === actor.department) return true
  return change.assigneeId !== null && change.assigneeId === actor.userId
}
