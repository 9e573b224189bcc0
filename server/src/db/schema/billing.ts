import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { idColumn } from './ids'
import { organisations, properties, units, unitKinds } from './org'
import { customers, occupancies } from './customers'
import { users } from './identity'

// Money is integer fen (分) in bigint columns, read as JS numbers: 2^53 fen is 90 trillion yuan.
const fen = (name: string) => bigint(name, { mode: 'number' })

export const chargeKinds = [
  'management_fee', // per m² per month, by unit kind
  'fixed_fee', // debris removal, pass card, …
  'utility',
  'compensation',
  'paid_repair',
  'late_fee',
] as const
export const depositTypes = ['fit_out', 'pass', 'lease'] as const
export const paymentMethods = ['cash', 'bank_transfer', 'card', 'wechat_pay', 'alipay'] as const

export const chargeItems = pgTable(
  'charge_items',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: chargeKinds }).notNull(),
    /** Days after the period's first day (bill runs) or the posting date (ad-hoc) when it is due. */
    dueDays: integer('due_days').notNull().default(15),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('charge_items_org_code_uq').on(t.orgId, t.code)],
)

export const chargeRates = pgTable(
  'charge_rates',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    propertyId: uuid('property_id')
      .notNull()
      .references(() => properties.id),
    chargeItemId: uuid('charge_item_id')
      .notNull()
      .references(() => chargeItems.id),
    /** Management fees differ by unit kind; null: every kind. */
    unitKind: text('unit_kind', { enum: unitKinds }),
    /** per_m2_month: fen per m² per month; fixed: fen per charge; percent_per_day: basis points a day (late fees). */
    basis: text('basis', { enum: ['per_m2_month', 'fixed', 'basis_points_per_day'] }).notNull(),
    amount: fen('amount').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('charge_rates_lookup_idx').on(t.propertyId, t.chargeItemId, t.effectiveFrom),
    check('charge_rates_amount_nonneg', sql`${t.amount} >= 0`),
  ],
)

export const bills = pgTable(
  'bills',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    propertyId: uuid('property_id')
      .notNull()
      .references(() => properties.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    /** YYYY-MM */
    period: text('period').notNull(),
    number: text('number').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // One bill per customer, building and month: bill runs are idempotent by this key.
    uniqueIndex('bills_customer_period_uq').on(t.propertyId, t.customerId, t.period),
    uniqueIndex('bills_number_uq').on(t.orgId, t.number),
  ],
)

