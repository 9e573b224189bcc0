import { and, asc, eq, gte, lte, sql } from 'drizzle-orm'
import { calendarDays, deadlinePolicies, properties, workCalendars } from '../../db/schema'
import type { Db } from '../../platform/db'
import { one } from '../../platform/db/one'
import { runStatement } from '../../platform/db/statements'

export type PolicyRow = typeof deadlinePolicies.$inferSelect
export type CalendarRow = typeof workCalendars.$inferSelect
export type DayRow = typeof calendarDays.$inferSelect
type PolicyKey = { orgId: string; caseType: PolicyRow['caseType']; priority: PolicyRow['priority'] }
type PolicyValues = Pick<
  PolicyRow,
  'respondMinutes' | 'resolveMinutes' | 'followUpMinutes' | 'workingTime' | 'followUpPercent'
>

// ——— deadline policies ———

export async function listPolicies(db: Db, orgId: string) {
  return db.select().from(deadlinePolicies).where(eq(deadlinePolicies.orgId, orgId))
}

export async function findPolicy(db: Db, key: PolicyKey, forUpdate = false) {
  const [row] = await runStatement<PolicyRow[]>(
    db,
    `policy ${forUpdate ? 'for update' : 'read'}`,
    (d) => {
      const q = d
        .select()
        .from(deadlinePolicies)
        .where(
          and(
            eq(deadlinePolicies.orgId, sql.placeholder('orgId')),
            eq(deadlinePolicies.caseType, sql.placeholder('caseType')),
            eq(deadlinePolicies.priority, sql.placeholder('priority')),
          ),
        )
      return forUpdate ? q.for('update') : q
    },
    key,
  )
  return row
}

/** Inserts a policy unless one exists already (a concurrent first write): undefined then. */
export async function insertPolicy(
  db: Db,
  row: PolicyKey & PolicyValues & { updatedAt: Date },
): Promise<PolicyRow | undefined> {
  const [created] = await db.insert(deadlinePolicies).values(row).onConflictDoNothing().returning()
  return created
}

export async function updatePolicy(db: Db, id: string, values: PolicyValues, updatedAt: Date) {
  return one(
    await db
      .update(deadlinePolicies)
      .set({ ...values, updatedAt, version: sql`${deadlinePolicies.version} + 1` })
      .where(eq(deadlinePolicies.id, id))
      .returning(),
  )
}

// ——— calendars ———

/** A building's time zone and org, with its calendar row when it has one: one query. */
/**
 * A building's zone, its calendar row (none before one is made) and its special days as
 * [date, kind] pairs: what working-time arithmetic needs, in one round trip.
 */
export async function calendarSource(db: Db, propertyId: string) {
  const [row] = await runStatement<
    {
      orgId: string
      propertyTimeZone: string
      calendar: CalendarRow | null
      days: [date: string, kind: DayRow['kind']][]
    }[]
  >(
    db,
    'calendar with days',
    (d) =>
      d
        .select({
          orgId: properties.orgId,
          propertyTimeZone: properties.timezone,
          calendar: workCalendars,
          days: sql<
            [string, DayRow['kind']][]
          >`coalesce((select json_agg(json_build_array(${calendarDays.date}, ${calendarDays.kind}) order by ${calendarDays.date}) from ${calendarDays} where ${calendarDays.propertyId} = ${properties.id}), '[]'::json)`,
        })
        .from(properties)
        .leftJoin(workCalendars, eq(workCalendars.propertyId, properties.id))
        .where(eq(properties.id, sql.placeholder('propertyId'))),
    { propertyId },
  )
  return row
}

export async function findCalendar(db: Db, propertyId: string, forUpdate = false) {
  const q = db.select().from(workCalendars).where(eq(workCalendars.propertyId, propertyId))
  const [row] = forUpdate ? await q.for('update') : await q
  return row
}

/** Creates a building's calendar row unless it exists; true when it was created. */
export async function insertCalendar(db: Db, row: typeof workCalendars.$inferInsert) {
  const created = await db.insert(workCalendars).values(row).onConflictDoNothing().returning()
  return created.length > 0
}

export async function updateCalendar(
  db: Db,
  propertyId: string,
  patch: Partial<Pick<CalendarRow, 'timeZone' | 'workStart' | 'workEnd' | 'workWeekdays'>>,
  updatedAt: Date,
) {
  return one(
    await db
      .update(workCalendars)
      .set({ ...patch, updatedAt, version: sql`${workCalendars.version} + 1` })
      .where(eq(workCalendars.propertyId, propertyId))
      .returning(),
  )
}

// ——— calendar days ———

/** A building's holidays and make-up days, all of them or those between two dates. */
export async function listDays(db: Db, propertyId: string, from?: string, to?: string) {
  return db
    .select()
    .from(calendarDays)
    .where(
      and(
        eq(calendarDays.propertyId, propertyId),
        from ? gte(calendarDays.date, from) : undefined,
        to ? lte(calendarDays.date, to) : undefined,
      ),
    )
    .orderBy(asc(calendarDays.date))
}

/** Adds days where the building has none on that date; a day already there stays. */
export async function insertDaysIfAbsent(db: Db, rows: (typeof calendarDays.$inferInsert)[]) {
  if (rows.length === 0) return 0
  const created = await db
    .insert(calendarDays)
    .values(rows)
    .onConflictDoNothing()
    .returning({ date: calendarDays.date })
  return created.length
}

/** Official days: new ones added, official ones refreshed, days entered by hand left alone. */
export async function upsertOfficialDays(db: Db, rows: (typeof calendarDays.$inferInsert)[]) {
  if (rows.length === 0) return
  await db
    .insert(calendarDays)
    .values(rows.map((r) => ({ ...r, source: 'official' as const })))
    .onConflictDoUpdate({
      target: [calendarDays.propertyId, calendarDays.date],
      set: { kind: sql`excluded.kind`, name: sql`excluded.name` },
      setWhere: eq(calendarDays.source, 'official'),
    })
}

/** A day entered by hand: replaces whatever the building had on that date. */
export async function upsertManualDay(db: Db, row: typeof calendarDays.$inferInsert) {
  const values = { ...row, source: 'manual' as const }
  return one(
    await db
      .insert(calendarDays)
      .values(values)
      .onConflictDoUpdate({
        target: [calendarDays.propertyId, calendarDays.date],
        set: { kind: values.kind, name: values.name ?? '', source: 'manual' },
      })
      .returning(),
  )
}

export async function findDay(db: Db, propertyId: string, date: string) {
  const [row] = await db
    .select()
    .from(calendarDays)
    .where(and(eq(calendarDays.propertyId, propertyId), eq(calendarDays.date, date)))
  return row
}

export async function deleteDay(db: Db, propertyId: string, date: string) {
  const [row] = await db
    .delete(calendarDays)
    .where(and(eq(calendarDays.propertyId, propertyId), eq(calendarDays.date, date)))
    .returning()
  return row
}
