// 客户入驻/迁出日历: a building's move-ins and move-outs by their day, for the desk to plan the
// goods lift, the departments and the welcome (§2.3, §2.4).
import { Type, type Static } from 'typebox'
import { invalidField } from '../../../platform/errors'
import type { Deps, RequestContext } from '../../../platform/http/context'
import { movesBetween } from '../moves.repository'
import { propertyInScope } from './assignable-staff'

/** At most two months at a time: a calendar, not an export. */
export const MAX_MOVE_DAYS = 62

const DateString = Type.String({ format: 'date' })
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()])

export const MoveCalendarQuery = Type.Object(
  { propertyId: Type.String({ format: 'uuid' }), from: DateString, to: DateString },
  { additionalProperties: false },
)
export type MoveCalendarQuery = Static<typeof MoveCalendarQuery>

export const MoveEntry = Type.Object({
  id: Type.String(),
  number: Type.String(),
  type: Type.Enum(['move_in', 'move_out']),
  state: Type.String(),
  title: Type.String(),
  /** The day of the move, YYYY-MM-DD. */
  date: Type.String(),
  /** A move-in's role (owner or tenant). */
  role: Nullable(Type.Enum(['owner', 'tenant'])),
  unitId: Nullable(Type.String()),
  unitNumber: Nullable(Type.String()),
  customerId: Nullable(Type.String()),
  customerName: Nullable(Type.String()),
  overdue: Type.Boolean(),
  /** Ended (moved in or out, or cancelled). */
  closed: Type.Boolean(),
})
export type MoveEntry = Static<typeof MoveEntry>

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000

export async function moveCalendar(
  { db }: Deps,
  ctx: RequestContext,
  q: MoveCalendarQuery,
): Promise<MoveEntry[]> {
  await propertyInScope(db, ctx, q.propertyId)
  if (q.from > q.to) throw invalidField('from', 'is after to')
  if (dayNumber(q.to) - dayNumber(q.from) + 1 > MAX_MOVE_DAYS)
    throw invalidField('to', `spans more than ${MAX_MOVE_DAYS} days`)
  const rows = await movesBetween(db, ctx.actor, q.propertyId, q.from, q.to)
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    type: r.type === 'move_in' ? 'move_in' : 'move_out',
    state: r.state,
    title: r.title,
    date: r.date,
    role: r.role === 'owner' || r.role === 'tenant' ? r.role : null,
    unitId: r.unitId,
    unitNumber: r.unitNumber,
    customerId: r.customerId,
    customerName: r.customerName,
    overdue: r.overdue,
    closed: r.closedAt !== null,
  }))
}
