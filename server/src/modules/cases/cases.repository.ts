import {
  aliasedTable,
  and,
  desc,
  eq,
  ilike,
  inArray,
  isNull,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm'
import {
  auditLog,
  caseAttachments,
  caseDeadlines,
  caseEvents,
  cases,
  caseSignOffs,
  chargeItems,
  deadlinePolicies,
  customers,
  occupancies,
  outbox,
  properties,
  roles,
  savedViews,
  units,
  userProperties,
  users,
} from '../../db/schema'
import type { Db } from '../../platform/db'
import { one } from '../../platform/db/one'
import {
  bigramSearchable,
  bigramsOf,
  bigramTestIsExact,
  hasBigramsOf,
  searchKeysOf,
} from '../../platform/db/search'
import { propertyScope, scopeValues, type Actor, type Prepared } from '../../platform/permissions'
import { customerScope } from '../customers'
import { compiledOnce } from '../../platform/db/prepared'
import {
  insertRow,
  insertRows,
  rowById,
  runStatement,
  sqlStatement,
  updateRowById,
} from '../../platform/db/statements'

export type CaseRow = typeof cases.$inferSelect

/** The types a customer sees of their own cases. */
export const customerVisibleTypes = [
  'complaint',
  'repair',
  'inquiry',
  'move_in',
  'move_out',
  'release',
  'fit_out',
] as const satisfies readonly CaseRow['type'][]
export type CaseInsert = typeof cases.$inferInsert
export type EventRow = typeof caseEvents.$inferSelect
export type DeadlineRow = typeof caseDeadlines.$inferSelect
export type AttachmentMeta = Omit<typeof caseAttachments.$inferSelect, 'content'>
export type SignOffRow = typeof caseSignOffs.$inferSelect

/**
 * Types every staff member of the building sees: a fit-out needs five departments on one case at
 * once — engineering reviews and inspects, security issues and revokes passes, every department
 * patrols and its head signs the acceptance, finance takes and returns the money — whichever
 * department's queue holds it at the moment.
 */
export const buildingWideTypes = ['fit_out'] as const satisfies readonly CaseRow['type'][]

/**
 * The cases a caller may see: their buildings' cases if they hold case.read_all (the desk, its
 * supervisors, managers); otherwise their department's queue, cases assigned to or raised by them,
 * and the building-wide types; a customer only their own. Anything else is not found.
 */
export function caseScope(actor: Actor, t: typeof cases = cases, prepared: Prepared = false): SQL {
  // `prepared`: the caller's values as placeholders (platform/permissions scopeValues).
  const value = <V>(name: string, v: V) => (prepared ? sql.placeholder(name) : v)
  const scope = propertyScope(actor, t.orgId, t.propertyId, prepared)
  if (actor.kind === 'customer')
    return (
      and(
        scope,
        actor.customerId ? eq(t.customerId, value('scopeCustomer', actor.customerId)) : sql`false`,
        // Incidents and liaison slips are internal, whoever they concern.
        inArray(t.type, [...customerVisibleTypes]),
      ) ?? sql`false`
    )
  if (actor.permissions.has('case.read_all')) return scope
  const mine: SQL[] = [
    eq(t.assigneeId, value('scopeUser', actor.userId)),
    eq(t.createdBy, value('scopeUser', actor.userId)),
    inArray(t.type, [...buildingWideTypes]),
  ]
  if (actor.department)
    mine.push(
      eq(
        t.department,
        value('scopeDepartment', actor.department as NonNullable<CaseRow['department']>),
      ),
    )
  return and(scope, or(...mine)) ?? sql`false`
}

/** What the text of `caseScope(actor, …, true)` depends on: one statement per kind of caller. */
export function caseScopeShape(actor: Actor): string {
  return [
    actor.kind,
    actor.allProperties,
    actor.propertyIds.length > 0,
    Boolean(actor.customerId),
    actor.permissions.has('case.read_all'),
    Boolean(actor.department),
  ].join(':')
}

export async function findCase(db: Db, actor: Actor, id: string, forUpdate = false) {
  const rows = await runStatement<CaseRow[]>(
    db,
    `case ${forUpdate ? 'for update' : 'read'} ${caseScopeShape(actor)}`,
    (d) => {
      const query = d
        .select()
        .from(cases)
        .where(and(eq(cases.id, sql.placeholder('id')), caseScope(actor, cases, true)))
      return forUpdate ? query.for('update') : query
    },
    { id, ...scopeValues(actor) },
  )
  return rows[0]
}

/** For the system (deadline sweeps): no caller, no scope. */
export async function lockCaseById(db: Db, id: string) {
  const [row] = await db.select().from(cases).where(eq(cases.id, id)).for('update')
  return row
}

export async function insertCase(db: Db, row: CaseInsert) {
  return insertRow(db, cases, row)
}

export async function updateCase(db: Db, id: string, patch: Partial<CaseInsert>) {
  const row = await updateRowById(db, cases, id, patch)
  if (!row) throw new Error('case update returned no row')
  return row
}

/** The audit row and the outbox message that end an engine write, in one statement. */
export async function insertAuditAndMessage(
  db: Db,
  audit: typeof auditLog.$inferInsert,
  message: typeof outbox.$inferInsert,
) {
  await insertRows(db, [
    { table: auditLog, row: audit },
    { table: outbox, row: message },
  ])
}

export async function insertEvent(db: Db, row: typeof caseEvents.$inferInsert) {
  return insertRow(db, caseEvents, row)
}

export { nextNumber } from '../../platform/numbering/number-sequences.repository'

export async function propertyOf(db: Db, propertyId: string) {
  return rowById(db, properties, propertyId)
}

export async function unitOf(db: Db, unitId: string) {
  return rowById(db, units, unitId)
}

export async function customerOf(db: Db, customerId: string) {
  return rowById(db, customers, customerId)
}

/** A staff member of the organisation who serves the property: who may be assigned a case. */
/**
 * What a new case names, read in one round trip: the building's organisation, the unit's
 * organisation, building and kind, and the customer's building if the caller may see the
 * customer (null fields: not found).
 */
export async function referencesOf(
  db: Db,
  actor: Actor,
  ids: { propertyId: string; unitId: string | null; customerId: string | null },
) {
  const shape = [actor.kind, actor.allProperties, actor.propertyIds.length > 0, !!actor.customerId]
  const [row] = await runStatement<
    {
      propertyOrg: string | null
      unitOrg: string | null
      unitProperty: string | null
      unitKind: (typeof units.$inferSelect)['kind'] | null
      customerProperty: string | null
    }[]
  >(
    db,
    `references of a new case ${shape.join(':')}`,
    (d) =>
      d
        .select({
          propertyOrg: properties.orgId,
          unitOrg: units.orgId,
          unitProperty: units.propertyId,
          unitKind: units.kind,
          customerProperty: customers.propertyId,
        })
        .from(sql`(select 1) as one`)
        .leftJoin(properties, eq(properties.id, sql.placeholder('propertyId')))
        .leftJoin(units, eq(units.id, sql.placeholder('unitId')))
        .leftJoin(
          customers,
          and(eq(customers.id, sql.placeholder('customerId')), customerScope(actor, true)),
        ),
    { ...ids, ...scopeValues(actor) },
  )
  return row
}

export async function staffServing(db: Db, orgId: string, propertyId: string, userId: string) {
  const [row] = await db
    .select({ id: users.id, displayName: users.displayName, department: users.department })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        eq(users.orgId, orgId),
        eq(users.kind, 'staff'),
        eq(users.disabled, false),
        or(
          eq(users.allProperties, true),
          sql`exists (select 1 from ${userProperties} up where up.user_id = ${users.id} and up.property_id = ${propertyId})`,
        ),
      ),
    )
  return row
}

