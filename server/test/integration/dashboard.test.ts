import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sweepDeadlines } from '../../src/modules/cases'
import { json, startTestApp, type Client, type TestApp } from '../support/app'
import { act as actOn } from '../support/case-actions'

// The dashboard (概览, PRODUCT §7) end to end through HTTP. Its figures are counted from cases the
// file makes through the API in buildings of their own: a new building 仪表大厦 (DB) for the
// deadlines, follow-ups and ratings, and 示例公寓B座 (SLB) for moves and a fit-out. The clock runs
// from Sunday 29 November 2026 (10:00 Shanghai) to Monday 30 November and then into December.

type Tally = { count: number; overdue: number }
type Dashboard = {
  propertyId: string | null
  buildings: number
  month: string
  today: string
  timeZone: string
  openCases: {
    total: number
    overdue: number
    escalated: number
    byType: (Tally & { type: string })[]
    byTypeAndState: (Tally & { type: string; state: string })[]
    byDepartment: (Tally & { department: string | null })[]
  }
  timeliness: { onTime: number; missed: number; rateBp: number | null }
  followUp: { done: number; owed: number; rateBp: number | null }
  satisfaction: {
    satisfied: number
    fairlySatisfied: number
    unsatisfied: number
    total: number
    rateBp: number | null
  }
  collection: { due: number; collectedInPeriod: number; rateBp: number | null } | null
  fitOuts: { inProgress: number; depositsHeld: number | null }
  moves: {
    moveIns: { scheduled: number; done: number }
    moveOuts: { scheduled: number; done: number }
  }
}
type Case = { id: string; version: number; state: string }
type Problem = { code: string; field?: string; permission?: string }

let t: TestApp
let admin: Client
let manager: Client
let sl: string
let slb: string
let db: string
let managerId: string
// The stories' cases, shared by the days they run over.
let a: Case
let b: Case
let moveInTomorrow: Case

/** Ten in the morning, Shanghai time, on a day. */
const morningOf = (date: string) => new Date(`${date}T10:00:00+08:00`)
const signature =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

/** Moves the clock; sessions expire over days, so the callers sign in again. */
async function moveClockTo(at: Date) {
  t.clock.set(at)
  ;[admin, manager] = await Promise.all([t.signIn('admin'), t.signIn('manager')])
}

async function dashboard(client: Client, query = '') {
  const res = await client.get(`/api/v1/dashboard${query ? `?${query}` : ''}`)
  expect(res.statusCode, res.body).toBe(200)
  return json<Dashboard>(res)
}
const ofBuilding = (propertyId: string, month?: string) =>
  dashboard(manager, `propertyId=${propertyId}${month ? `&month=${month}` : ''}`)

/** A record made through the API (201): its body. */
async function created<T = { id: string }>(call: Promise<{ statusCode: number; body: string }>) {
  const res = await call
  expect(res.statusCode, res.body).toBe(201)
  return JSON.parse(res.body) as T
}
const open = (propertyId: string, body: Record<string, unknown>) =>
  created<Case>(manager.post('/api/v1/cases', { propertyId, ...body }))
const act = (c: Case, action: string, input: Record<string, unknown> = {}) =>
  actOn<Case>(manager, c, action, input)
const complaint = (title: string, more: Record<string, unknown> = {}) =>
  open(db, { type: 'complaint', title, contactName: '王先生', ...more })

/** A complaint taken to its result, waiting for the follow-up (回访). */
async function resolvedComplaint(title: string) {
  let c = await complaint(title)
  c = await act(c, 'assign', { department: 'customer_service' })
  c = await act(c, 'accept')
  return act(c, 'report_result', { result: '已处理完毕' })
}

beforeAll(async () => {
  t = await startTestApp()
  await moveClockTo(morningOf('2026-11-29'))
  ;[sl, slb] = [await t.ids.property('SL'), await t.ids.property('SLB')]
  managerId = await t.ids.user('manager')
  db = (await created(admin.post('/api/v1/properties', { code: 'DB', name: '仪表大厦' }))).id
})
afterAll(async () => {
  await t?.close()
})

