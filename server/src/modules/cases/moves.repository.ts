import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { cases, customers, units } from '../../db/schema'
import type { Db } from '../../platform/db'
import type { Actor } from '../../platform/permissions'
import { caseScope } from './cases.repository'

/** The day a move happens: a move-in's moveInDate, a move-out's moveOutDate (YYYY-MM-DD). */
const moveDate = sql<string>`(case when ${cases.type} = 'move_in' then ${cases.data}->>'moveInDate' else ${cases.data}->>'moveOutDate' end)`

/**
 * The move-ins and move-outs of a building whose day lies in [from, to], as far as the caller
 * may see them (caseScope). Dates are compared as text: both sides are YYYY-MM-DD.
 */
export async function movesBetween(
  db: Db,
  actor: Actor,
  propertyId: string,
  from: string,
  to: string,
) {
  return db
    .select({
      id: cases.id,
      number: cases.number,
      type: cases.type,
      state: cases.state,
      title: cases.title,
      date: moveDate,
      role: sql<string | null>`${cases.data}->>'role'`,
      unitId: cases.unitId,
      unitNumber: units.number,
      customerId: cases.customerId,
      customerName: customers.name,
      overdue: cases.overdue,
      closedAt: cases.closedAt,
    })
    .from(cases)
    .leftJoin(units, eq(units.id, cases.unitId))
    .leftJoin(customers, eq(customers.id, cases.customerId))
    .where(
      and(
        caseScope(actor),
        eq(cases.propertyId, propertyId),
        inArray(cases.type, ['move_in', 'move_out']),
        sql`${moveDate} between ${from} and ${to}`,
      ),
    )
    .orderBy(asc(moveDate), asc(units.number), asc(cases.number))
    .limit(1000)
}