/** Staff by role and/or department who serve the property; or a customer's portal accounts. */
export async function recipients(
  db: Db,
  orgId: string,
  propertyId: string,
  to: { role?: string; department?: string; userIds?: string[]; customerId?: string },
) {
  const where: (SQL | undefined)[] = [eq(users.orgId, orgId), eq(users.disabled, false)]
  if (to.userIds) {
    // Named people (assignee, creator — a customer who opened it in the portal): any kind.
    where.push(to.userIds.length ? inArray(users.id, to.userIds) : sql`false`)
  } else if (to.customerId) {
    where.push(eq(users.kind, 'customer'), eq(users.customerId, to.customerId))
  } else {
    where.push(
      eq(users.kind, 'staff'),
      or(
        eq(users.allProperties, true),
        sql`exists (select 1 from ${userProperties} up where up.user_id = ${users.id} and up.property_id = ${propertyId})`,
      ),
    )
    if (to.role) where.push(eq(roles.code, to.role))
    if (to.department)
      where.push(eq(users.department, to.department as NonNullable<CaseRow['department']>))
  }
  return db
    .select({ id: users.id })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(and(...where))
}

export async function activeChargeItemOfKind(
  db: Db,
  orgId: string,
  kind: 'paid_repair' | 'compensation',
) {
  const [row] = await db
    .select()
    .from(chargeItems)
    .where(
      and(eq(chargeItems.orgId, orgId), eq(chargeItems.kind, kind), eq(chargeItems.active, true)),
    )
    .orderBy(chargeItems.createdAt)
    .limit(1)
  return row
}