describe('who may read it', () => {
  it('fin.staff: cannot read the dashboard without case.read_all (403)', async () => {
    const res = await (await t.signIn('fin.staff')).get(`/api/v1/dashboard?propertyId=${sl}`)
    expect(res.statusCode).toBe(403)
    expect(json<Problem>(res)).toMatchObject({ code: 'forbidden', permission: 'case.read_all' })
  })

  it('tenant.office: a customer account never reads it (403)', async () => {
    const res = await (await t.signIn('tenant.office')).get('/api/v1/dashboard')
    expect(res.statusCode).toBe(403)
  })

  it('cs.agent: a building outside their scope is 404, as is one of another organisation', async () => {
    const agent = await t.signIn('cs.agent')
    for (const propertyId of [db, slb, await t.ids.property('OT')]) {
      const res = await agent.get(`/api/v1/dashboard?propertyId=${propertyId}`)
      expect(res.statusCode, res.body).toBe(404)
      expect(json<Problem>(res).code).toBe('not_found')
    }
    const mine = await dashboard(agent)
    expect(mine).toMatchObject({ propertyId: null, buildings: 1 })
    expect(mine.openCases).toEqual((await ofBuilding(sl)).openCases)
  })

  it('a month after this one is refused on the parameter (400)', async () => {
    const res = await manager.get(`/api/v1/dashboard?propertyId=${sl}&month=2026-12`)
    expect(res.statusCode).toBe(400)
    expect(json<Problem>(res)).toMatchObject({ code: 'request.invalid', field: 'month' })
  })
})

describe('the demo building, this month', () => {
  it('H-IS-27 the collection rate is the billing module’s own, for the month', async () => {
    const figures = await ofBuilding(sl)
    expect(figures).toMatchObject({ month: '2026-11', today: '2026-11-29' })
    const billing = json<{ items: { due: number; collectedInPeriod: number; rateBp: number }[] }>(
      await manager.get(`/api/v1/billing/collection-rate?propertyId=${sl}&from=2026-11&to=2026-11`),
    ).items[0]!
    expect(billing.due).toBeGreaterThan(0)
    expect(figures.collection).toEqual({
      due: billing.due,
      collectedInPeriod: billing.collectedInPeriod,
      rateBp: billing.rateBp,
    })
  })

  it('the demo building has overdue open cases, and they are what the overdue queue lists', async () => {
    const figures = await ofBuilding(sl)
    const queue = json<{ items: { id: string }[] }>(
      await manager.get(`/api/v1/cases?propertyId=${sl}&overdue=true&limit=200`),
    ).items
    expect(figures.openCases.overdue).toBeGreaterThan(0)
    expect(figures.openCases.overdue).toBe(queue.length)
    const open = json<{ items: { id: string }[] }>(
      await manager.get(`/api/v1/cases?propertyId=${sl}&status=open&limit=200`),
    ).items
    expect(figures.openCases.total).toBe(open.length)
  })

  it('a role with case.read_all but without billing.read gets no money figures', async () => {
    const role = await created(
      admin.post('/api/v1/roles', {
        code: 'dash_viewer',
        name: '看板查看',
        permissions: ['property.read', 'case.read', 'case.read_all'],
      }),
    )
    const user = { username: 'dash.viewer', displayName: '看板', kind: 'staff' }
    await created(
      admin.post('/api/v1/users', {
        ...{ ...user, password: 'Dashboard123', roleId: role.id, propertyIds: [sl] },
      }),
    )
    const viewer = await t.signIn('dash.viewer', 'Dashboard123')
    const figures = await dashboard(viewer, `propertyId=${sl}`)
    expect(figures.collection).toBeNull()
    expect(figures.fitOuts.depositsHeld).toBeNull()
    expect(figures.openCases).toEqual((await ofBuilding(sl)).openCases)
  })
})

