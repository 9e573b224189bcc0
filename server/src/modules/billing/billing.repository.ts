import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import {
  allocations,
  bills,
  cases,
  chargeItems,
  chargeRates,
  charges,
  customers,
  depositEntries,
  deposits,
  occupancies,
  payments,
  properties,
  reminders,
  units,
} from '../../db/schema'
import type { Db } from '../../platform/db'
import { one } from '../../platform/db/one'
import { propertyScope, type Actor } from '../../platform/permissions'

export type ChargeItemRow = typeof chargeItems.$inferSelect
export type ChargeRow = typeof charges.$inferSelect
export type PaymentRow = typeof payments.$inferSelect
export type DepositRow = typeof deposits.$inferSelect
export type BillRow = typeof bills.$inferSelect

/** Money rows the caller may see: their buildings; a customer account only its own. */
function moneyScope(
  actor: Actor,
  orgId: PgColumn,
  propertyId: PgColumn,
  customerId: PgColumn,
): SQL {
  const scope = propertyScope(actor, orgId, propertyId)
  if (actor.kind !== 'customer') return scope
  return and(scope, actor.customerId ? eq(customerId, actor.customerId) : sql`false`) ?? sql`false`
}
export const chargeScope = (actor: Actor) =>
  moneyScope(actor, charges.orgId, charges.propertyId, charges.customerId)
export const paymentScope = (actor: Actor) =>
  moneyScope(actor, payments.orgId, payments.propertyId, payments.customerId)
export const depositScope = (actor: Actor) =>
  moneyScope(actor, deposits.orgId, deposits.propertyId, deposits.customerId)
export const billScope = (actor: Actor) =>
  moneyScope(actor, bills.orgId, bills.propertyId, bills.customerId)

// Correlated subqueries name the outer row in full: Drizzle leaves columns unqualified in a
// single-table select, and a bare "id" inside the subquery would mean the subquery's own table.
const outer = {
  chargeId: sql.raw('"charges"."id"'),
  paymentId: sql.raw('"payments"."id"'),
  billId: sql.raw('"bills"."id"'),
}

/** The net amount allocated to a charge (reversals subtract). */
const paidOf = sql<number>`coalesce((select sum(a.amount) from ${allocations} a where a.charge_id = ${outer.chargeId}), 0)::bigint`

// ——— numbers ———

export { nextNumber } from '../../platform/numbering/number-sequences.repository'

export async function propertyCode(db: Db, propertyId: string) {
  const [row] = await db
    .select({ code: properties.code })
    .from(properties)
    .where(eq(properties.id, propertyId))
  return row?.code ?? 'X'
}

// ——— charge items and rates ———

export async function listChargeItems(db: Db, orgId: string) {
  return db
    .select()
    .from(chargeItems)
    .where(eq(chargeItems.orgId, orgId))
    .orderBy(asc(chargeItems.kind), asc(chargeItems.code))
}

export async function findChargeItem(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(chargeItems)
    .where(and(eq(chargeItems.orgId, orgId), eq(chargeItems.id, id)))
  return row
}

export async function findChargeItemByCode(db: Db, orgId: string, code: string) {
  const [row] = await db
    .select()
    .from(chargeItems)
    .where(and(eq(chargeItems.orgId, orgId), eq(chargeItems.code, code)))
  return row
}

export async function insertChargeItem(db: Db, row: typeof chargeItems.$inferInsert) {
  return one(await db.insert(chargeItems).values(row).returning())
}

export async function updateChargeItem(
  db: Db,
  id: string,
  patch: Partial<typeof chargeItems.$inferInsert>,
) {
  return one(
    await db
      .update(chargeItems)
      .set({ ...patch, version: sql`${chargeItems.version} + 1` })
      .where(eq(chargeItems.id, id))
      .returning(),
  )
}

export async function listRates(db: Db, orgId: string, propertyId: string) {
  return db
    .select()
    .from(chargeRates)
    .where(and(eq(chargeRates.orgId, orgId), eq(chargeRates.propertyId, propertyId)))
    .orderBy(
      asc(chargeRates.chargeItemId),
      asc(chargeRates.unitKind),
      desc(chargeRates.effectiveFrom),
    )
}