// ——— deadlines ———

export async function deadlinesOf(db: Db, caseId: string) {
  return runStatement<DeadlineRow[]>(
    db,
    'deadlines of case',
    (d) =>
      d
        .select()
        .from(caseDeadlines)
        .where(eq(caseDeadlines.caseId, sql.placeholder('caseId')))
        .orderBy(caseDeadlines.startedAt),
    { caseId },
  )
}

export async function insertDeadline(db: Db, row: typeof caseDeadlines.$inferInsert) {
  return insertRow(db, caseDeadlines, row)
}

export async function updateDeadline(
  db: Db,
  id: string,
  patch: Partial<typeof caseDeadlines.$inferInsert>,
) {
  await updateRowById(db, caseDeadlines, id, patch)
}

/** Cases with a deadline whose time has come: due and not yet marked, a further escalation due, or a reminder. */
export async function casesWithDueDeadlines(db: Db, now: Date, limit: number) {
  const rows = await db
    .selectDistinct({ caseId: caseDeadlines.caseId })
    .from(caseDeadlines)
    .where(
      and(
        eq(caseDeadlines.status, 'running'),
        or(
          and(lte(caseDeadlines.dueAt, now), isNull(caseDeadlines.overdueAt)),
          lte(caseDeadlines.nextEscalationAt, now),
          and(lte(caseDeadlines.remindAt, now), isNull(caseDeadlines.remindedAt)),
        ),
      ),
    )
    .limit(limit)
  return rows.map((r) => r.caseId)
}

/** The next moment a running deadline needs the sweep: what a scheduled job waits for. */
export async function nextDeadlineMoment(db: Db, after: Date) {
  const result = (await db.execute(sql`
    select min(t) as at from (
      select min(due_at) as t from ${caseDeadlines} where status = 'running' and overdue_at is null and due_at > ${after}
      union all select min(next_escalation_at) from ${caseDeadlines} where status = 'running' and next_escalation_at > ${after}
      union all select min(remind_at) from ${caseDeadlines} where status = 'running' and reminded_at is null and remind_at > ${after}
    ) m`)) as { rows: { at: string | Date | null }[] }
  const at = result.rows[0]?.at
  return at ? new Date(at) : null
}

// ——— listing ———

