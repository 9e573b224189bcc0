import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { notifications, users } from '../../src/db/schema'
import { json, startTestApp, TEST_NOW, type Client, type TestApp } from '../support/app'

// The engine's rules at their edges: clocks at odd times, pauses across steps, dates far away or
// impossible, what staff may sign for a customer, what a customer sees, where escalations go.

type Case = {
  id: string
  state: string
  version: number
  paused: boolean
  deadlines: { name: string; status: string }[]
  timeline: { action: string | null; data: Record<string, unknown> }[]
}

let t: TestApp
let agent: Client
let supervisor: Client
let engHead: Client
let engTech: Client
let tenant: Client
let property: string
let tenantCustomer: string
// A Monday, 10:17:12.345 in Shanghai: working time, and not on a whole minute.
const MONDAY = new Date('2026-11-30T02:17:12.345Z')

const open = async (c: Client, body: Record<string, unknown>) => {
  const res = await c.post('/api/v1/cases', { propertyId: property, ...body })
  expect(res.statusCode, res.body).toBe(201)
  return json<Case>(res)
}
const act = (c: Client, k: { id: string; version: number }, a: string, input = {}) =>
  c.post(`/api/v1/cases/${k.id}/actions/${a}`, { ...input, version: k.version })
const ok = async (c: Client, k: { id: string; version: number }, a: string, input = {}) => {
  const res = await act(c, k, a, input)
  expect(res.statusCode, `${a}: ${res.body}`).toBe(200)
  return json<Case>(res)
}
const signature = `data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='}`

beforeAll(async () => {
  t = await startTestApp()
  t.clock.set(MONDAY)
  const as = (u: string) => t.signIn(u)
  agent = await as('cs.agent')
  supervisor = await as('cs.supervisor')
  engHead = await as('eng.head')
  engTech = await as('eng.tech')
  tenant = await as('tenant.office')
  property = await t.ids.property('SL')
  tenantCustomer = await t.ids.customerOf('tenant.office')
})
afterAll(async () => {
  await t?.close()
})

describe('deadlines at their edges', () => {
  it('waiting for the customer at an odd second works (whole minutes are kept)', async () => {
    let c = await open(agent, { type: 'complaint', title: '停车位被占' })
    c = await ok(agent, c, 'assign', { department: 'customer_service' })
    c = await ok(agent, c, 'wait_for_customer', { reason: '客户出差，下周回来' })
    expect(c.paused).toBe(true)
    expect(c.deadlines.find((d) => d.name === 'resolve')?.status).toBe('paused')
  })

  it('a step that moves the case on ends the wait: the follow-up clock runs', async () => {
    let c = await open(agent, { type: 'complaint', title: '前台电话无人接' })
    c = await ok(agent, c, 'assign', { department: 'customer_service' })
    c = await ok(supervisor, c, 'accept')
    c = await ok(supervisor, c, 'wait_for_customer', { reason: '等客户提供录音' })
    c = await ok(supervisor, c, 'report_result', { result: '已培训前台接听规范' })
    expect(c.paused).toBe(false)
    expect(c.deadlines.find((d) => d.name === 'follow_up')?.status).toBe('running')
  })

  it('H-FD-11 a deadline a century away, or at a leap second, is refused — never a 500', async () => {
    const far = await agent.post('/api/v1/cases', {
      ...{ propertyId: property, type: 'liaison', title: '远期', department: 'security' },
      dueAt: '2999-12-31T00:00:00Z',
    })
    expect(far.statusCode).toBe(422)
    expect(json(far)).toMatchObject({ code: 'cases.due_too_far', field: 'dueAt' })
    const c = await open(agent, { type: 'inquiry', title: '闰秒' })
    const leap = await act(agent, c, 'promise_reply', { promisedAt: '2026-12-31T23:59:60Z' })
    expect(leap.statusCode).toBe(400)
    expect(json(leap)).toMatchObject({ field: 'promisedAt' })
  })

  it('H-FD-11 moving a promised reply needs a written reason, shown to the customer', async () => {
    let c = await open(agent, {
      type: 'inquiry',
      title: '空调开放时间',
      customerId: tenantCustomer,
    })
    const at = (h: number) => new Date(MONDAY.getTime() + h * 3600_000).toISOString()
    c = await ok(agent, c, 'promise_reply', { promisedAt: at(2) })
    expect((await act(agent, c, 'promise_reply', { promisedAt: at(5) })).statusCode).toBe(422)
    expect((await act(agent, c, 'change_promise', { promisedAt: at(5) })).statusCode).toBe(400)
    c = await ok(agent, c, 'change_promise', { promisedAt: at(5), reason: '工程部明早才答复' })
    const seen = json<Case>(await tenant.get(`/api/v1/cases/${c.id}`))
    expect(seen.timeline.map((e) => e.action)).toContain('change_promise')
  })
})