/** Ends the open rate of the same item and unit kind the day before a new one starts. */
export async function closeOpenRates(
  db: Db,
  propertyId: string,
  itemId: string,
  unitKind: 'apartment' | 'office' | null,
  lastDay: string,
) {
  await db
    .update(chargeRates)
    .set({ effectiveTo: lastDay })
    .where(
      and(
        eq(chargeRates.propertyId, propertyId),
        eq(chargeRates.chargeItemId, itemId),
        unitKind ? eq(chargeRates.unitKind, unitKind) : isNull(chargeRates.unitKind),
        isNull(chargeRates.effectiveTo),
        sql`${chargeRates.effectiveFrom} <= ${lastDay}`,
      ),
    )
}

export async function insertRate(db: Db, row: typeof chargeRates.$inferInsert) {
  return one(await db.insert(chargeRates).values(row).returning())
}

/** The rates in force on a day for a building's items of one kind. */
export async function ratesOn(
  db: Db,
  propertyId: string,
  day: string,
  kind: ChargeItemRow['kind'],
) {
  return db
    .select({ rate: chargeRates, item: chargeItems })
    .from(chargeRates)
    .innerJoin(chargeItems, eq(chargeItems.id, chargeRates.chargeItemId))
    .where(
      and(
        eq(chargeRates.propertyId, propertyId),
        eq(chargeItems.kind, kind),
        eq(chargeItems.active, true),
        lte(chargeRates.effectiveFrom, day),
        or(isNull(chargeRates.effectiveTo), sql`${chargeRates.effectiveTo} >= ${day}`),
      ),
    )
}

// ——— bill runs ———

/** Occupancies of a building that overlap a month, with their units' area and kind. */
export async function occupanciesInMonth(db: Db, propertyId: string, first: string, last: string) {
  return db
    .select({
      occupancy: occupancies,
      areaM2: units.areaM2,
      unitKind: units.kind,
      unitNumber: units.number,
    })
    .from(occupancies)
    .innerJoin(units, eq(units.id, occupancies.unitId))
    .where(
      and(
        eq(occupancies.propertyId, propertyId),
        lte(occupancies.fromDate, last),
        or(isNull(occupancies.toDate), sql`${occupancies.toDate} >= ${first}`),
      ),
    )
}

export async function findBill(db: Db, propertyId: string, customerId: string, period: string) {
  const [row] = await db
    .select()
    .from(bills)
    .where(
      and(
        eq(bills.propertyId, propertyId),
        eq(bills.customerId, customerId),
        eq(bills.period, period),
      ),
    )
  return row
}

export async function insertBillIfAbsent(db: Db, row: typeof bills.$inferInsert) {
  const [created] = await db.insert(bills).values(row).onConflictDoNothing().returning()
  if (created) return { bill: created, created: true }
  const [existing] = await db
    .select()
    .from(bills)
    .where(
      and(
        eq(bills.propertyId, row.propertyId),
        eq(bills.customerId, row.customerId),
        eq(bills.period, row.period),
      ),
    )
  if (!existing) throw new Error('bill neither inserted nor found')
  return { bill: existing, created: false }
}

/** Inserts a bill-run charge unless that occupancy, item and month is charged already. */
export async function insertBillRunCharge(db: Db, row: typeof charges.$inferInsert) {
  const created = await db
    .insert(charges)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: charges.id })
  return created.length === 1
}

// ——— charges ———

export async function insertCharge(db: Db, row: typeof charges.$inferInsert) {
  return one(await db.insert(charges).values(row).returning())
}

export async function findChargeByKey(db: Db, orgId: string, key: string) {
  const [row] = await db
    .select()
    .from(charges)
    .where(and(eq(charges.orgId, orgId), eq(charges.idempotencyKey, key)))
  return row
}

export async function findCharge(db: Db, actor: Actor, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(charges)
    .where(and(chargeScope(actor), eq(charges.id, id)))
  const [row] = forUpdate ? await q.for('update') : await q
  return row
}

export async function markChargeReversed(db: Db, id: string, reason: string, at: Date) {
  await db.update(charges).set({ reversedAt: at, reversalReason: reason }).where(eq(charges.id, id))
}

export type ChargeWithPaid = {
  charge: ChargeRow
  itemName: string
  itemCode: string
  unitNumber: string | null
  paid: number
}

const chargeColumns = {
  charge: charges,
  itemName: chargeItems.name,
  itemCode: chargeItems.code,
  unitNumber: units.number,
  paid: paidOf,
}