export type CaseFilter = {
  type?: CaseRow['type']
  state?: string
  priority?: CaseRow['priority']
  propertyId?: string
  department?: CaseRow['department']
  assignee?: string
  overdue?: boolean
  customerId?: string
  unitId?: string
  parentId?: string
  /** Open cases only (not in a final state). */
  open?: boolean
  /** Waiting for a follow-up visit (回访). */
  followUp?: boolean
  q?: string
  after?: { createdAt: string; id: string }
  limit: number
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/** The columns a queue filters on by equality, by the filter's name. */
const filterColumns = {
  type: cases.type,
  state: cases.state,
  priority: cases.priority,
  propertyId: cases.propertyId,
  department: cases.department,
  assignee: cases.assigneeId,
  overdue: cases.overdue,
  customerId: cases.customerId,
  unitId: cases.unitId,
  parentId: cases.parentId,
} as const
type FilterName = keyof typeof filterColumns
const filterNames = Object.keys(filterColumns) as FilterName[]

/**
 * The conditions of a queue's filters (all but the search and the cursor): `value` gives a
 * filter's value, or a placeholder for it in a statement compiled once.
 */
function filterConditions(f: CaseFilter, value: (name: FilterName) => unknown): SQL[] {
  const where: SQL[] = []
  for (const name of filterNames)
    if (f[name] !== undefined) where.push(eq(filterColumns[name], value(name) as never))
  // `closed_at` is set exactly when a case enters a final state: open = not closed, which the
  // partial `cases_open_*` indexes serve.
  if (f.open) where.push(isNull(cases.closedAt))
  if (f.followUp)
    where.push(
      or(
        and(eq(cases.type, 'complaint'), eq(cases.state, 'resolved')),
        and(eq(cases.type, 'repair'), eq(cases.state, 'awaiting_follow_up')),
      ) ?? sql`false`,
    )
  return where
}
const assignee = aliasedTable(users, 'assignee')

/** What a queue's row shows: no description, contact or case data (the detail has them). */
export type CaseSummaryRow = Pick<
  CaseRow,
  | 'id'
  | 'number'
  | 'type'
  | 'state'
  | 'priority'
  | 'channel'
  | 'title'
  | 'propertyId'
  | 'unitId'
  | 'customerId'
  | 'department'
  | 'assigneeId'
  | 'overdue'
  | 'escalationLevel'
  | 'pausedAt'
  | 'createdAt'
  | 'updatedAt'
  | 'closedAt'
  | 'version'
>

/**
 * The queue page's statement around its conditions, compiled once (its columns and joins are the
 * same for every page): compiling forty column references on every request cost more CPU than
 * the database's answer. The text is what the query builder writes for them.
 */
const queuePage = {
  head: compiledOnce(sql`
    select page.id, page.number, page.type, page.state, page.priority, page.channel, page.title,
      page.property_id, page.unit_id, page.customer_id, page.department, page.assignee_id,
      page.overdue, page.escalation_level, page.paused_at, page.created_at, page.updated_at,
      page.closed_at, page.version,
      ${units.number} as unit_number, ${customers.name} as customer_name,
      ${assignee.displayName} as assignee_name, ${properties.name} as property_name,
      (select min(d.due_at) from ${caseDeadlines} d
        where d.case_id = page.id and d.status = 'running') as due_at
    from (
      select ${cases.id} as id, ${cases.number} as number, ${cases.type} as type,
        ${cases.state} as state, ${cases.priority} as priority, ${cases.channel} as channel,
        ${cases.title} as title, ${cases.propertyId} as property_id, ${cases.unitId} as unit_id,
        ${cases.customerId} as customer_id, ${cases.department} as department,
        ${cases.assigneeId} as assignee_id, ${cases.overdue} as overdue,
        ${cases.escalationLevel} as escalation_level, ${cases.pausedAt} as paused_at,
        ${cases.createdAt} as created_at, ${cases.updatedAt} as updated_at,
        ${cases.closedAt} as closed_at, ${cases.version} as version
      from ${cases}`),
  tail: compiledOnce(sql`
    ) page
    inner join ${properties} on ${properties.id} = page.property_id
    left join ${units} on ${units.id} = page.unit_id
    left join ${customers} on ${customers.id} = page.customer_id
    left join ${users} ${assignee} on ${assignee.id} = page.assignee_id
    order by page.created_at desc, page.id desc`),
}

async function searchPage(db: Db, actor: Actor, f: CaseFilter & { q: string }) {
  const where: (SQL | undefined)[] = [caseScope(actor), ...filterConditions(f, (name) => f[name])]
  {
    // A case matches when q occurs in its number, title or contact name, its unit's number starts
    // with q, or q occurs in its customer's name (ILIKE). The unit and customer arms are id lists
    // drawn from the caller's buildings (a case's unit and customer are in its building, checked
    // when it is opened), so no arm needs the joined rows and each can use an index on `cases`.
    // Decision 0006: from two characters on, the test is written so that the planner can
    // bitmap-OR cases_search_keys_idx, cases_unit_idx and cases_customer_idx.
    const like = `%${escapeLike(f.q)}%`
    const indexed = bigramSearchable(f.q)
    const exact = bigramTestIsExact(f.q)
    // Within one building the tagged bigrams serve: that building's entries only.
    const building =
      f.propertyId ??
      (!actor.allProperties && actor.propertyIds.length === 1 ? actor.propertyIds[0] : undefined)
    const unit = aliasedTable(units, 'q_unit')
    const customer = aliasedTable(customers, 'q_customer')
    const unitIds = sql`array(select ${unit.id} from ${units} ${unit} where ${and(
      propertyScope(actor, unit.orgId, unit.propertyId),
      f.propertyId ? eq(unit.propertyId, f.propertyId) : undefined,
      ilike(unit.number, `${escapeLike(f.q)}%`),
    )})`
    const customerIds = sql`array(select ${customer.id} from ${customers} ${customer} where ${and(
      propertyScope(actor, customer.orgId, customer.propertyId),
      f.propertyId ? eq(customer.propertyId, f.propertyId) : undefined,
      indexed ? hasBigramsOf(bigramsOf(customer.name), f.q) : undefined,
      exact ? undefined : ilike(customer.name, like),
    )})`
    const related = [
      sql`${cases.unitId} = any(${unitIds})`,
      sql`${cases.customerId} = any(${customerIds})`,
    ]
    const text = or(
      ilike(cases.number, like),
      ilike(cases.title, like),
      ilike(cases.contactName, like),
    )
    // The bigram test is implied by the ILIKEs; it comes as a condition of its own so that the
    // ILIKEs filter the fetched rows without recomputing their bigrams. The ILIKEs stay even where
    // the bigram test is the ILIKE itself (two characters): a plan that walks the building's
    // newest cases in order checks the cheap ILIKE first (PostgreSQL orders a filter's conditions
    // by cost), not the bigrams of every row — ~1 µs a row instead of ~14 (bench/RESULTS.md,
    // fifth session: one building's search 161 → 463 a second).
    const keys = searchKeysOf(cases.propertyId, cases.number, cases.title, cases.contactName)
    if (indexed) where.push(or(hasBigramsOf(keys, f.q, building), ...related))
    where.push(or(text, ...related))
  }
  if (f.after) {
    // A row comparison, so that the index range starts at the cursor (an OR of the two parts
    // walked every row before it: page 20 read 1,000 index entries to return 50).
    const at = new Date(f.after.createdAt).toISOString()
    where.push(sql`(${cases.createdAt}, ${cases.id}) < (${at}::timestamptz, ${f.after.id}::uuid)`)
  }
  // One statement read into plain objects by hand: a queue page is up to 51 rows of 20 fields,
  // and mapping them through the query builder was a fifth of the route's CPU (bench/RESULTS.md).
  // The page is chosen first and only its rows are joined to their names and deadline: a search
  // for a common word matches hundreds of cases, of which the newest 51 are shown.
  const result = (await db.execute(sql`${queuePage.head}
      where ${and(...where)}
      order by ${cases.createdAt} desc, ${cases.id} desc
      limit ${f.limit + 1}
    ${queuePage.tail}
  `)) as { rows: SummaryRecord[] }
  return result.rows
}

/**
 * A queue page without a search: one statement per combination of filters and kind of caller,
 * compiled once, the filters' values and the caller's scope given as placeholders.
 */
async function queuePageOf(db: Db, actor: Actor, f: CaseFilter) {
  const filters = [
    ...filterNames.filter((name) => f[name] !== undefined),
    f.open && 'open',
    f.followUp && 'followUp',
    f.after && 'after',
  ].filter((x): x is string => Boolean(x))
  const result = await runStatement<{ rows: SummaryRecord[] }>(
    db,
    `queue page ${caseScopeShape(actor)}:${actor.propertyIds.length} ${filters.join(',')}`,
    (d) => {
      const where: (SQL | undefined)[] = [
        caseScope(actor, cases, 'listed'),
        ...filterConditions(f, (name) => sql.placeholder(name)),
      ]
      if (f.after)
        where.push(
          sql`(${cases.createdAt}, ${cases.id}) < (${sql.placeholder('afterAt')}::timestamptz, ${sql.placeholder('afterId')}::uuid)`,
        )
      return sqlStatement(
        d,
        sql`${queuePage.head}
          where ${and(...where)}
          order by ${cases.createdAt} desc, ${cases.id} desc
          limit ${sql.placeholder('limit')}
        ${queuePage.tail}`,
      )
    },
    {
      ...f,
      ...scopeValues(actor),
      limit: f.limit + 1,
      ...(f.after
        ? { afterAt: new Date(f.after.createdAt).toISOString(), afterId: f.after.id }
        : {}),
    },
  )
  return result.rows
}

export async function listCases(db: Db, actor: Actor, f: CaseFilter) {
  const rows = f.q ? await searchPage(db, actor, { ...f, q: f.q }) : await queuePageOf(db, actor, f)
  return rows.map((r) => ({
    case: {
      id: r.id,
      number: r.number,
      type: r.type,
      state: r.state,
      priority: r.priority,
      channel: r.channel,
      title: r.title,
      propertyId: r.property_id,
      unitId: r.unit_id,
      customerId: r.customer_id,
      department: r.department,
      assigneeId: r.assignee_id,
      overdue: r.overdue,
      escalationLevel: r.escalation_level,
      pausedAt: dateOrNull(r.paused_at),
      createdAt: new Date(r.created_at),
      updatedAt: new Date(r.updated_at),
      closedAt: dateOrNull(r.closed_at),
      version: r.version,
    } satisfies CaseSummaryRow,
    unitNumber: r.unit_number,
    customerName: r.customer_name,
    assigneeName: r.assignee_name,
    propertyName: r.property_name,
    dueAt: r.due_at,
  }))
}

type Timestamp = string | Date
/** A row of the queue as the driver gives it (timestamps as text or Date, by driver). */
type SummaryRecord = {
  id: string
  number: string
  type: CaseRow['type']
  state: string
  priority: CaseRow['priority']
  channel: CaseRow['channel']
  title: string
  property_id: string
  unit_id: string | null
  customer_id: string | null
  department: CaseRow['department']
  assignee_id: string | null
  overdue: boolean
  escalation_level: number
  paused_at: Timestamp | null
  created_at: Timestamp
  updated_at: Timestamp
  closed_at: Timestamp | null
  version: number
  unit_number: string | null
  customer_name: string | null
  assignee_name: string | null
  property_name: string
  due_at: Timestamp | null
}
const dateOrNull = (value: Timestamp | null) => (value === null ? null : new Date(value))

/** A linked case as its page lists it (parent, children). */
export type CaseBrief = Pick<CaseRow, 'id' | 'number' | 'type' | 'state' | 'title'>

/** Timestamps arrive inside JSON as text; the rows read elsewhere carry Date. */
type JsonRow<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K]
}
const toDates = <T>(row: JsonRow<T>, keys: readonly (keyof T)[]): T => {
  const out = { ...row } as Record<keyof T, unknown>
  for (const key of keys) {
    const value = out[key]
    if (typeof value === 'string') out[key] = new Date(value)
  }
  return out as T
}