export const charges = pgTable(
  'charges',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    propertyId: uuid('property_id')
      .notNull()
      .references(() => properties.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    unitId: uuid('unit_id').references(() => units.id),
    chargeItemId: uuid('charge_item_id')
      .notNull()
      .references(() => chargeItems.id),
    billId: uuid('bill_id').references(() => bills.id),
    occupancyId: uuid('occupancy_id').references(() => occupancies.id),
    /** The month the charge belongs to (YYYY-MM): what the collection rate counts it in. */
    period: text('period').notNull(),
    description: text('description').notNull().default(''),
    amount: fen('amount').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** The case (work order) that caused an ad-hoc charge: a paid repair, a damage line. */
    caseId: uuid('case_id'),
    source: text('source', { enum: ['bill_run', 'posted'] }).notNull(),
    idempotencyKey: text('idempotency_key'),
    reversedAt: timestamp('reversed_at', { withTimezone: true }),
    reversalReason: text('reversal_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // A bill run charges each occupancy once per item and month, however often it runs; a
    // reversed charge no longer counts, so the month can be billed again after a correction.
    uniqueIndex('charges_bill_run_uq')
      .on(t.occupancyId, t.chargeItemId, t.period)
      .where(sql`${t.source} = 'bill_run' and ${t.reversedAt} is null`),
    index('charges_bill_idx').on(t.billId),
    uniqueIndex('charges_idempotency_uq').on(t.orgId, t.idempotencyKey),
    index('charges_customer_idx').on(t.customerId, t.dueDate),
    index('charges_property_period_idx').on(t.propertyId, t.period),
    check('charges_amount_positive', sql`${t.amount} > 0`),
  ],
)

export const payments = pgTable(
  'payments',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    propertyId: uuid('property_id')
      .notNull()
      .references(() => properties.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    /** Positive for money received; a reversal is a row of its own with the negative amount. */
    amount: fen('amount').notNull(),
    method: text('method', { enum: paymentMethods }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    receiptNumber: text('receipt_number').notNull(),
    reference: text('reference').notNull().default(''),
    note: text('note').notNull().default(''),
    reversalOf: uuid('reversal_of'),
    reversedBy: uuid('reversed_by'),
    idempotencyKey: text('idempotency_key').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('payments_idempotency_uq').on(t.orgId, t.idempotencyKey),
    uniqueIndex('payments_receipt_uq').on(t.orgId, t.receiptNumber),
    uniqueIndex('payments_reversal_uq').on(t.reversalOf),
    index('payments_customer_idx').on(t.customerId, t.receivedAt),
    index('payments_property_received_idx').on(t.propertyId, t.receivedAt),
  ],
)

// Which payment paid which charge. A reversal adds negative rows; nothing is ever deleted.
export const allocations = pgTable(
  'allocations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    chargeId: uuid('charge_id')
      .notNull()
      .references(() => charges.id),
    amount: fen('amount').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('allocations_charge_idx').on(t.chargeId),
    index('allocations_payment_idx').on(t.paymentId),
  ],
)

export const deposits = pgTable(
  'deposits',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    propertyId: uuid('property_id')
      .notNull()
      .references(() => properties.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    unitId: uuid('unit_id').references(() => units.id),
    type: text('type', { enum: depositTypes }).notNull(),
    caseId: uuid('case_id'),
    /** Kept equal to received − deducted − refunded by every entry, under a row lock. */
    balance: fen('balance').notNull().default(0),
    /** H-FO-15: when the remaining balance is to be refunded; finance's queue shows it from then. */
    refundDueOn: date('refund_due_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('deposits_customer_idx').on(t.customerId),
    index('deposits_refund_due_idx').on(t.propertyId, t.refundDueOn),
    check('deposits_balance_nonneg', sql`${t.balance} >= 0`),
  ],
)

export const depositEntries = pgTable(
  'deposit_entries',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    depositId: uuid('deposit_id')
      .notNull()
      .references(() => deposits.id),
    kind: text('kind', { enum: ['received', 'deducted', 'refunded'] }).notNull(),
    amount: fen('amount').notNull(),
    method: text('method', { enum: paymentMethods }),
    receiptNumber: text('receipt_number'),
    reason: text('reason').notNull().default(''),
    caseId: uuid('case_id'),
    idempotencyKey: text('idempotency_key').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('deposit_entries_idempotency_uq').on(t.orgId, t.idempotencyKey),
    index('deposit_entries_deposit_idx').on(t.depositId, t.at),
    check('deposit_entries_amount_positive', sql`${t.amount} > 0`),
  ],
)

export const reminders = pgTable(
  'reminders',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    propertyId: uuid('property_id')
      .notNull()
      .references(() => properties.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    level: text('level', { enum: ['first', 'second'] }).notNull(),
    number: text('number').notNull(),
    amount: fen('amount').notNull(),
    /** The open charges the notice lists, as they stood when it was issued. */
    lines: jsonb('lines')
      .$type<{ chargeId: string; period: string; item: string; open: number; dueDate: string }[]>()
      .notNull(),
    issuedBy: uuid('issued_by').references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('reminders_customer_idx').on(t.customerId, t.issuedAt),
    uniqueIndex('reminders_number_uq').on(t.orgId, t.number),
  ],
)

/** Per-property counters for receipt, bill and notice numbers: gap-free under a row lock. */
export const numberSequences = pgTable(
  'number_sequences',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    scope: text('scope').notNull(),
    next: integer('next').notNull().default(1),
  },
  (t) => [uniqueIndex('number_sequences_uq').on(t.orgId, t.scope)],
)

/** Money POSTs remember their Idempotency-Key and answer a repeat with the first response. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    key: text('key').notNull(),
    route: text('route').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status'),
    response: jsonb('response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('idempotency_keys_uq').on(t.orgId, t.key)],
)