/** A customer's charges with what has been paid on each, oldest due first. */
export async function chargesOfCustomer(
  db: Db,
  customerId: string,
  opts: { openOnly?: boolean; lock?: boolean } = {},
) {
  if (opts.lock) {
    // Lock the customer's charges so two payments cannot both fill the same open amount.
    await db
      .select({ id: charges.id })
      .from(charges)
      .where(eq(charges.customerId, customerId))
      .for('update')
  }
  const rows: ChargeWithPaid[] = await db
    .select(chargeColumns)
    .from(charges)
    .innerJoin(chargeItems, eq(chargeItems.id, charges.chargeItemId))
    .leftJoin(units, eq(units.id, charges.unitId))
    .where(
      and(
        eq(charges.customerId, customerId),
        opts.openOnly ? isNull(charges.reversedAt) : undefined,
      ),
    )
    .orderBy(asc(charges.dueDate), asc(charges.createdAt), asc(charges.id))
  return rows.map((r) => ({ ...r, paid: Number(r.paid) }))
}

export type ChargeFilter = {
  propertyId?: string
  customerId?: string
  billId?: string
  caseId?: string
  period?: string
  status?: 'open' | 'paid' | 'reversed'
  limit: number
  after?: { dueDate: string; id: string }
}

export async function listCharges(db: Db, actor: Actor, f: ChargeFilter) {
  const where: (SQL | undefined)[] = [chargeScope(actor)]
  if (f.propertyId) where.push(eq(charges.propertyId, f.propertyId))
  if (f.customerId) where.push(eq(charges.customerId, f.customerId))
  if (f.billId) where.push(eq(charges.billId, f.billId))
  if (f.caseId) where.push(eq(charges.caseId, f.caseId))
  if (f.period) where.push(eq(charges.period, f.period))
  if (f.status === 'reversed') where.push(sql`${charges.reversedAt} is not null`)
  if (f.status === 'open')
    where.push(and(isNull(charges.reversedAt), sql`${charges.amount} > ${paidOf}`))
  if (f.status === 'paid')
    where.push(and(isNull(charges.reversedAt), sql`${charges.amount} <= ${paidOf}`))
  if (f.after)
    where.push(
      or(
        gt(charges.dueDate, f.after.dueDate),
        and(eq(charges.dueDate, f.after.dueDate), gt(charges.id, f.after.id)),
      ),
    )
  const rows = await db
    .select({ ...chargeColumns, customerName: customers.name })
    .from(charges)
    .innerJoin(chargeItems, eq(chargeItems.id, charges.chargeItemId))
    .innerJoin(customers, eq(customers.id, charges.customerId))
    .leftJoin(units, eq(units.id, charges.unitId))
    .where(and(...where))
    .orderBy(asc(charges.dueDate), asc(charges.id))
    .limit(f.limit + 1)
  return rows.map((r) => ({ ...r, paid: Number(r.paid) }))
}

// ——— bills ———

export type BillFilter = {
  propertyId?: string
  customerId?: string
  period?: string
  limit: number
  after?: { number: string }
}

export async function listBills(db: Db, actor: Actor, f: BillFilter) {
  const where: (SQL | undefined)[] = [billScope(actor)]
  if (f.propertyId) where.push(eq(bills.propertyId, f.propertyId))
  if (f.customerId) where.push(eq(bills.customerId, f.customerId))
  if (f.period) where.push(eq(bills.period, f.period))
  if (f.after) where.push(gt(bills.number, f.after.number))
  const total = sql<number>`coalesce((select sum(c.amount) from ${charges} c where c.bill_id = ${outer.billId} and c.reversed_at is null), 0)::bigint`
  const paid = sql<number>`coalesce((select sum(a.amount) from ${allocations} a join ${charges} c on c.id = a.charge_id where c.bill_id = ${outer.billId} and c.reversed_at is null), 0)::bigint`
  const rows = await db
    .select({ bill: bills, customerName: customers.name, total, paid })
    .from(bills)
    .innerJoin(customers, eq(customers.id, bills.customerId))
    .where(and(...where))
    .orderBy(asc(bills.number))
    .limit(f.limit + 1)
  return rows.map((r) => ({ ...r, total: Number(r.total), paid: Number(r.paid) }))
}