const parentCase = aliasedTable(cases, 'parent_case')
const childCase = aliasedTable(cases, 'child_case')

/**
 * One case the caller may see, with everything its page shows, in one round trip: the names, its
 * deadlines, timeline, attachments (without their content), sign-offs, the linked cases the caller
 * may also see. A customer sees only the events and attachments shown to customers. Compiled once
 * per shape (the caller's kind of scope, the customer's view or the staff's): compiling it took
 * more CPU than running it.
 */
export async function findCaseWithNames(db: Db, actor: Actor, id: string, customerView = false) {
  const [row] = await runStatement<CasePageRow[]>(
    db,
    `case page ${customerView}:${caseScopeShape(actor)}`,
    (handle) => casePageQuery(handle, actor, customerView),
    { id, ...scopeValues(actor) },
  )
  if (!row) return undefined
  return {
    ...row,
    deadlines: row.deadlines.map((d) =>
      toDates<DeadlineRow>(d, [
        'startedAt',
        'dueAt',
        'metAt',
        'overdueAt',
        'nextEscalationAt',
        'remindAt',
        'remindedAt',
      ]),
    ),
    timeline: row.timeline.map((ev) => toDates<EventRow>(ev, ['at'])),
    attachments: row.attachments.map((at) => toDates<AttachmentMeta>(at, ['uploadedAt'])),
    signOffs: row.signOffs.map((so) => toDates<SignOffRow>(so, ['signedAt'])),
  }
}