describe('moves today and fit-outs (示例公寓B座)', () => {
  async function customerIn(propertyId: string, name: string, kind = 'person') {
    return (await created(admin.post('/api/v1/customers', { propertyId, kind, name }))).id
  }
  const unit = (number: string) => t.ids.unit(number, 'SLB')
  const moveIn = async (customerId: string, unitId: string, date: string) =>
    open(slb, {
      type: 'move_in',
      unitId,
      customerId,
      title: `入驻 ${date}`,
      data: { moveInDate: date, role: 'owner' },
    })

  it('Sunday: move-ins and a move-out of today, one cancelled; a fit-out with its deposit', async () => {
    await moveClockTo(morningOf('2026-11-29'))
    await moveIn(await customerIn(slb, '入驻甲'), await unit('B201'), '2026-11-29')
    const cancelled = await moveIn(
      await customerIn(slb, '入驻乙'),
      await unit('B202'),
      '2026-11-29',
    )
    await act(cancelled, 'cancel', { reason: '客户改期入驻' })
    // Tomorrow's: prepared today, up to the departments' liaison slips.
    moveInTomorrow = await moveIn(await customerIn(slb, '入驻丙'), await unit('B203'), '2026-11-30')
    let m = await act(moveInTomorrow, 'receive_documents', {
      licence: true,
      ids: true,
      contacts: true,
    })
    m = await act(m, 'sign_agreement', { signerName: '丙', signature })
    m = await act(m, 'confirm_fees')
    m = await act(m, 'hand_over', {
      ...{ electricityReading: 1, waterReading: 1, condition: '完好', keys: 2, cards: 2 },
      ...{ signerName: '丙', signature },
    })
    moveInTomorrow = await act(m, 'notify_departments')

    const leaving = await customerIn(slb, '迁出丁')
    const b301 = await unit('B301')
    await created(
      admin.post(`/api/v1/customers/${leaving}/occupancies`, {
        ...{ unitId: b301, role: 'owner', fromDate: '2025-01-01' },
      }),
    )
    await open(slb, {
      ...{ type: 'move_out', unitId: b301, customerId: leaving, title: '迁出 B301' },
      data: { moveOutDate: '2026-11-29' },
    })

    // A fit-out in an office: SLB gets an office floor for it.
    const floor = await created(
      admin.post(`/api/v1/properties/${slb}/floors`, { label: '90F', level: 90, kind: 'office' }),
    )
    const office = (
      await created(
        admin.post('/api/v1/units', {
          ...{ floorId: floor.id, number: '9001', kind: 'office', areaM2: 120 },
        }),
      )
    ).id
    const tenant = await customerIn(slb, '装修公司', 'company')
    const fitOut = await open(slb, {
      ...{ type: 'fit_out', unitId: office, customerId: tenant, title: '9001 装修' },
      data: {
        contractor: {
          ...{ name: '佳美装饰', licenceNumber: 'J0001' },
          ...{ siteLead: '何工', siteLeadPhone: '13611112222' },
        },
        ...{ scope: ['partitions'], startDate: '2026-12-01', endDate: '2026-12-31' },
        workerCount: 3,
      },
    })
    const deposit = { customerId: tenant, type: 'fit_out', amount: 500_000, method: 'cash' }
    const res = await admin.request(
      'POST',
      '/api/v1/billing/deposits',
      { ...deposit, unitId: office, caseId: fitOut.id },
      { 'idempotency-key': randomUUID() },
    )
    expect(res.statusCode, res.body).toBe(201)

    const figures = await ofBuilding(slb)
    expect(figures.moves).toEqual({
      moveIns: { scheduled: 1, done: 0 },
      moveOuts: { scheduled: 1, done: 0 },
    })
    expect(figures.fitOuts).toEqual({ inProgress: 1, depositsHeld: 500_000 })
    expect(figures.openCases.byType).toContainEqual({ type: 'fit_out', count: 1, overdue: 0 })
  })
})