// ——— payments ———

export async function insertPayment(db: Db, row: typeof payments.$inferInsert) {
  return one(await db.insert(payments).values(row).returning())
}

export async function insertAllocations(db: Db, rows: (typeof allocations.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(allocations).values(rows)
}

export async function findPayment(db: Db, actor: Actor, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(payments)
    .where(and(paymentScope(actor), eq(payments.id, id)))
  const [row] = forUpdate ? await q.for('update') : await q
  return row
}

export async function markPaymentReversed(db: Db, id: string, reversalId: string) {
  await db.update(payments).set({ reversedBy: reversalId }).where(eq(payments.id, id))
}

/** Net allocations of a payment per charge (what a reversal must take back). */
export async function netAllocationsOfPayment(db: Db, paymentId: string) {
  const rows = await db
    .select({
      chargeId: allocations.chargeId,
      amount: sql<number>`sum(${allocations.amount})::bigint`,
    })
    .from(allocations)
    .where(eq(allocations.paymentId, paymentId))
    .groupBy(allocations.chargeId)
  return rows
    .map((r) => ({ chargeId: r.chargeId, amount: Number(r.amount) }))
    .filter((r) => r.amount !== 0)
}

/** Net allocations to a charge per payment (what reversing the charge releases). */
export async function netAllocationsOfCharge(db: Db, chargeId: string) {
  const rows = await db
    .select({
      paymentId: allocations.paymentId,
      amount: sql<number>`sum(${allocations.amount})::bigint`,
    })
    .from(allocations)
    .where(eq(allocations.chargeId, chargeId))
    .groupBy(allocations.paymentId)
  return rows
    .map((r) => ({ paymentId: r.paymentId, amount: Number(r.amount) }))
    .filter((r) => r.amount !== 0)
}

/** Money received from a customer and not allocated to any charge (credit on account). */
export async function creditOf(db: Db, customerId: string) {
  const [row] = await db
    .select({
      received: sql<number>`coalesce(sum(${payments.amount}), 0)::bigint`,
      allocated: sql<number>`coalesce((select sum(a.amount) from ${allocations} a join ${payments} p on p.id = a.payment_id where p.customer_id = ${customerId}), 0)::bigint`,
    })
    .from(payments)
    .where(eq(payments.customerId, customerId))
  return Number(row?.received ?? 0) - Number(row?.allocated ?? 0)
}

/** Payments of a customer with what each still has unallocated, oldest first. */
export async function paymentsWithCredit(db: Db, customerId: string) {
  const rows = await db
    .select({
      payment: payments,
      allocated: sql<number>`coalesce((select sum(a.amount) from ${allocations} a where a.payment_id = ${outer.paymentId}), 0)::bigint`,
    })
    .from(payments)
    .where(
      and(
        eq(payments.customerId, customerId),
        isNull(payments.reversalOf),
        isNull(payments.reversedBy),
      ),
    )
    .orderBy(asc(payments.receivedAt), asc(payments.id))
  return rows.map((r) => ({
    payment: r.payment,
    unallocated: r.payment.amount - Number(r.allocated),
  }))
}

export type PaymentFilter = {
  propertyId?: string
  customerId?: string
  from?: Date
  to?: Date
  limit: number
  after?: { receivedAt: Date; id: string }
}

export async function listPayments(db: Db, actor: Actor, f: PaymentFilter) {
  const where: (SQL | undefined)[] = [paymentScope(actor)]
  if (f.propertyId) where.push(eq(payments.propertyId, f.propertyId))
  if (f.customerId) where.push(eq(payments.customerId, f.customerId))
  if (f.from) where.push(sql`${payments.receivedAt} >= ${f.from.toISOString()}`)
  if (f.to) where.push(sql`${payments.receivedAt} < ${f.to.toISOString()}`)
  if (f.after) {
    const at = f.after.receivedAt.toISOString()
    where.push(
      or(
        sql`${payments.receivedAt} < ${at}`,
        and(sql`${payments.receivedAt} = ${at}`, sql`${payments.id} < ${f.after.id}`),
      ),
    )
  }
  const allocated = sql<number>`coalesce((select sum(a.amount) from ${allocations} a where a.payment_id = ${outer.paymentId}), 0)::bigint`
  const rows = await db
    .select({ payment: payments, customerName: customers.name, allocated })
    .from(payments)
    .innerJoin(customers, eq(customers.id, payments.customerId))
    .where(and(...where))
    .orderBy(desc(payments.receivedAt), desc(payments.id))
    .limit(f.limit + 1)
  return rows.map((r) => ({ ...r, allocated: Number(r.allocated) }))
}

// ——— deposits ———

export async function insertDeposit(db: Db, row: typeof deposits.$inferInsert) {
  return one(await db.insert(deposits).values(row).returning())
}

export async function findDeposit(db: Db, actor: Actor, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(deposits)
    .where(and(depositScope(actor), eq(deposits.id, id)))
  const [row] = forUpdate ? await q.for('update') : await q
  return row
}

export async function insertDepositEntry(db: Db, row: typeof depositEntries.$inferInsert) {
  return one(await db.insert(depositEntries).values(row).returning())
}

export async function changeDepositBalance(db: Db, id: string, delta: number) {
  return one(
    await db
      .update(deposits)
      .set({ balance: sql`${deposits.balance} + ${delta}`, version: sql`${deposits.version} + 1` })
      .where(eq(deposits.id, id))
      .returning(),
  )
}

/** The deposits of a type a case's customer paid for the case (a fit-out's), locked. */
export async function depositsOfCase(
  db: Db,
  c: { id: string; customerId: string | null },
  type: DepositRow['type'],
) {
  if (!c.customerId) return []
  return db
    .select()
    .from(deposits)
    .where(
      and(
        eq(deposits.caseId, c.id),
        eq(deposits.customerId, c.customerId),
        eq(deposits.type, type),
      ),
    )
    .orderBy(deposits.createdAt, deposits.id)
    .for('update')
}

export async function setRefundDue(db: Db, id: string, refundDueOn: string | null) {
  await db
    .update(deposits)
    .set({ refundDueOn, version: sql`${deposits.version} + 1` })
    .where(eq(deposits.id, id))
}

export async function entriesOfDeposits(db: Db, depositIds: string[]) {
  if (depositIds.length === 0) return []
  return db
    .select()
    .from(depositEntries)
    .where(inArray(depositEntries.depositId, depositIds))
    .orderBy(asc(depositEntries.at), asc(depositEntries.id))
}

export type DepositFilter = {
  ids?: string[]
  propertyId?: string
  customerId?: string
  held?: boolean
  refundDueBy?: string
  caseId?: string
  limit: number
  after?: { createdAt: Date; id: string }
}

export async function listDeposits(db: Db, actor: Actor, f: DepositFilter) {
  const where: (SQL | undefined)[] = [depositScope(actor)]
  if (f.propertyId) where.push(eq(deposits.propertyId, f.propertyId))
  if (f.customerId) where.push(eq(deposits.customerId, f.customerId))
  if (f.ids) where.push(inArray(deposits.id, f.ids))
  if (f.caseId) where.push(eq(deposits.caseId, f.caseId))
  if (f.held) where.push(gt(deposits.balance, 0))
  if (f.refundDueBy)
    where.push(and(gt(deposits.balance, 0), lte(deposits.refundDueOn, f.refundDueBy)))
  if (f.after) {
    const at = f.after.createdAt.toISOString()
    where.push(
      or(
        sql`${deposits.createdAt} > ${at}`,
        and(sql`${deposits.createdAt} = ${at}`, gt(deposits.id, f.after.id)),
      ),
    )
  }
  return db
    .select({ deposit: deposits, customerName: customers.name, unitNumber: units.number })
    .from(deposits)
    .innerJoin(customers, eq(customers.id, deposits.customerId))
    .leftJoin(units, eq(units.id, deposits.unitId))
    .where(and(...where))
    .orderBy(asc(deposits.createdAt), asc(deposits.id))
    .limit(f.limit + 1)
}

// ——— reminders ———

export async function insertReminder(db: Db, row: typeof reminders.$inferInsert) {
  return one(await db.insert(reminders).values(row).returning())
}

export async function remindersOf(db: Db, actor: Actor, customerId: string) {
  return db
    .select()
    .from(reminders)
    .where(
      and(
        moneyScope(actor, reminders.orgId, reminders.propertyId, reminders.customerId),
        eq(reminders.customerId, customerId),
      ),
    )
    .orderBy(desc(reminders.issuedAt))
}

export async function findReminder(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({ reminder: reminders, customerName: customers.name })
    .from(reminders)
    .innerJoin(customers, eq(customers.id, reminders.customerId))
    .where(
      and(
        moneyScope(actor, reminders.orgId, reminders.propertyId, reminders.customerId),
        eq(reminders.id, id),
      ),
    )
  return row
}

// ——— figures ———

/** Open amounts per customer of a building by age of debt. */
export async function arrearsByCustomer(db: Db, actor: Actor, propertyId: string, today: string) {
  const open = sql`(${charges.amount} - ${paidOf})`
  const age = sql`(${today}::date - ${charges.dueDate})`
  const bucket = (cond: SQL) =>
    sql<number>`coalesce(sum(${open}) filter (where ${cond}), 0)::bigint`
  const rows = await db
    .select({
      customerId: charges.customerId,
      customerName: customers.name,
      units: sql<string[]>`array_remove(array_agg(distinct ${units.number}), null)`,
      current: bucket(sql`${age} <= 0`),
      d0_30: bucket(sql`${age} between 1 and 30`),
      d31_90: bucket(sql`${age} between 31 and 90`),
      d90_plus: bucket(sql`${age} > 90`),
      total: sql<number>`coalesce(sum(${open}), 0)::bigint`,
      oldestDue: sql<string>`min(${charges.dueDate})::text`,
    })
    .from(charges)
    .innerJoin(customers, eq(customers.id, charges.customerId))
    .leftJoin(units, eq(units.id, charges.unitId))
    .where(
      and(
        chargeScope(actor),
        eq(charges.propertyId, propertyId),
        isNull(charges.reversedAt),
        sql`${open} > 0`,
      ),
    )
    .groupBy(charges.customerId, customers.name)
    .orderBy(desc(sql`sum(${open})`))
  return rows.map((r) => ({
    ...r,
    current: Number(r.current),
    d0_30: Number(r.d0_30),
    d31_90: Number(r.d31_90),
    d90_plus: Number(r.d90_plus),
    total: Number(r.total),
  }))
}

/**
 * A building's collection figures for one month: what fell due for the period, what of it was
 * collected by the period's end and to date, and older debt recovered by payments in the month.
 */
export async function collectionFigures(
  db: Db,
  propertyId: string,
  period: string,
  periodStart: Date,
  periodEnd: Date,
) {
  const start = periodStart.toISOString()
  const end = periodEnd.toISOString()
  const result = (await db.execute(sql`
    with due as (
      select c.id, c.unit_id, c.amount from ${charges} c
      where c.property_id = ${propertyId} and c.period = ${period} and c.reversed_at is null
    ),
    paid as (
      select d.id, d.unit_id, d.amount,
        coalesce(sum(a.amount) filter (where p.received_at < ${end}), 0) as by_end,
        coalesce(sum(a.amount), 0) as to_date
      from due d
      left join ${allocations} a on a.charge_id = d.id
      left join ${payments} p on p.id = a.payment_id
      group by d.id, d.unit_id, d.amount
    ),
    per_unit as (
      select unit_id, sum(amount) as amount, sum(by_end) as by_end from paid where unit_id is not null group by unit_id
    )
    select
      (select coalesce(sum(amount), 0) from due)::bigint as due,
      (select coalesce(sum(by_end), 0) from paid)::bigint as collected_in_period,
      (select coalesce(sum(to_date), 0) from paid)::bigint as collected_to_date,
      (select count(*) from per_unit)::int as units_billed,
      (select count(*) from per_unit where by_end >= amount)::int as units_paid,
      (select coalesce(sum(a.amount), 0) from ${allocations} a
         join ${payments} p on p.id = a.payment_id
         join ${charges} c on c.id = a.charge_id
        where p.property_id = ${propertyId}
          and p.received_at >= ${start}
          and p.received_at < ${end}
          and c.period < ${period} and c.reversed_at is null)::bigint as arrears_recovered
  `)) as { rows: Record<string, string | number>[] }
  const row = result.rows[0] ?? {}
  return {
    due: Number(row['due'] ?? 0),
    collectedInPeriod: Number(row['collected_in_period'] ?? 0),
    collectedToDate: Number(row['collected_to_date'] ?? 0),
    unitsBilled: Number(row['units_billed'] ?? 0),
    unitsPaid: Number(row['units_paid'] ?? 0),
    arrearsRecovered: Number(row['arrears_recovered'] ?? 0),
  }
}

export async function chargesById(db: Db, ids: string[]) {
  if (ids.length === 0) return []
  const rows: ChargeWithPaid[] = await db
    .select(chargeColumns)
    .from(charges)
    .innerJoin(chargeItems, eq(chargeItems.id, charges.chargeItemId))
    .leftJoin(units, eq(units.id, charges.unitId))
    .where(inArray(charges.id, ids))
  return rows.map((r) => ({ ...r, paid: Number(r.paid) }))
}

export async function lastRemindersOf(db: Db, customerIds: string[]) {
  const map = new Map<string, typeof reminders.$inferSelect>()
  if (customerIds.length === 0) return map
  const rows = await db
    .select()
    .from(reminders)
    .where(inArray(reminders.customerId, customerIds))
    .orderBy(asc(reminders.issuedAt))
  for (const r of rows) map.set(r.customerId, r)
  return map
}

/** A customer's charges with something still open, with that open amount. */
export async function openChargesOfCustomer(db: Db, customerId: string) {
  const rows = await db
    .select({
      id: charges.id,
      period: charges.period,
      open: sql<number>`(${charges.amount} - ${paidOf})::bigint`,
    })
    .from(charges)
    .where(and(eq(charges.customerId, customerId), isNull(charges.reversedAt)))
  return rows.map((r) => ({ ...r, open: Number(r.open) })).filter((r) => r.open > 0)
}

/** Live charges of a building still open and past due on a day, except late fees themselves. */
export async function overdueChargesOn(db: Db, propertyId: string, day: string) {
  const rows = await db
    .select({ charge: charges, open: sql<number>`(${charges.amount} - ${paidOf})::bigint` })
    .from(charges)
    .innerJoin(chargeItems, eq(chargeItems.id, charges.chargeItemId))
    .where(
      and(
        eq(charges.propertyId, propertyId),
        isNull(charges.reversedAt),
        sql`${chargeItems.kind} <> 'late_fee'`,
        sql`${charges.dueDate} < ${day}`,
        sql`${charges.amount} > ${paidOf}`,
      ),
    )
  return rows.map((r) => ({ charge: r.charge, open: Number(r.open) }))
}

/** Inserts a charge unless one with its idempotency key exists; true when inserted. */
export async function insertChargeOnce(db: Db, row: typeof charges.$inferInsert) {
  const created = await db
    .insert(charges)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: charges.id })
  return created.length === 1
}