type CasePageRow = Awaited<ReturnType<typeof casePageQuery>>[number]

/** The case page's statement, with placeholders for the case's id and the caller's scope. */
function casePageQuery(db: Db, actor: Actor, customerView: boolean) {
  const e = caseEvents
  const a = caseAttachments
  return db
    .select({
      case: cases,
      unitNumber: units.number,
      customerName: customers.name,
      assigneeName: assignee.displayName,
      propertyName: properties.name,
      // The company's follow-up share for the case's type and priority (null: the built-in one),
      // which the actions on offer depend on: read here instead of in a statement of its own.
      followUpPercent: sql<number | null>`(select ${deadlinePolicies.followUpPercent}
        from ${deadlinePolicies} where ${deadlinePolicies.orgId} = ${cases.orgId}
        and ${deadlinePolicies.caseType} = ${cases.type} and ${deadlinePolicies.priority} = ${cases.priority})`,
      deadlines: sql<JsonRow<DeadlineRow>[]>`(select coalesce(json_agg(json_build_object(
        'id', d.id, 'orgId', d.org_id, 'caseId', d.case_id, 'name', d.name,
        'startedAt', d.started_at, 'dueAt', d.due_at, 'status', d.status,
        'remainingMinutes', d.remaining_minutes, 'metAt', d.met_at, 'overdueAt', d.overdue_at,
        'escalations', d.escalations, 'nextEscalationAt', d.next_escalation_at,
        'remindAt', d.remind_at, 'remindedAt', d.reminded_at) order by d.started_at), '[]')
        from ${caseDeadlines} d where d.case_id = ${cases.id})`,
      timeline: sql<JsonRow<EventRow>[]>`(select coalesce(json_agg(json_build_object(
        'id', ${e.id}, 'orgId', ${e.orgId}, 'caseId', ${e.caseId}, 'at', ${e.at},
        'actorId', ${e.actorId}, 'actorName', ${e.actorName}, 'kind', ${e.kind},
        'action', ${e.action}, 'fromState', ${e.fromState}, 'toState', ${e.toState},
        'reason', ${e.reason}, 'visibility', ${e.visibility}, 'data', ${e.data})
        order by ${e.id}), '[]')
        from ${e} where ${e.caseId} = ${cases.id}
        ${customerView ? sql`and ${e.visibility} = 'customer'` : sql``})`,
      attachments: sql<JsonRow<AttachmentMeta>[]>`(select coalesce(json_agg(json_build_object(
        'id', ${a.id}, 'orgId', ${a.orgId}, 'caseId', ${a.caseId}, 'kind', ${a.kind},
        'fileName', ${a.fileName}, 'contentType', ${a.contentType}, 'size', ${a.size},
        'sha256', ${a.sha256}, 'visibleToCustomer', ${a.visibleToCustomer},
        'uploadedBy', ${a.uploadedBy}, 'uploadedAt', ${a.uploadedAt})
        order by ${a.uploadedAt}), '[]')
        from ${a} where ${a.caseId} = ${cases.id}
        ${customerView ? sql`and ${a.visibleToCustomer}` : sql``})`,
      signOffs: sql<JsonRow<SignOffRow>[]>`(select coalesce(json_agg(json_build_object(
        'id', s.id, 'orgId', s.org_id, 'caseId', s.case_id, 'action', s.action,
        'signerId', s.signer_id, 'signerName', s.signer_name, 'signerRole', s.signer_role,
        'signatureId', s.signature_id, 'signedAt', s.signed_at) order by s.signed_at), '[]')
        from ${caseSignOffs} s where s.case_id = ${cases.id})`,
      children: sql<CaseBrief[]>`(select coalesce(json_agg(json_build_object(
        'id', ${childCase.id}, 'number', ${childCase.number}, 'type', ${childCase.type},
        'state', ${childCase.state}, 'title', ${childCase.title}) order by ${childCase.createdAt}), '[]')
        from ${cases} child_case where ${childCase.parentId} = ${cases.id} and ${caseScope(actor, childCase, true)})`,
      parent: sql<CaseBrief | null>`(select json_build_object(
        'id', ${parentCase.id}, 'number', ${parentCase.number}, 'type', ${parentCase.type},
        'state', ${parentCase.state}, 'title', ${parentCase.title})
        from ${cases} parent_case where ${parentCase.id} = ${cases.parentId} and ${caseScope(actor, parentCase, true)})`,
    })
    .from(cases)
    .innerJoin(properties, eq(properties.id, cases.propertyId))
    .leftJoin(units, eq(units.id, cases.unitId))
    .leftJoin(customers, eq(customers.id, cases.customerId))
    .leftJoin(assignee, eq(assignee.id, cases.assigneeId))
    .where(and(eq(cases.id, sql.placeholder('id')), caseScope(actor, cases, true)))
}