describe('a new building: open cases and the timeliness rate (及时率, H-IS-25)', () => {
  it('starts empty', async () => {
    const figures = await ofBuilding(db)
    expect(figures).toMatchObject({
      propertyId: db,
      buildings: 1,
      timeZone: 'Asia/Shanghai',
      openCases: { total: 0, overdue: 0, escalated: 0, byTypeAndState: [], byDepartment: [] },
      timeliness: { onTime: 0, missed: 0, rateBp: null },
      followUp: { done: 0, owed: 0, rateBp: null },
      satisfaction: { total: 0, rateBp: null },
      collection: { due: 0, collectedInPeriod: 0, rateBp: null },
      fitOuts: { inProgress: 0, depositsHeld: 0 },
    })
  })

  it('Sunday: three complaints, one assigned at once — its response deadline met on time', async () => {
    a = await complaint('电梯按钮失灵')
    b = await complaint('走廊灯不亮')
    await complaint('门禁卡无法使用', { department: 'security' })
    a = await act(a, 'assign', { department: 'customer_service' })
    const figures = await ofBuilding(db)
    expect(figures.openCases).toEqual({
      total: 3,
      overdue: 0,
      escalated: 0,
      byType: [{ type: 'complaint', count: 3, overdue: 0 }],
      byTypeAndState: [
        { type: 'complaint', state: 'registered', count: 2, overdue: 0 },
        { type: 'complaint', state: 'assigned', count: 1, overdue: 0 },
      ],
      byDepartment: [
        { department: 'customer_service', count: 2, overdue: 0 },
        { department: 'security', count: 1, overdue: 0 },
      ],
    })
    expect(figures.timeliness).toEqual({ onTime: 1, missed: 0, rateBp: 10_000 })
  })
})

describe('the new building, the next day', () => {
  it('Monday: two response deadlines passed (09:30) — overdue, escalated, missed; one met late counts once', async () => {
    await moveClockTo(morningOf('2026-11-30'))
    await sweepDeadlines({ db: t.db, clock: t.clock })
    b = await act(b, 'assign', { department: 'customer_service' })
    const figures = await ofBuilding(db)
    expect(figures.openCases).toMatchObject({
      total: 3,
      overdue: 2,
      escalated: 2,
      byTypeAndState: [
        { type: 'complaint', state: 'assigned', count: 2, overdue: 1 },
        { type: 'complaint', state: 'registered', count: 1, overdue: 1 },
      ],
      byDepartment: [
        { department: 'customer_service', count: 2, overdue: 1 },
        { department: 'security', count: 1, overdue: 1 },
      ],
    })
    // 1 on time ÷ 3 settled = 33.33%.
    expect(figures.timeliness).toEqual({ onTime: 1, missed: 2, rateBp: 3333 })
  })
})

describe('moves today (示例公寓B座), the next day', () => {
  it('Monday: tomorrow’s move-in is today’s, and done once completed', async () => {
    await moveClockTo(morningOf('2026-11-30'))
    expect((await ofBuilding(slb)).moves).toEqual({
      moveIns: { scheduled: 1, done: 0 },
      moveOuts: { scheduled: 0, done: 0 },
    })
    const done = await act(moveInTomorrow, 'complete')
    expect(done.state).toBe('completed')
    expect((await ofBuilding(slb)).moves.moveIns).toEqual({ scheduled: 1, done: 1 })
  })
})

