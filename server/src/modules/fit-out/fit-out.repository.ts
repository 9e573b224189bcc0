import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { caseEvents, cases, customers, fitOutPasses, properties, units } from '../../db/schema'
import type { Db } from '../../platform/db'
import { caseScope } from '../cases/cases.repository'
import type { Actor } from '../../platform/permissions'

export type PassRow = typeof fitOutPasses.$inferSelect

export async function passesOfCase(db: Db, caseId: string) {
  return db
    .select()
    .from(fitOutPasses)
    .where(eq(fitOutPasses.caseId, caseId))
    .orderBy(asc(fitOutPasses.issuedAt), asc(fitOutPasses.number))
}

export async function insertPasses(db: Db, rows: (typeof fitOutPasses.$inferInsert)[]) {
  if (rows.length === 0) return []
  return db.insert(fitOutPasses).values(rows).returning()
}

export async function setPassStatus(
  db: Db,
  caseId: string,
  from: PassRow['status'][],
  to: PassRow['status'],
  now: Date,
  passId?: string,
  reason?: string,
) {
  return db
    .update(fitOutPasses)
    .set({ status: to, updatedAt: now, ...(reason !== undefined ? { statusReason: reason } : {}) })
    .where(
      and(
        eq(fitOutPasses.caseId, caseId),
        inArray(fitOutPasses.status, from),
        passId ? eq(fitOutPasses.id, passId) : undefined,
      ),
    )
    .returning()
}

/** A pass with what the gate shows beside it: the fit-out's number, unit, building and company. */
export async function passWithCase(db: Db, orgId: string, passId: string) {
  const [row] = await db
    .select({
      pass: fitOutPasses,
      caseNumber: cases.number,
      caseState: cases.state,
      unitNumber: units.number,
      propertyName: properties.name,
      customerName: customers.name,
      contractor: sql<string | null>`${cases.data}->'contractor'->>'name'`,
      dailyHours: sql<string | null>`${cases.data}->'schedule'->>'dailyHours'`,
    })
    .from(fitOutPasses)
    .innerJoin(cases, eq(cases.id, fitOutPasses.caseId))
    .innerJoin(properties, eq(properties.id, fitOutPasses.propertyId))
    .leftJoin(units, eq(units.id, cases.unitId))
    .leftJoin(customers, eq(customers.id, cases.customerId))
    .where(and(eq(fitOutPasses.id, passId), eq(fitOutPasses.orgId, orgId)))
  return row
}

/**
 * The open fit-outs of a building the caller may see, with when each entered its stage: a step
 * that keeps the state (a patrol, a notice, the refund falling due) does not start a new one.
 */
export async function openFitOuts(db: Db, actor: Actor, propertyId: string) {
  const stageSince = sql<Date>`coalesce((select max(e.at) from ${caseEvents} e
    where e.case_id = ${cases.id} and e.to_state = ${cases.state}
      and e.from_state is distinct from e.to_state), ${cases.createdAt})`
  return db
    .select({
      id: cases.id,
      number: cases.number,
      state: cases.state,
      title: cases.title,
      department: cases.department,
      overdue: cases.overdue,
      data: cases.data,
      unitNumber: units.number,
      customerName: customers.name,
      createdAt: cases.createdAt,
      stageSince,
      livePasses: sql<number>`(select count(*)::int from ${fitOutPasses} p
        where p.case_id = ${cases.id} and p.status = 'active')`,
    })
    .from(cases)
    .leftJoin(units, eq(units.id, cases.unitId))
    .leftJoin(customers, eq(customers.id, cases.customerId))
    .where(
      and(
        caseScope(actor),
        eq(cases.propertyId, propertyId),
        eq(cases.type, 'fit_out'),
        sql`${cases.closedAt} is null`,
      ),
    )
    .orderBy(asc(cases.createdAt))
    .limit(1000)
}