// ——— attachments and sign-offs ———

const attachmentMeta = {
  id: caseAttachments.id,
  orgId: caseAttachments.orgId,
  caseId: caseAttachments.caseId,
  kind: caseAttachments.kind,
  fileName: caseAttachments.fileName,
  contentType: caseAttachments.contentType,
  size: caseAttachments.size,
  sha256: caseAttachments.sha256,
  visibleToCustomer: caseAttachments.visibleToCustomer,
  uploadedBy: caseAttachments.uploadedBy,
  uploadedAt: caseAttachments.uploadedAt,
}

export async function insertAttachment(db: Db, row: typeof caseAttachments.$inferInsert) {
  return one(
    await db.insert(caseAttachments).values(row).returning(attachmentMeta),
    'attachment insert',
  )
}

export async function attachmentContent(db: Db, caseId: string, id: string) {
  const [row] = await db
    .select()
    .from(caseAttachments)
    .where(and(eq(caseAttachments.caseId, caseId), eq(caseAttachments.id, id)))
  return row
}

export async function insertSignOff(db: Db, row: typeof caseSignOffs.$inferInsert) {
  return one(await db.insert(caseSignOffs).values(row).returning(), 'sign-off insert')
}

// ——— saved views ———

export async function viewsOf(db: Db, userId: string) {
  return db.select().from(savedViews).where(eq(savedViews.userId, userId)).orderBy(savedViews.name)
}

export async function insertView(db: Db, row: typeof savedViews.$inferInsert) {
  const [created] = await db.insert(savedViews).values(row).onConflictDoNothing().returning()
  return created
}