describe('the whole organisation', () => {
  it('manager: without a building, the figures of every building of the organisation, summed', async () => {
    const whole = await dashboard(manager)
    const parts = await Promise.all([sl, slb, db].map((id) => ofBuilding(id)))
    expect(whole).toMatchObject({ propertyId: null, buildings: 3, month: '2026-11' })
    const sum = (f: (d: Dashboard) => number) => parts.reduce((n, d) => n + f(d), 0)
    expect(whole.openCases.total).toBe(sum((d) => d.openCases.total))
    expect(whole.openCases.overdue).toBe(sum((d) => d.openCases.overdue))
    expect(whole.openCases.escalated).toBe(sum((d) => d.openCases.escalated))
    expect(whole.timeliness.onTime).toBe(sum((d) => d.timeliness.onTime))
    expect(whole.timeliness.missed).toBe(sum((d) => d.timeliness.missed))
    expect(whole.fitOuts.inProgress).toBe(sum((d) => d.fitOuts.inProgress))
    expect(whole.fitOuts.depositsHeld).toBe(sum((d) => d.fitOuts.depositsHeld ?? 0))
    expect(whole.moves.moveIns.done).toBe(sum((d) => d.moves.moveIns.done))
    expect(whole.satisfaction.total).toBe(sum((d) => d.satisfaction.total))
    expect(whole.collection?.due).toBe(sum((d) => d.collection?.due ?? 0))
    expect(whole.collection?.collectedInPeriod).toBe(
      sum((d) => d.collection?.collectedInPeriod ?? 0),
    )
  })
})

describe('the new building in December: follow-up rate (回访率) and satisfaction rate (满意率)', () => {
  it('H-IS-29 complaints and a repair are followed up, one reopened, one closed without (H-IS-26)', async () => {
    await moveClockTo(morningOf('2026-12-02'))
    // Satisfied.
    await act(await resolvedComplaint('空调不制冷'), 'follow_up', {
      method: 'phone',
      rating: 'satisfied',
    })
    // Unsatisfied: reopened, its result reported again, its second follow-up not yet due.
    let e = await act(await resolvedComplaint('噪音扰民'), 'follow_up', {
      method: 'visit',
      rating: 'unsatisfied',
    })
    expect(e.state).toBe('assigned')
    e = await act(e, 'accept')
    e = await act(e, 'report_result', { result: '已再次处理' })
    expect(e.state).toBe('resolved')
    // Closed without a follow-up, an exception with its reason.
    await act(await resolvedComplaint('停车位被占'), 'close_without_follow_up', {
      reason: '客户已出国，无法联系',
    })
    // A repair the customer did not sign off as satisfied: followed up, fairly satisfied.
    let g = await open(db, { type: 'repair', title: '卫生间漏水', contactName: '李女士' })
    g = await act(g, 'dispatch', { assigneeId: managerId })
    g = await act(g, 'arrive')
    g = await act(g, 'complete', { workDone: '更换密封圈', paid: false })
    g = await act(g, 'customer_sign_off', { satisfied: false, signerName: '李女士', signature })
    expect(g.state).toBe('awaiting_follow_up')
    g = await act(g, 'follow_up', { method: 'phone', rating: 'fairly_satisfied' })
    expect(g.state).toBe('closed')

    const december = await ofBuilding(db)
    expect(december.month).toBe('2026-12')
    // Owed: three complaints' first follow-ups and the repair's; done: all but the waived one.
    expect(december.followUp).toEqual({ done: 3, owed: 4, rateBp: 7500 })
    expect(december.satisfaction).toEqual({
      satisfied: 1,
      fairlySatisfied: 1,
      unsatisfied: 1,
      total: 3,
      rateBp: 6667,
    })
    // Every deadline of December's work was met in time: 3 + 4 + 2 + 3.
    expect(december.timeliness).toEqual({ onTime: 12, missed: 0, rateBp: 10_000 })
    expect(december.openCases.total).toBe(4)
  })

  it('a past month keeps its figures', async () => {
    const november = await ofBuilding(db, '2026-11')
    expect(november.month).toBe('2026-11')
    expect(november.timeliness).toEqual({ onTime: 1, missed: 2, rateBp: 3333 })
    expect(november.followUp).toEqual({ done: 0, owed: 0, rateBp: null })
    expect(november.satisfaction.total).toBe(0)
  })
})
