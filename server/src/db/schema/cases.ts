import { sql, type AnyColumn, type SQL } from 'drizzle-orm'
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { idColumn } from './ids'
import { organisations, properties, units } from './org'
import { customers } from './customers'
import { departmentCodes, users } from './identity'
import { searchKeysOf } from '../../platform/db/search'

/** The day a move happens (YYYY-MM-DD): a move-in's moveInDate, a move-out's moveOutDate. */
export const moveDateOf = (type: AnyColumn, data: AnyColumn): SQL =>
  sql`(case when ${type} = 'move_in' then ${data}->>'moveInDate' else ${data}->>'moveOutDate' end)`

// The case engine's tables (ARCHITECTURE "The case engine"). A case's type-specific fields live in
// `data` (jsonb): the workflows read them, the engine never interprets them.

export const caseTypes = [
  'complaint',
  'repair',
  'inquiry',
  'incident',
  'liaison',
  'move_in',
  'move_out',
  'release',
  'fit_out',
] as const
export const casePriorities = ['normal', 'urgent', 'emergency'] as const
export const caseChannels = ['phone', 'walk_in', 'portal', 'letter', 'internal', 'other'] as const
/** `rectify`: a rectification notice's deadline; `refund`: a step scheduled for a day (H-FO-15). */
export const deadlineNames = [
  'respond',
  'resolve',
  'follow_up',
  'reply',
  'rectify',
  'refund',
] as const

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
})

export const cases = pgTable(
  'cases',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    propertyId: uuid('property_id')
      .notNull()
      .references(() => properties.id),
    type: text('type', { enum: caseTypes }).notNull(),
    /** Readable and per property: TS-20261129-0007. */
    number: text('number').notNull(),
    state: text('state').notNull(),
    priority: text('priority', { enum: casePriorities }).notNull().default('normal'),
    channel: text('channel', { enum: caseChannels }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    unitId: uuid('unit_id').references(() => units.id),
    customerId: uuid('customer_id').references(() => customers.id),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    /** The department whose queue holds the case now. */
    department: text('department', { enum: departmentCodes }),
    assigneeId: uuid('assignee_id').references(() => users.id),
    /** A case raised by another (a liaison slip from a complaint, a repair from an incident). */
    parentId: uuid('parent_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** Some deadline of the case has passed unmet; stays true once it has happened. */
    overdue: boolean('overdue').notNull().default(false),
    escalationLevel: integer('escalation_level').notNull().default(0),
    /** Waiting for the customer: deadlines are paused since then. */
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('cases_property_number_uq').on(t.propertyId, t.number),
    index('cases_queue_idx').on(t.orgId, t.propertyId, t.state, t.createdAt),
    index('cases_department_idx').on(t.department, t.state),
    // The queues list a building's cases newest first (a department's, or all of them): with these
    // the first page and any cursor page are an index range, not a sort of the building's year.
    index('cases_property_created_idx').on(t.propertyId, t.createdAt, t.id),
    index('cases_property_department_created_idx').on(
      t.propertyId,
      t.department,
      t.createdAt,
      t.id,
    ),
    // Open cases are a few percent of a building's history: the open queues (a department's, the
    // building's, the overdue list) and the dashboard's counts read these small partial indexes.
    // `closed_at` is set exactly when a case enters a final state (the engine's one function).
    index('cases_open_property_created_idx')
      .on(t.propertyId, t.createdAt, t.id)
      .where(sql`closed_at is null`),
    index('cases_open_property_department_created_idx')
      .on(t.propertyId, t.department, t.createdAt, t.id)
      .where(sql`closed_at is null`),
    // The dashboard's counts of open work: every column they group and count by, so that the
    // counts for all of an organisation's buildings are an index-only scan (no case rows read).
    index('cases_open_counts_idx')
      .on(t.orgId, t.propertyId, t.type, t.state, t.department, t.overdue, t.escalationLevel)
      .where(sql`closed_at is null`),
    // The dashboard's month: the cases closed since its first day, a range per building.
    index('cases_property_closed_idx').on(t.propertyId, t.closedAt),
    // The dashboard's moves of today (open or done): a move's day, moves only. The dashboard's
    // statements repeat this expression (moveDateOf) and the condition on the type.
    index('cases_move_date_idx')
      .on(t.orgId, t.propertyId, moveDateOf(t.type, t.data))
      .where(sql`type in ('move_in', 'move_out')`),
    index('cases_assignee_idx').on(t.assigneeId),
    index('cases_customer_idx').on(t.customerId),
    index('cases_unit_idx').on(t.unitId),
    // Search (`q`, decision 0006): the bigrams of the case's own text, plain and tagged with its
    // building, for `ILIKE '%q%'` on any of these columns. listCases repeats this expression.
    index('cases_search_keys_idx').using(
      'gin',
      searchKeysOf(t.propertyId, t.number, t.title, t.contactName),
    ),
    index('cases_parent_idx').on(t.parentId),
  ],
)

/** The timeline: append-only (a trigger refuses UPDATE and DELETE). Comments are events too. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** Null for the system (a deadline passing). */
    actorId: uuid('actor_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    kind: text('kind', {
      enum: [
        'created',
        'action',
        'comment',
        'attachment',
        'sign_off',
        'overdue',
        'escalated',
        'deadline',
        'notified',
      ],
    }).notNull(),
    action: text('action'),
    fromState: text('from_state'),
    toState: text('to_state'),
    /** A written reason (an exception, H-IS-26; a refusal; an escalation). */
    reason: text('reason'),
    /** Internal events are staff-only; customer-visible ones show in the portal too. */
    visibility: text('visibility', { enum: ['internal', 'customer'] })
      .notNull()
      .default('internal'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.id)],
)