export async function deleteView(db: Db, userId: string, id: string) {
  const rows = await db
    .delete(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.userId, userId)))
    .returning({ id: savedViews.id })
  return rows.length > 0
}

export async function staffOfProperty(
  db: Db,
  orgId: string,
  propertyId: string,
  department?: string,
) {
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      department: users.department,
      roleCode: roles.code,
    })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(
      and(
        eq(users.orgId, orgId),
        eq(users.kind, 'staff'),
        eq(users.disabled, false),
        department
          ? eq(users.department, department as NonNullable<CaseRow['department']>)
          : undefined,
        or(
          eq(users.allProperties, true),
          sql`exists (select 1 from ${userProperties} up where up.user_id = ${users.id} and up.property_id = ${propertyId})`,
        ),
      ),
    )
    .orderBy(users.displayName)
}

/** The keys and cards counted out at the customer's last completed move-in to the unit. */
export async function issuedAtMoveIn(db: Db, unitId: string, customerId: string) {
  const [row] = await db
    .select({ data: cases.data })
    .from(cases)
    .where(
      and(
        eq(cases.type, 'move_in'),
        eq(cases.state, 'completed'),
        eq(cases.unitId, unitId),
        eq(cases.customerId, customerId),
      ),
    )
    .orderBy(desc(cases.closedAt))
    .limit(1)
  const handover = row?.data['handover'] as { keys?: number; cards?: number } | undefined
  return handover ? { keys: handover.keys ?? 0, cards: handover.cards ?? 0 } : null
}

/** The customer's role in the unit today (owner wins when both), or null. */
export async function occupancyRole(db: Db, unitId: string, customerId: string, today: string) {
  const rows = await db
    .select({ role: occupancies.role })
    .from(occupancies)
    .where(
      and(
        eq(occupancies.unitId, unitId),
        eq(occupancies.customerId, customerId),
        lte(occupancies.fromDate, today),
        or(isNull(occupancies.toDate), sql`${occupancies.toDate} >= ${today}`),
      ),
    )
  if (rows.some((r) => r.role === 'owner')) return 'owner' as const
  return rows.length ? ('tenant' as const) : null
}

/** Files of a case a step may name (drawings, photos): every attachment but signatures. */
export async function attachmentIdsOf(db: Db, caseId: string) {
  const rows = await db
    .select({ id: caseAttachments.id })
    .from(caseAttachments)
    .where(and(eq(caseAttachments.caseId, caseId), sql`${caseAttachments.kind} <> 'signature'`))
  return rows.map((r) => r.id)
}

/**
 * H-FO-3: the case's own money — deposits taken for it and its charges with what is still open.
 * Only the case's customer's: a deposit or charge of someone else naming the case by mistake is
 * not this customer's money.
 */
export async function caseMoney(db: Db, c: { id: string; customerId: string | null }) {
  const deposits = (await db.execute(sql`
    select id, type, balance, refund_due_on::text as refund_due_on from deposits
    where case_id = ${c.id} and customer_id = ${c.customerId} order by created_at, id`)) as {
    rows: { id: string; type: string; balance: string | number; refund_due_on: string | null }[]
  }
  const charges = (await db.execute(sql`
    select ci.code, sum(c.amount) as amount,
           sum(c.amount - coalesce(
             (select sum(a.amount) from allocations a where a.charge_id = c.id), 0)) as open
    from charges c join charge_items ci on ci.id = c.charge_item_id
    where c.case_id = ${c.id} and c.customer_id = ${c.customerId} and c.reversed_at is null
    group by ci.code order by ci.code`)) as {
    rows: { code: string; amount: string | number; open: string | number }[]
  }
  const ds = deposits.rows.map((d) => ({
    id: d.id,
    type: d.type,
    balance: Number(d.balance),
    refundDueOn: d.refund_due_on,
  }))
  return {
    deposits: ds,
    held: ds.reduce((s, d) => s + d.balance, 0),
    charges: charges.rows.map((c) => ({
      code: c.code,
      amount: Number(c.amount),
      open: Number(c.open),
    })),
  }
}

/** The open liaison slips a case raised to a department (issued or received). */
export async function openSlipsOf(db: Db, parentId: string, department: string) {
  return db
    .select()
    .from(cases)
    .where(
      and(
        eq(cases.parentId, parentId),
        eq(cases.type, 'liaison'),
        eq(cases.department, department as NonNullable<CaseRow['department']>),
        inArray(cases.state, ['issued', 'received']),
      ),
    )
    .orderBy(cases.createdAt)
}