/** The start of the latest rate of an item and unit kind in a building, if any. */
export async function latestRateStart(
  db: Db,
  propertyId: string,
  itemId: string,
  unitKind: 'apartment' | 'office' | null,
) {
  const [row] = await db
    .select({ from: sql<string>`max(${chargeRates.effectiveFrom})::text` })
    .from(chargeRates)
    .where(
      and(
        eq(chargeRates.propertyId, propertyId),
        eq(chargeRates.chargeItemId, itemId),
        unitKind ? eq(chargeRates.unitKind, unitKind) : isNull(chargeRates.unitKind),
      ),
    )
  return row?.from ?? null
}

/**
 * Serialises every write to one customer's ledger (payments, reversals, credit, charges): the
 * customer row is the one lock they all take first, so they neither interleave nor deadlock.
 */
export async function lockCustomerLedger(db: Db, customerId: string) {
  await db
    .select({ id: customers.id })
    .from(customers)
    .where(eq(customers.id, customerId))
    .for('update')
}

/** Whether a unit already has a live bill-run charge of an item for a month. */
export async function unitBilled(db: Db, unitId: string, itemId: string, period: string) {
  const rows = await db
    .select({ id: charges.id })
    .from(charges)
    .where(
      and(
        eq(charges.unitId, unitId),
        eq(charges.chargeItemId, itemId),
        eq(charges.period, period),
        eq(charges.source, 'bill_run'),
        isNull(charges.reversedAt),
      ),
    )
    .limit(1)
  return rows.length > 0
}

/** Whether a case is still open (a deposit taken for it is the case's to return). */
export async function isOpenCase(db: Db, caseId: string) {
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.id, caseId), isNull(cases.closedAt)))
  return row !== undefined
}