export const caseDeadlines = pgTable(
  'case_deadlines',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    name: text('name', { enum: deadlineNames }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['running', 'paused', 'met', 'cancelled'] })
      .notNull()
      .default('running'),
    /** While paused: the working minutes that were left. */
    remainingMinutes: integer('remaining_minutes'),
    metAt: timestamp('met_at', { withTimezone: true }),
    /** When it was found overdue (it may still be met, late). */
    overdueAt: timestamp('overdue_at', { withTimezone: true }),
    /** Escalation steps taken for it: 1 at the due time, 2 a further period later. */
    escalations: integer('escalations').notNull().default(0),
    nextEscalationAt: timestamp('next_escalation_at', { withTimezone: true }),
    /** A reminder before the due time (a promised reply, H-FD-11); sent once. */
    remindAt: timestamp('remind_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [
    index('case_deadlines_due_idx')
      .on(t.status, t.dueAt)
      .where(sql`status = 'running'`),
    index('case_deadlines_case_idx').on(t.caseId),
  ],
)

export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: ['photo', 'document', 'signature'] }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    /** Shown to the customer in the portal too. */
    visibleToCustomer: boolean('visible_to_customer').notNull().default(false),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('case_attachments_case_idx').on(t.caseId),
    check('case_attachments_size', sql`${t.size} > 0`),
  ],
)

/** 签字确认: who signed, in which role, for which step; a customer may sign by drawing. */
export const caseSignOffs = pgTable(
  'case_sign_offs',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    action: text('action').notNull(),
    signerId: uuid('signer_id').references(() => users.id),
    signerName: text('signer_name').notNull(),
    /** The role the signer signed in: department_head, customer, … */
    signerRole: text('signer_role').notNull(),
    signatureId: uuid('signature_id').references(() => caseAttachments.id),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_sign_offs_case_idx').on(t.caseId)],
)

/** Response, resolution and follow-up times per case type and priority, in working minutes. */
export const deadlinePolicies = pgTable(
  'deadline_policies',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    caseType: text('case_type', { enum: caseTypes }).notNull(),
    priority: text('priority', { enum: casePriorities }).notNull(),
    respondMinutes: integer('respond_minutes').notNull(),
    resolveMinutes: integer('resolve_minutes').notNull(),
    followUpMinutes: integer('follow_up_minutes').notNull(),
    /** Counted in working time (the property's calendar) or around the clock. */
    workingTime: boolean('working_time').notNull().default(true),
    /** Share of resolved cases sent to follow-up, percent (repairs sample 30%; complaints 100%). */
    followUpPercent: integer('follow_up_percent').notNull().default(100),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('deadline_policies_uq').on(t.orgId, t.caseType, t.priority),
    check(
      'deadline_policies_positive',
      sql`${t.respondMinutes} > 0 and ${t.resolveMinutes} > 0 and ${t.followUpMinutes} > 0`,
    ),
    check('deadline_policies_percent', sql`${t.followUpPercent} between 0 and 100`),
  ],
)

/** A property's working time: time zone, hours and weekdays; holidays and 调休 days beside it. */
export const workCalendars = pgTable('work_calendars', {
  propertyId: uuid('property_id')
    .primaryKey()
    .references(() => properties.id),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organisations.id),
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
  /** Minutes after midnight, local time. */
  workStart: integer('work_start').notNull().default(540),
  workEnd: integer('work_end').notNull().default(1080),
  /** ISO weekdays, 1 = Monday. */
  workWeekdays: integer('work_weekdays')
    .array()
    .notNull()
    .default(sql`'{1,2,3,4,5}'::integer[]`),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
})

export const calendarDays = pgTable(
  'calendar_days',
  {
    propertyId: uuid('property_id')
      .notNull()
      .references(() => properties.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    date: date('date', { mode: 'string' }).notNull(),
    /** holiday: no work on a weekday; workday: a make-up working day (调休) on a weekend. */
    kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
    name: text('name').notNull().default(''),
    /** Seeded from the official calendar, or entered by hand. */
    source: text('source', { enum: ['official', 'manual'] })
      .notNull()
      .default('manual'),
  },
  (t) => [primaryKey({ columns: [t.propertyId, t.date] })],
)

export const notifications = pgTable(
  'notifications',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id').references(() => cases.id),
    /** A message key (notifications.<template> in the locale files) and its parameters. */
    template: text('template').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    urgent: boolean('urgent').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx')
      .on(t.userId)
      .where(sql`read_at is null`),
  ],
)

/** Messages leave after commit: written in the transaction, delivered by the dispatcher. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    topic: text('topic').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    index('outbox_pending_idx')
      .on(t.id)
      .where(sql`delivered_at is null`),
  ],
)

/** A user's named queue filters (我的视图). */
export const savedViews = pgTable(
  'saved_views',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    query: jsonb('query').$type<Record<string, string>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('saved_views_user_name_uq').on(t.userId, t.name)],
)
