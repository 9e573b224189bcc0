// The dashboard's reads. Each is a range over one building's (or a few buildings') open cases, or
// over the cases that were open during a month, or a small table; counts only, never rows.
import { and, asc, eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import { caseDeadlines, caseEvents, cases, deposits, moveDateOf, properties } from '../../db/schema'
import type { Db } from '../../platform/db'
import { propertyScope, type Actor } from '../../platform/permissions'
import type { OpenGroup } from './figures'

type Rows<T> = { rows: T[] }
/** A month's bounds as ISO instants: [start, end). */
export type Month = { start: string; end: string }

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
/**
 * A month bound written into the statement, not sent as a parameter: statements are prepared
 * once per connection, and a generic plan cannot tell "closed since the 1st of this month" (a
 * few hundred rows of an index on cases (property_id, closed_at)) from "closed since 1970" — it
 * would read the building's whole history. A literal keeps the plan right; one text per month.
 */
function instant(iso: string): SQL {
  if (!ISO_INSTANT.test(iso)) throw new Error(`not an ISO instant: ${iso}`)
  return sql.raw(`'${iso}'::timestamptz`)
}
const int = (v: unknown) => Number(v ?? 0)

/** The buildings the caller may see (one, when asked for), with their time zones. */
export async function buildingsInScope(db: Db, actor: Actor, propertyId?: string) {
  return db
    .select({ id: properties.id, timezone: properties.timezone })
    .from(properties)
    .where(
      and(
        propertyScope(actor, properties.orgId, properties.id),
        propertyId ? eq(properties.id, propertyId) : undefined,
      ),
    )
    .orderBy(asc(properties.code))
}

/** The cases of these buildings: `property_id in (…)`, so each building is an index range. */
const ofBuildings = (orgId: string, ids: string[]): SQL =>
  sql`${cases.orgId} = ${orgId} and ${cases.propertyId} in (${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`

/** The day a move happens, as cases_move_date_idx has it. */
const moveDate = moveDateOf(cases.type, cases.data)

/**
 * The open cases (closed_at is null: set exactly when a case enters a final state) grouped by
 * type, state and department: an index-only scan of cases_open_counts_idx. Today's moves need a
 * case's data (its date), so they are counted apart, over the open moves only.
 */
export async function openCaseGroups(
  db: Db,
  orgId: string,
  ids: string[],
  today: string,
): Promise<OpenGroup[]> {
  const [counts, moves] = (await Promise.all([
    db.execute(sql`
      select ${cases.type} as type, ${cases.state} as state, ${cases.department} as department,
        count(*)::int as count,
        count(*) filter (where ${cases.overdue})::int as overdue,
        count(*) filter (where ${cases.escalationLevel} > 0)::int as escalated
      from ${cases}
      where ${ofBuildings(orgId, ids)} and ${cases.closedAt} is null
      group by 1, 2, 3`),
    db.execute(sql`
      select ${cases.type} as type, ${cases.state} as state, ${cases.department} as department,
        count(*)::int as moves_today
      from ${cases}
      where ${ofBuildings(orgId, ids)} and ${cases.closedAt} is null
        and ${cases.type} in ('move_in', 'move_out') and ${moveDate} = ${today}
      group by 1, 2, 3`),
  ])) as Rows<Record<string, unknown>>[]
  const keyOf = (r: Record<string, unknown>) => `${r['type']}|${r['state']}|${r['department']}`
  const movesOf = new Map(moves!.rows.map((r) => [keyOf(r), int(r['moves_today'])]))
  return counts!.rows.map((r) => ({
    type: r['type'] as OpenGroup['type'],
    state: String(r['state']),
    department: (r['department'] ?? null) as OpenGroup['department'],
    count: int(r['count']),
    overdue: int(r['overdue']),
    escalated: int(r['escalated']),
    movesToday: movesOf.get(keyOf(r)) ?? 0,
  }))
}

/**
 * Moves of today already done (a move-in completed, a move-out moved out): closed cases, read
 * through cases_queue_idx (org, building, state). The last step cannot come before the move's
 * day, so only this day's and older completed moves are in that range.
 */
export async function movesDoneToday(db: Db, orgId: string, ids: string[], today: string) {
  const result = (await db.execute(sql`
    select ${cases.type} as type, count(*)::int as count
    from ${cases}
    where ${ofBuildings(orgId, ids)}
      and ${cases.state} in ('completed', 'moved_out')
      and ${cases.type} in ('move_in', 'move_out')
      and ${cases.closedAt} is not null
      and ${moveDate} = ${today}
    group by 1
  `)) as Rows<Record<string, unknown>>
  const of = (type: string) => int(result.rows.find((r) => r['type'] === type)?.['count'])
  return { moveIns: of('move_in'), moveOuts: of('move_out') }
}

/**
 * The cases that were open at some moment of [start, end): open now, or closed since `start` —
 * a deadline met or missed, or a follow-up made, in the month happened while its case was open.
 * Two ranges per building: the open cases' partial index, and the cases closed since `start`
 * (an index on cases (property_id, closed_at), proposed with this module: without it that part
 * reads the building's whole history through cases_queue_idx). `followed_up`: a complaint or repair that has had a follow-up
 * (data.followUp is written by that action), the only ones whose timeline holds one.
 */
const openDuring = (orgId: string, ids: string[], m: Month) => {
  const columns = sql`${cases.id} as id,
    (${cases.type} in ('complaint', 'repair') and ${cases.data} ? 'followUp') as followed_up`
  return sql`
    select ${columns} from ${cases}
      where ${ofBuildings(orgId, ids)} and ${cases.closedAt} is null and ${cases.createdAt} < ${instant(m.end)}
    union all
    select ${columns} from ${cases}
      where ${ofBuildings(orgId, ids)} and ${cases.closedAt} >= ${instant(m.start)} and ${cases.createdAt} < ${instant(m.end)}`
}

/** The deadlines a timeliness rate counts: the service's own, not a customer's or a scheduled step. */
export const TIMED_DEADLINES = ['respond', 'resolve', 'follow_up', 'reply'] as const

/**
 * A month's rates, from the cases open during it (one read of them for both parts):
 * 及时率 and 回访率 from their deadlines —
 * - on time: met within its time (met_at ≤ due_at, never marked overdue), met in the month;
 * - missed: marked overdue in the month, or met late in the month without having been marked;
 * - follow-ups owed: follow-up deadlines started in the month (a complaint's result reported, a
 *   repair sent to follow-up) that were met (the follow-up made), cancelled (the case closed
 *   without one, H-IS-26) or went overdue; done: those met;
 * 满意率 from the follow-ups (回访) recorded in the month, by the rating their timeline event
 * carries (data.rating of the follow_up action).
 */
export async function monthFigures(db: Db, orgId: string, ids: string[], month: Month) {
  const d = caseDeadlines
  const e = caseEvents
  const inMonth = (column: SQLWrapper) =>
    sql`(${column} >= ${instant(month.start)} and ${column} < ${instant(month.end)})`
  const timed = sql.join(
    TIMED_DEADLINES.map((n) => sql`${n}`),
    sql`, `,
  )
  const rated = (rating: string) =>
    sql`count(*) filter (where ${e.data}->>'rating' = ${rating})::int`
  const result = (await db.execute(sql`
    with c as materialized (${openDuring(orgId, ids, month)}),
    deadlines as (
      select
        count(*) filter (where ${d.name} in (${timed}) and ${d.status} = 'met' and ${d.overdueAt} is null
          and ${d.metAt} <= ${d.dueAt} and ${inMonth(d.metAt)})::int as on_time,
        count(*) filter (where ${d.name} in (${timed}) and (${inMonth(d.overdueAt)}
          or (${d.overdueAt} is null and ${d.status} = 'met' and ${d.metAt} > ${d.dueAt} and ${inMonth(d.metAt)})))::int as missed,
        count(*) filter (where ${d.name} = 'follow_up' and ${inMonth(d.startedAt)}
          and (${d.status} in ('met', 'cancelled') or ${d.overdueAt} is not null))::int as follow_ups_owed,
        count(*) filter (where ${d.name} = 'follow_up' and ${inMonth(d.startedAt)} and ${d.status} = 'met')::int as follow_ups_done
      from c join ${d} on ${d.caseId} = c.id
    ),
    ratings as (
      select ${rated('satisfied')} as satisfied, ${rated('fairly_satisfied')} as fairly_satisfied,
        ${rated('unsatisfied')} as unsatisfied, count(*)::int as rated
      from c join ${e} on ${e.caseId} = c.id
      where c.followed_up and ${e.kind} = 'action' and ${e.action} = 'follow_up' and ${inMonth(e.at)}
    )
    select * from deadlines, ratings
  `)) as Rows<Record<string, unknown>>
  const row = result.rows[0] ?? {}
  return {
    onTime: int(row['on_time']),
    missed: int(row['missed']),
    followUpsOwed: int(row['follow_ups_owed']),
    followUpsDone: int(row['follow_ups_done']),
    satisfied: int(row['satisfied']),
    fairlySatisfied: int(row['fairly_satisfied']),
    unsatisfied: int(row['unsatisfied']),
    rated: int(row['rated']),
  }
}

/** The fit-out deposits (装修押金) the buildings hold now, in fen. */
export async function fitOutDepositsHeld(db: Db, orgId: string, ids: string[]) {
  const result = (await db.execute(sql`
    select coalesce(sum(${deposits.balance}), 0)::bigint as held
    from ${deposits}
    where ${deposits.orgId} = ${orgId}
      and ${deposits.propertyId} in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      and ${deposits.type} = 'fit_out' and ${deposits.balance} > 0
  `)) as Rows<Record<string, unknown>>
  return int(result.rows[0]?.['held'])
}