describe('money and signatures', () => {
  it('an agreed quote is billed: the work cannot then be completed as free', async () => {
    const tech = await t.ids.user('eng.tech')
    let c = await open(agent, { type: 'repair', title: '热水器故障', customerId: tenantCustomer })
    c = await ok(engHead, c, 'dispatch', { assigneeId: tech })
    c = await ok(engTech, c, 'arrive')
    c = await ok(engTech, c, 'quote', { amount: 30000, description: '更换热水器温控' })
    // Staff capture the customer's consent on the tablet: name and drawn signature both.
    const typedOnly = await act(agent, c, 'agree_quote', { signerName: '刘经理' })
    expect(typedOnly.statusCode).toBe(400)
    expect(json(typedOnly)).toMatchObject({ field: 'signature' })
    c = await ok(agent, c, 'agree_quote', { signerName: '刘经理', signature })
    const free = await act(engTech, c, 'complete', { workDone: '更换温控', paid: false })
    expect(free.statusCode).toBe(422)
    expect(json(free)).toMatchObject({ code: 'repairs.quote_billed' })
  })
})

describe('what a customer sees, and where escalations go', () => {
  it('a customer never sees an internal incident about them, nor staff notes on their case', async () => {
    const incident = await open(agent, {
      type: 'incident',
      title: '内部：客户情绪激动',
      customerId: tenantCustomer,
    })
    expect((await tenant.get(`/api/v1/cases/${incident.id}`)).statusCode).toBe(404)
    let c = await open(agent, { type: 'complaint', title: '噪音', customerId: tenantCustomer })
    c = await ok(agent, c, 'assign', { department: 'engineering', note: '内部：请优先处理' })
    const seen = json<Case>(await tenant.get(`/api/v1/cases/${c.id}`))
    const assign = seen.timeline.find((e) => e.action === 'assign')
    expect(assign?.data).not.toHaveProperty('note')
    const slip = await agent.post('/api/v1/cases', {
      ...{ propertyId: property, type: 'liaison', title: '内部', department: 'finance' },
      customerId: tenantCustomer,
    })
    expect(slip.statusCode).toBe(400)
  })

  it('H-FD-8 H-IS-19 a supervisor escalates to the manager; an emergency complaint reaches them at once', async () => {
    const c = await open(agent, { type: 'complaint', title: '业主要求经理出面' })
    await ok(supervisor, c, 'escalate', { reason: '客户坚持要经理处理' })
    const [manager] = await t.db.select().from(users).where(eq(users.username, 'manager'))
    const told = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, manager!.id))
    expect(told.some((n) => n.caseId === c.id && n.template === 'case.escalated')).toBe(true)
    const emergency = await open(agent, {
      type: 'complaint',
      title: '电梯困人',
      priority: 'emergency',
    })
    const now = await t.db.select().from(notifications).where(eq(notifications.userId, manager!.id))
    expect(now.some((n) => n.caseId === emergency.id && n.urgent)).toBe(true)
  })

  it('H-IS-15 a carrier’s ID number on a release slip is masked in every answer', async () => {
    const slip = await open(agent, {
      ...{ type: 'release', title: '搬出办公桌', customerId: tenantCustomer },
      unitId: await t.ids.unit('201'),
      data: {
        ...{ carrierName: '顺达搬家', carrierIdNumber: '110101199003071234' },
        ...{ items: [{ name: '办公桌', quantity: 2 }], validOn: '2026-11-30' },
      },
    })
    const seen = json<{ data: Record<string, unknown> }>(
      await agent.get(`/api/v1/cases/${slip.id}`),
    )
    expect(seen.data['carrierIdNumber']).toBe('1101**********1234')
  })

  it('a malformed upload is 400, not 500', async () => {
    const c = await open(agent, { type: 'repair', title: '上传测试' })
    const res = await agent.request('POST', `/api/v1/cases/${c.id}/attachments`, '--x\r\nbroken', {
      'content-type': 'multipart/form-data; boundary=x',
    })
    expect(res.statusCode).toBe(400)
    const none = await agent.request('POST', `/api/v1/cases/${c.id}/attachments`, 'abc', {
      'content-type': 'multipart/form-data',
    })
    expect(none.statusCode).toBeGreaterThanOrEqual(400)
    expect(none.statusCode).toBeLessThan(500)
    expect(TEST_NOW < MONDAY).toBe(true)
  })
})
