// Twelve months of management-fee bills: one charge a unit and month to whoever pays its fees,
// paid around the 10th by most; some pay a month late, some have stopped paying (arrears).
import type pg from 'pg'
import { uuidv7 } from '../../server/src/db/schema/ids'
import { pad, type Building, type SeedContext } from './spec'
import { TableBatch, type Writer } from './writer'

const OFFICE_RATE = 2500 // fen per m² and month
const APARTMENT_RATE = 450
const methods = ['wechat_pay', 'bank_transfer', 'alipay', 'cash', 'card'] as const

/** The charge items every organisation starts with (as the demo seed makes them). */
async function seedChargeItems(pool: pg.Pool, orgId: string) {
  const items: [string, string, string, number, boolean][] = [
    ['management_fee', '物业管理费', 'management_fee', 15, true],
    ['debris_removal', '装修垃圾清运费', 'fixed_fee', 0, true],
    ['pass_card', '出入证工本费', 'fixed_fee', 0, true],
    ['compensation', '损坏赔偿', 'compensation', 7, true],
    ['paid_repair', '有偿维修', 'paid_repair', 7, true],
    ['late_fee', '滞纳金', 'late_fee', 0, false],
  ]
  const ids: Record<string, string> = {}
  for (const [code, name, kind, dueDays, active] of items) {
    const result = await pool.query<{ id: string }>(
      `insert into charge_items (org_id, code, name, kind, due_days, active)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [orgId, code, name, kind, dueDays, active],
    )
    ids[code] = result.rows[0]?.id ?? ''
  }
  return ids
}

/** YYYY-MM of the months up to this one, oldest first. */
function periods(now: Date, months: number) {
  const list: string[] = []
  for (let back = months - 1; back >= 0; back--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1))
    list.push(d.toISOString().slice(0, 7))
  }
  return list
}

const nextPeriod = (period: string) => {
  const d = new Date(`${period}-01T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() + 1)
  return d.toISOString().slice(0, 7)
}

export async function seedBilling(
  pool: pg.Pool,
  writer: Writer,
  ctx: SeedContext,
  buildings: Building[],
  months: number,
) {
  const { orgId, now, rand, adminId } = ctx
  const items = await seedChargeItems(pool, orgId)
  const management = items['management_fee'] ?? ''
  const from = `${periods(now, months)[0]}-01`
  for (const b of buildings)
    for (const [kind, amount] of [
      ['office', OFFICE_RATE],
      ['apartment', APARTMENT_RATE],
    ] as const)
      await pool.query(
        `insert into charge_rates (org_id, property_id, charge_item_id, unit_kind, basis, amount, effective_from)
         values ($1, $2, $3, $4, 'per_m2_month', $5, $6)`,
        [orgId, b.id, management, kind, amount, from],
      )

  const t = (table: string, columns: [string, string][]) => new TableBatch(writer, table, columns)
  const bills = t('bills', [
    ['id', 'uuid'],
    ['org_id', 'uuid'],
    ['property_id', 'uuid'],
    ['customer_id', 'uuid'],
    ['period', 'text'],
    ['number', 'text'],
    ['due_date', 'date'],
    ['created_at', 'timestamptz'],
  ])
  const charges = t('charges', [
    ['id', 'uuid'],
    ['org_id', 'uuid'],
    ['property_id', 'uuid'],
    ['customer_id', 'uuid'],
    ['unit_id', 'uuid'],
    ['charge_item_id', 'uuid'],
    ['bill_id', 'uuid'],
    ['occupancy_id', 'uuid'],
    ['period', 'text'],
    ['description', 'text'],
    ['amount', 'bigint'],
    ['due_date', 'date'],
    ['source', 'text'],
    ['created_by', 'uuid'],
    ['created_at', 'timestamptz'],
  ])
  const payments = t('payments', [
    ['id', 'uuid'],
    ['org_id', 'uuid'],
    ['property_id', 'uuid'],
    ['customer_id', 'uuid'],
    ['amount', 'bigint'],
    ['method', 'text'],
    ['received_at', 'timestamptz'],
    ['receipt_number', 'text'],
    ['reference', 'text'],
    ['idempotency_key', 'text'],
    ['created_by', 'uuid'],
    ['created_at', 'timestamptz'],
  ])
  const allocations = t('allocations', [
    ['org_id', 'uuid'],
    ['payment_id', 'uuid'],
    ['charge_id', 'uuid'],
    ['amount', 'bigint'],
    ['created_at', 'timestamptz'],
  ])
  const list = periods(now, months)
  const thisPeriod = list[list.length - 1] ?? ''
  let paymentNo = 0
  // Sequences to leave behind: the next bill and receipt number per building and month.
  const sequences = new Map<string, number>()
  const draw = (scope: string) => {
    const n = (sequences.get(scope) ?? 0) + 1
    sequences.set(scope, n)
    return n
  }
  for (const b of buildings) {
    for (const [u, unit] of b.units.entries()) {
      const payer = b.payers[u]
      if (!payer) continue
      const amount = Math.round(unit.area * (unit.kind === 'office' ? OFFICE_RATE : APARTMENT_RATE))
      // Every ninth payer stopped paying four months ago; every seventh pays a month late.
      const stopped = u % 9 === 4
      const late = u % 7 === 5
      for (const [m, period] of list.entries()) {
        const month = period.replace('-', '')
        const dueDate = `${period}-16`
        const createdAt = new Date(`${period}-01T00:30:00Z`)
        const billId = uuidv7(createdAt.getTime())
        const chargeId = uuidv7(createdAt.getTime())
        bills.add([
          billId,
          orgId,
          b.id,
          payer.customerId,
          period,
          `ZD-${b.code}-${month}-${pad(draw(`ZD:${b.id}:${month}`), 4)}`,
          dueDate,
          createdAt.toISOString(),
        ])
        charges.add([
          chargeId,
          orgId,
          b.id,
          payer.customerId,
          unit.id,
          management,
          billId,
          payer.occupancyId,
          period,
          `物业管理费 ${period}`,
          amount,
          dueDate,
          'bill_run',
          adminId,
          createdAt.toISOString(),
        ])
        if (stopped && m >= list.length - 4) continue
        const paidIn = late ? nextPeriod(period) : period
        // This month: about half have paid so far.
        if (paidIn > thisPeriod || (paidIn === thisPeriod && rand() < 0.5)) continue
        const day = 3 + Math.floor(rand() * 20)
        let receivedAt = new Date(`${paidIn}-${pad(day, 2)}T0${1 + Math.floor(rand() * 8)}:00:00Z`)
        if (receivedAt > now) receivedAt = new Date(now.getTime() - 3600_000)
        const paidMonth = paidIn.replace('-', '')
        const paymentId = uuidv7(receivedAt.getTime())
        const method = methods[Math.floor(rand() * methods.length)] ?? 'cash'
        payments.add([
          paymentId,
          orgId,
          b.id,
          payer.customerId,
          amount,
          method,
          receivedAt.toISOString(),
          `SJ-${b.code}-${paidMonth}-${pad(draw(`SJ:${b.id}:${paidMonth}`), 4)}`,
          method === 'bank_transfer' ? `BT${100000 + ++paymentNo}` : '',
          `bench-seed-payment-${++paymentNo}`,
          adminId,
          receivedAt.toISOString(),
        ])
        allocations.add([orgId, paymentId, chargeId, amount, receivedAt.toISOString()])
      }
    }
    // Bills and payments before the rows that name them.
    await bills.flush()
    await payments.flush()
    await writer.drain()
    await charges.flush()
    await writer.drain()
    await allocations.flush()
  }
  await writer.drain()
  for (const [scope, last] of sequences)
    await pool.query(
      `insert into number_sequences (org_id, scope, next) values ($1, $2, $3)
       on conflict (org_id, scope) do update set next = greatest(number_sequences.next, excluded.next)`,
      [orgId, scope, last + 1],
    )
}
