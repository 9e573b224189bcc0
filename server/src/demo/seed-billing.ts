import type { Db } from '../platform/db'
import type { Clock } from '../platform/clock'
import type { RequestContext } from '../platform/http/context'
import { permissions } from '../platform/permissions'
import { localDate } from '../platform/clock/local-date'
import {
  createChargeItem,
  createRate,
  deductFromDeposit,
  generateBills,
  receiveDeposit,
  recordPayment,
  scheduleDepositRefund,
  openChargesOfCustomer,
  updateChargeItem,
  depositById,
} from '../modules/billing/demo'

/**
 * The demo building's money: charge items, management-fee rates, bills for the last three months
 * and this one, payments (most customers pay, some run up arrears), and fit-out deposits.
 */
export async function seedDemoBilling(
  db: Db,
  clock: Clock,
  org: {
    orgId: string
    adminId: string
    propertyId: string
    officeCustomers: string[]
    customers: string[]
    officeUnits: string[]
  },
) {
  const ctx: RequestContext = {
    actor: {
      userId: org.adminId,
      orgId: org.orgId,
      username: 'system',
      displayName: 'system',
      kind: 'staff',
      permissions: new Set(permissions),
      allProperties: true,
      propertyIds: [],
      customerId: null,
      department: null,
      roleCode: 'admin',
    },
    requestId: 'demo-seed',
    ip: '127.0.0.1',
  }
  const deps = { db, clock }
  const management = await createChargeItem(deps, ctx, {
    code: 'management_fee',
    name: '物业管理费',
    kind: 'management_fee',
    dueDays: 15,
  })
  await createChargeItem(deps, ctx, {
    code: 'debris_removal',
    name: '装修垃圾清运费',
    kind: 'fixed_fee',
    dueDays: 0,
  })
  await createChargeItem(deps, ctx, {
    code: 'pass_card',
    name: '出入证工本费',
    kind: 'fixed_fee',
    dueDays: 0,
  })
  await createChargeItem(deps, ctx, {
    code: 'compensation',
    name: '损坏赔偿',
    kind: 'compensation',
    dueDays: 7,
  })
  await createChargeItem(deps, ctx, {
    code: 'paid_repair',
    name: '有偿维修',
    kind: 'paid_repair',
    dueDays: 7,
  })
  const late = await createChargeItem(deps, ctx, {
    code: 'late_fee',
    name: '滞纳金',
    kind: 'late_fee',
    dueDays: 0,
  })
  // Late fees are off unless the contract allows them.
  await updateChargeItem(deps, ctx, late.id, { active: false, version: late.version })
  const from = '2026-01-01'
  await createRate(deps, ctx, {
    propertyId: org.propertyId,
    chargeItemId: management.id,
    unitKind: 'office',
    basis: 'per_m2_month',
    amount: 2500,
    effectiveFrom: from,
  })
  await createRate(deps, ctx, {
    propertyId: org.propertyId,
    chargeItemId: management.id,
    unitKind: 'apartment',
    basis: 'per_m2_month',
    amount: 450,
    effectiveFrom: from,
  })

  const today = localDate(clock.now())
  const thisMonth = today.slice(0, 7)
  const months = [3, 2, 1, 0].map((back) => {
    const d = new Date(`${thisMonth}-01T00:00:00Z`)
    d.setUTCMonth(d.getUTCMonth() - back)
    return d.toISOString().slice(0, 7)
  })
  for (const period of months) await generateBills(deps, ctx, org.propertyId, period)

  // Most customers pay each month's bill around the 10th. Every seventh pays nothing (arrears of
  // every age); another seventh pays a month late (arrears recovered); half have paid this month.
  let n = 0
  const now = clock.now()
  for (const period of months) {
    for (const [i, customerId] of org.customers.entries()) {
      if (i % 7 === 3) continue
      const late = i % 7 === 5
      const current = period === thisMonth
      if (current && i % 2 === 1) continue
      const open = (await openChargesOfCustomer(db, customerId)).filter((c) =>
        late && !current ? c.period < period : c.period === period,
      )
      const amount = open.reduce((s, c) => s + c.open, 0)
      if (amount <= 0) continue
      const tenth = new Date(`${period}-10T02:00:00Z`)
      await db.transaction((tx) =>
        recordPayment(tx, deps, ctx, `demo-payment-${++n}`, {
          customerId,
          amount,
          method: (['wechat_pay', 'bank_transfer', 'alipay', 'cash'] as const)[i % 4] ?? 'cash',
          receivedAt: (tenth < now ? tenth : now).toISOString(),
          allocations: open.map((c) => ({ chargeId: c.id, amount: c.open })),
          reference: i % 4 === 1 ? `BT${String(100000 + i)}` : '',
        }),
      )
    }
  }

  // Fit-out deposits of three office tenants: one still in works, one refund scheduled, one due.
  // They were taken eight months ago; the due one was re-inspected four months ago.
  const monthsAgo = (n: number) => {
    const d = new Date(clock.now())
    d.setUTCMonth(d.getUTCMonth() - n)
    return d
  }
  const then = { db, clock: { now: () => monthsAgo(8) } }
  for (const [i, customerId] of org.officeCustomers.slice(0, 3).entries()) {
    const deposit = await db.transaction((tx) =>
      receiveDeposit(tx, then, ctx, `demo-deposit-${i}`, {
        customerId,
        unitId: org.officeUnits[i] ?? null,
        type: 'fit_out',
        amount: 2_000_000,
        method: 'bank_transfer',
      }),
    )
    if (i === 0) continue
    if (i === 2) {
      await db.transaction((tx) =>
        deductFromDeposit(tx, deps, ctx, `demo-deduct-${i}`, deposit.id, {
          amount: 120_000,
          reason: '消防喷淋头损坏，按市价赔偿',
        }),
      )
    }
    const current = await depositById(db, ctx, deposit.id)
    await scheduleDepositRefund(
      deps,
      ctx,
      deposit.id,
      i === 1 ? today : localDate(monthsAgo(4)),
      current.version,
    )
  }
}
