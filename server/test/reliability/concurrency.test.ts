// Many clients at once on one record: exactly-once results and balanced ledgers. On PostgreSQL
// (ATRIUM_TEST_DB=postgres) the requests really run side by side on a pool of connections; on
// PGlite they serialise, and must still come out exactly once.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { startTestApp, type Client, type TestApp } from '../support/app'
import { testDbKind } from '../support/test-db'
import { brokenInvariants } from './support/invariants'

const FULL = process.env.RELIABILITY === 'full'
const N = FULL ? 24 : 8
const ROUNDS = FULL ? 10 : 3

type Case = { id: string; version: number; state: string }
type Row = Record<string, unknown>

let t: TestApp
let staff: Client[]
let fin: Client
let admin: Client
let property: string
let chargeItem: string

// Drizzle's execute is untyped over PGlite and pg alike; both answer { rows }.
const rows = async (text: string) =>
  ((await t.db.execute(sql.raw(text))) as unknown as { rows: Row[] }).rows
const money = (c: Client, url: string, body: unknown, key: string = randomUUID()) =>
  c.request('POST', url, body, { 'idempotency-key': key })

async function freshCustomer() {
  const res = await admin.post('/api/v1/customers', {
    propertyId: property,
    kind: 'company',
    name: `并发客户${randomUUID().slice(0, 6)}`,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<{ id: string }>().id
}

async function postCharge(customerId: string, amount: number) {
  const res = await money(fin, '/api/v1/billing/charges', {
    customerId,
    chargeItemId: chargeItem,
    amount,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<{ id: string }>().id
}

/** payments = allocations + credit, and what the API reports agrees with the rows. */
async function ledgerOf(customerId: string) {
  const [sums] = await rows(`
    select (select coalesce(sum(amount), 0) from payments where customer_id = '${customerId}')::bigint as paid,
           (select coalesce(sum(a.amount), 0) from allocations a join payments p on p.id = a.payment_id
             where p.customer_id = '${customerId}')::bigint as allocated,
           (select count(*) from payments where customer_id = '${customerId}')::int as payments`)
  const settlement = (await fin.get(`/api/v1/billing/customers/${customerId}/settlement`)).json<{
    open: number
    credit: number
  }>()
  return {
    paid: Number(sums!['paid']),
    allocated: Number(sums!['allocated']),
    payments: Number(sums!['payments']),
    ...settlement,
  }
}

const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {})

beforeAll(async () => {
  t = await startTestApp()
  const users = ['admin', 'manager', 'cs.supervisor', 'cs.agent']
  staff = await Promise.all(users.map((u) => t.signIn(u)))
  admin = staff[0]!
  fin = await t.signIn('fin.staff')
  property = await t.ids.property('SL')
  const items = (await fin.get('/api/v1/billing/charge-items')).json<{
    items: { id: string; code: string }[]
  }>().items
  chargeItem = items.find((i) => i.code === 'compensation')?.id ?? items[0]!.id
})

afterAll(async () => {
  await t?.close()
})

describe(`concurrency (${testDbKind()})`, () => {
  it('N staff acting on one case with the same version: one succeeds, the rest get 409, one timeline event', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const created = await staff[3]!.post('/api/v1/cases', {
        propertyId: property,
        type: 'complaint',
        title: `并发投诉 ${round}`,
      })
      expect(created.statusCode, created.body).toBe(201)
      const c = created.json<Case>()
      const departments = ['engineering', 'cleaning', 'security']
      const results = await Promise.all(
        Array.from({ length: N }, (_, i) =>
          staff[i % staff.length]!.post(`/api/v1/cases/${c.id}/actions/assign`, {
            version: c.version,
            department: departments[i % departments.length],
          }),
        ),
      )
      const statuses = results.map((r) => r.statusCode)
      expect(tally(statuses), results.map((r) => r.body).join('\n')).toEqual({ 200: 1, 409: N - 1 })
      for (const r of results.filter((x) => x.statusCode === 409))
        expect(r.json()).toMatchObject({ code: 'conflict.stale_version' })
      const [events] = await rows(
        `select count(*)::int as n from case_events where case_id = '${c.id}' and kind = 'action'`,
      )
      expect(events!['n']).toBe(1)
      const after = (await admin.get(`/api/v1/cases/${c.id}`)).json<Case>()
      expect(after).toMatchObject({ version: c.version + 1, state: 'assigned' })
    }
  })

  it('paying one charge N times at once with different keys: never over-allocated, the rest is credit', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const customerId = await freshCustomer()
      const chargeId = await postCharge(customerId, 10_000)
      // half name the charge explicitly (all of it), half let the money go to the oldest charge
      const results = await Promise.all(
        Array.from({ length: N }, (_, i) =>
          money(fin, '/api/v1/billing/payments', {
            customerId,
            amount: 10_000,
            method: 'cash',
            ...(i % 2 === 0 ? { allocations: [{ chargeId, amount: 10_000 }] } : {}),
          }),
        ),
      )
      const statuses = results.map((r) => r.statusCode)
      expect(
        statuses.every((s) => s === 201 || s === 409 || s === 422),
        statuses.join(),
      ).toBe(true)
      const accepted = statuses.filter((s) => s === 201).length
      expect(accepted).toBeGreaterThanOrEqual(1)
      const [charge] = await rows(
        `select coalesce(sum(amount), 0)::bigint as allocated from allocations where charge_id = '${chargeId}'`,
      )
      expect(Number(charge!['allocated'])).toBe(10_000)
      const ledger = await ledgerOf(customerId)
      expect(ledger.payments).toBe(accepted)
      expect(ledger.paid).toBe(accepted * 10_000)
      expect(ledger.allocated).toBe(10_000)
      expect(ledger.paid).toBe(ledger.allocated + ledger.credit)
      expect(ledger.open).toBe(0)
    }
  })

  it('one bill paid from several clients at once: payments = allocations + credit', async () => {
    const customerId = await freshCustomer()
    for (let i = 0; i < 4; i++) await postCharge(customerId, 2_500)
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        money(fin, '/api/v1/billing/payments', { customerId, amount: 3_000, method: 'wechat_pay' }),
      ),
    )
    expect(results.map((r) => r.statusCode)).toEqual(Array(N).fill(201))
    const ledger = await ledgerOf(customerId)
    expect(ledger.paid).toBe(N * 3_000)
    expect(ledger.allocated).toBe(Math.min(N * 3_000, 10_000))
    expect(ledger.paid).toBe(ledger.allocated + ledger.credit)
    expect(ledger.open).toBe(Math.max(0, 10_000 - N * 3_000))
  })

  it('the same Idempotency-Key N times at once: one payment, every answer the same receipt', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const customerId = await freshCustomer()
      await postCharge(customerId, 7_000)
      const key = randomUUID()
      const body = { customerId, amount: 7_000, method: 'alipay' }
      const results = await Promise.all(
        Array.from({ length: N }, () => money(fin, '/api/v1/billing/payments', body, key)),
      )
      const ok = results.filter((r) => r.statusCode === 201)
      // a request that finds the first still running may be told to retry (409), never a second payment
      expect(
        results.every((r) => r.statusCode === 201 || r.statusCode === 409),
        results.map((r) => `${r.statusCode} ${r.body}`).join('\n'),
      ).toBe(true)
      expect(new Set(ok.map((r) => r.json<{ receiptNumber: string }>().receiptNumber)).size).toBe(1)
      const ledger = await ledgerOf(customerId)
      expect(ledger).toMatchObject({
        payments: 1,
        paid: 7_000,
        allocated: 7_000,
        open: 0,
        credit: 0,
      })
    }
  })

  it('drawing one deposit N times at once: deductions never exceed the balance; balance = received − deducted − refunded', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const customerId = await freshCustomer()
      const received = await money(fin, '/api/v1/billing/deposits', {
        customerId,
        type: 'fit_out',
        amount: 10_000,
        method: 'bank_transfer',
      })
      expect(received.statusCode, received.body).toBe(201)
      const deposit = received.json<{ id: string }>()
      const results = await Promise.all(
        Array.from({ length: N }, (_, i) =>
          i === N - 1
            ? money(fin, `/api/v1/billing/deposits/${deposit.id}/refund`, {
                amount: 2_000,
                method: 'bank_transfer',
              })
            : money(fin, `/api/v1/billing/deposits/${deposit.id}/deduct`, {
                amount: 3_000,
                reason: `损坏赔偿 ${i}`,
              }),
        ),
      )
      const statuses = results.map((r) => r.statusCode)
      expect(
        statuses.every((s) => s === 200 || s === 409 || s === 422),
        statuses.join(),
      ).toBe(true)
      const [sums] = await rows(`
        select d.balance::bigint as balance,
          coalesce(sum(e.amount) filter (where e.kind = 'received'), 0)::bigint as received,
          coalesce(sum(e.amount) filter (where e.kind = 'deducted'), 0)::bigint as deducted,
          coalesce(sum(e.amount) filter (where e.kind = 'refunded'), 0)::bigint as refunded,
          count(*) filter (where e.kind <> 'received')::int as draws
        from deposits d left join deposit_entries e on e.deposit_id = d.id
        where d.id = '${deposit.id}' group by d.id, d.balance`)
      const [balance, receivedSum, deducted, refunded] = [
        'balance',
        'received',
        'deducted',
        'refunded',
      ].map((k) => Number(sums![k])) as [number, number, number, number]
      expect(receivedSum).toBe(10_000)
      expect(deducted + refunded).toBeLessThanOrEqual(10_000)
      expect(balance).toBe(receivedSum - deducted - refunded)
      expect(balance).toBeGreaterThanOrEqual(0)
      expect(sums!['draws']).toBe(statuses.filter((s) => s === 200).length)
      // 10 000 fen cover three deductions of 3 000, or two and the refund of 2 000
      expect(deducted + refunded).toBeGreaterThanOrEqual(8_000)
    }
  })

  it('after all of it, every invariant of the database holds', async () => {
    expect(await brokenInvariants(rows)).toEqual({})
  })
})
