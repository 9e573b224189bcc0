import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { caseEvents, charges, notifications, occupancies, users } from '../../src/db/schema'
import { sweepDeadlines } from '../../src/modules/cases'
import { json, startTestApp, TEST_NOW, type Client, type TestApp } from '../support/app'

// The case engine end to end through HTTP: complaints, repairs, inquiries, incidents and liaison
// slips, their deadlines and escalation, sign-offs, attachments, scope and concurrency.

type Case = {
  id: string
  number: string
  state: string
  version: number
  overdue: boolean
  escalationLevel: number
  department: string | null
  assigneeId: string | null
  timeline: {
    kind: string
    action: string | null
    reason: string | null
    visibility: string
    data: Record<string, unknown>
  }[]
  deadlines: {
    name: string
    status: string
    dueAt: string
    overdueAt: string | null
    metAt: string | null
  }[]
  signOffs: { action: string; signerRole: string; signerName: string; signatureId: string | null }[]
  availableActions: { name: string; reasonRequired: boolean }[]
  children: { id: string; number: string; type: string }[]
  contactPhone: string | null
}

let t: TestApp
let agent: Client
let supervisor: Client
let engHead: Client
let engTech: Client
let secGuard: Client
let tenant: Client
let otherAdmin: Client
let property: string
let unit: string
let tenantCustomer: string

const HOUR = 3600_000

async function open(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/v1/cases', { propertyId: property, ...body })
  expect(res.statusCode, res.body).toBe(201)
  return json<Case>(res)
}
async function act(
  client: Client,
  c: { id: string; version: number },
  action: string,
  input: Record<string, unknown> = {},
) {
  const res = await client.post(`/api/v1/cases/${c.id}/actions/${action}`, {
    ...input,
    version: c.version,
  })
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200)
  return json<Case>(res)
}
const get = async (client: Client, id: string) =>
  json<Case>(await client.get(`/api/v1/cases/${id}`))
async function notificationsOf(username: string) {
  const [user] = await t.db.select().from(users).where(eq(users.username, username))
  return t.db.select().from(notifications).where(eq(notifications.userId, user!.id))
}
const pngBytes = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)
const signature = `data:image/png;base64,${pngBytes.toString('base64')}`

beforeAll(async () => {
  t = await startTestApp()
  const as = (u: string) => t.signIn(u)
  agent = await as('cs.agent')
  supervisor = await as('cs.supervisor')
  engHead = await as('eng.head')
  engTech = await as('eng.tech')
  secGuard = await as('sec.guard')
  tenant = await as('tenant.office')
  otherAdmin = await as('other.admin')
  property = await t.ids.property('SL')
  tenantCustomer = await t.ids.customerOf('tenant.office')
  const units = json<{ items: { unitId: string }[] }>(
    await tenant.get(`/api/v1/customers/${tenantCustomer}`),
  )
  unit = units.items?.[0]?.unitId ?? ''
})
afterAll(async () => {
  await t?.close()
})

describe('complaints (P-CP-2)', () => {
  it('H-CP-1 P-CP-2 agent registers a phone complaint; engineering accepts, reports a signed result; the follow-up closes it', async () => {
    let c = await open(agent, {
      type: 'complaint',
      channel: 'phone',
      title: '空调不制冷',
      description: '12 楼会议室空调不制冷',
      contactName: '刘先生',
      contactPhone: '13812345678',
    })
    expect(c.number).toMatch(/^TS-20261129-\d{4}$/)
    expect(c.state).toBe('registered')
    expect(c.contactPhone).not.toBe('13812345678')
    expect(c.deadlines).toMatchObject([{ name: 'respond', status: 'running' }])
    expect(c.availableActions.map((a) => a.name)).toContain('assign')

    c = await act(agent, c, 'assign', { department: 'engineering' })
    expect(c).toMatchObject({ state: 'assigned', department: 'engineering' })
    expect(
      (await notificationsOf('eng.head')).some(
        (n) => n.caseId === c.id && n.template === 'case.created_in_queue',
      ),
    ).toBe(true)
    // The engineering queue shows it; security does not even see it.
    const queue = json<{ items: { id: string }[] }>(
      await engTech.get('/api/v1/cases?department=engineering&status=open'),
    )
    expect(queue.items.map((i) => i.id)).toContain(c.id)
    expect((await secGuard.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404)

    c = await act(engHead, c, 'accept')
    c = await act(engHead, c, 'report_result', { result: '已补充冷媒，温度恢复正常' })
    expect(c.state).toBe('resolved')
    expect(c.signOffs).toMatchObject([{ action: 'report_result', signerRole: 'department_head' }])
    expect(c.deadlines.find((d) => d.name === 'resolve')).toMatchObject({ status: 'met' })
    expect(c.deadlines.find((d) => d.name === 'follow_up')).toMatchObject({ status: 'running' })

    // H-IS-29: the follow-up is recorded; unsatisfied reopens it to engineering.
    c = await act(agent, c, 'follow_up', {
      method: 'phone',
      rating: 'unsatisfied',
      comment: '仍然很热',
    })
    expect(c).toMatchObject({ state: 'assigned', department: 'engineering' })
    c = await act(engHead, c, 'accept')
    c = await act(engHead, c, 'report_result', { result: '更换压缩机' })
    c = await act(agent, c, 'follow_up', { method: 'visit', rating: 'satisfied' })
    expect(c.state).toBe('closed')
    expect(c.availableActions).toEqual([])
    expect(c.deadlines.every((d) => d.status !== 'running')).toBe(true)
    const actions = c.timeline.filter((e) => e.kind === 'action').map((e) => e.action)
    expect(actions).toEqual([
      'assign',
      'accept',
      'report_result',
      'follow_up',
      'accept',
      'report_result',
      'follow_up',
    ])
  })

  it('a department outside the case is refused the work (403), and a stale version is 409 with the current one', async () => {
    const c = await open(agent, { type: 'complaint', title: '噪音', channel: 'walk_in' })
    const assigned = await act(agent, c, 'assign', { department: 'security' })
    const res = await engHead.post(`/api/v1/cases/${c.id}/actions/accept`, {
      version: assigned.version,
    })
    expect(res.statusCode).toBe(404) // not even visible to engineering
    const stale = await agent.post(`/api/v1/cases/${c.id}/actions/reassign`, {
      version: c.version,
      department: 'cleaning',
      reason: '应由保洁处理',
    })
    expect(stale.statusCode).toBe(409)
    expect(json(stale)).toMatchObject({
      code: 'conflict.stale_version',
      currentVersion: assigned.version,
    })
    const wrong = await agent.post(`/api/v1/cases/${c.id}/actions/follow_up`, {
      version: assigned.version,
      method: 'phone',
      rating: 'satisfied',
    })
    expect(wrong.statusCode).toBe(422)
    expect(json(wrong)).toMatchObject({ code: 'cases.wrong_state' })
    const unknown = await agent.post(`/api/v1/cases/${c.id}/actions/fly_away`, {
      version: assigned.version,
    })
    expect(unknown.statusCode).toBe(404)
    const forbidden = await secGuard.post(`/api/v1/cases/${c.id}/actions/close_without_follow_up`, {
      version: assigned.version,
      reason: '无需回访',
    })
    expect(forbidden.statusCode).toBe(403)
  })

  it('two users acting on the same case at once: exactly one succeeds, the other gets 409; no lost timeline event', async () => {
    const c = await open(agent, { type: 'complaint', title: '电梯异响' })
    const [a, b] = await Promise.all([
      agent.post(`/api/v1/cases/${c.id}/actions/assign`, {
        version: c.version,
        department: 'engineering',
      }),
      supervisor.post(`/api/v1/cases/${c.id}/actions/assign`, {
        version: c.version,
        department: 'cleaning',
      }),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
    const loser = a.statusCode === 409 ? a : b
    expect(json(loser)).toMatchObject({
      code: 'conflict.stale_version',
      currentVersion: c.version + 1,
    })
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id))
    expect(events.filter((e) => e.kind === 'action')).toHaveLength(1)
    const after = await get(agent, c.id)
    expect(after.version).toBe(c.version + 1)
  })

  it('H-IS-26 an exception carries its written reason into the timeline; without one it is refused', async () => {
    let c = await open(agent, { type: 'complaint', title: '保洁不到位' })
    c = await act(agent, c, 'assign', { department: 'cleaning' })
    const clean = await t.signIn('clean.head')
    c = await act(clean, c, 'accept')
    c = await act(clean, c, 'report_result', { result: '已加强巡查' })
    const missing = await supervisor.post(`/api/v1/cases/${c.id}/actions/close_without_follow_up`, {
      version: c.version,
      reason: ' ',
    })
    expect(missing.statusCode).toBe(400)
    c = await act(supervisor, c, 'close_without_follow_up', { reason: '客户已退租，无法回访' })
    const exception = c.timeline.find((e) => e.action === 'close_without_follow_up')
    expect(exception).toMatchObject({ reason: '客户已退租，无法回访', data: { exception: true } })
  })

  it('an urgent complaint notifies the duty manager at once', async () => {
    const c = await open(agent, {
      type: 'complaint',
      title: '客户在大堂投诉保安态度',
      priority: 'urgent',
    })
    const managerNotes = await notificationsOf('manager')
    expect(managerNotes.find((n) => n.caseId === c.id)).toMatchObject({
      template: 'case.urgent',
      urgent: true,
    })
  })
})

describe('the queue', () => {
  it('its items are the summaries the case page gives, page after page, in order', async () => {
    // The queue's items come from its own statement, read into objects by hand (the repository's
    // listCases); the case page's summary from the page's statement. They must agree field for
    // field: names, instants, flags, the nearest deadline.
    const [occupancy] = await t.db
      .select()
      .from(occupancies)
      .where(eq(occupancies.customerId, tenantCustomer))
    const unitId = occupancy!.unitId
    const a = await open(agent, {
      type: 'complaint',
      title: '队列核对一',
      unitId,
      customerId: tenantCustomer,
      contactName: '王女士',
    })
    const b = await act(
      agent,
      await open(agent, { type: 'complaint', title: '队列核对二' }),
      'assign',
      {
        department: 'engineering',
      },
    )
    const c = await open(agent, { type: 'repair', title: '队列核对三', priority: 'urgent' })
    const seen: Record<string, unknown>[] = []
    let url = `/api/v1/cases?propertyId=${property}&limit=2`
    for (let i = 0; i < 3; i++) {
      const res = await agent.get(url)
      expect(res.statusCode, res.body).toBe(200)
      expect(res.headers['content-type']).toMatch(/^application\/json/)
      const page = json<{ items: Record<string, unknown>[]; nextCursor: string | null }>(res)
      expect(page.items.length).toBeLessThanOrEqual(2)
      seen.push(...page.items)
      if (!page.nextCursor) break
      url = `/api/v1/cases?propertyId=${property}&limit=2&cursor=${page.nextCursor}`
    }
    const mine = [c, b, a].map((x) => seen.find((item) => item['id'] === x.id))
    expect(mine.every(Boolean)).toBe(true)
    // Newest first, and no case twice across pages.
    expect(new Set(seen.map((item) => item['id'])).size).toBe(seen.length)
    const times = seen.map((item) => String(item['createdAt']))
    expect([...times].sort().reverse()).toEqual(times)
    for (const item of mine) {
      const detail = json<Record<string, unknown>>(
        await agent.get(`/api/v1/cases/${String(item!['id'])}`),
      )
      expect(Object.keys(item!).sort()).toEqual([
        'assigneeId',
        'assigneeName',
        'channel',
        'closedAt',
        'createdAt',
        'customerId',
        'customerName',
        'department',
        'dueAt',
        'escalationLevel',
        'id',
        'number',
        'overdue',
        'paused',
        'priority',
        'propertyId',
        'propertyName',
        'state',
        'title',
        'type',
        'unitId',
        'unitNumber',
        'updatedAt',
        'version',
      ])
      expect(item).toEqual(Object.fromEntries(Object.keys(item!).map((k) => [k, detail[k]])))
    }
    expect(mine[2]).toMatchObject({ unitId, customerId: tenantCustomer, paused: false })
    expect(mine[2]!['unitNumber']).toEqual(expect.any(String))
    expect(mine[2]!['customerName']).toEqual(expect.any(String))
    expect(mine[1]).toMatchObject({ department: 'engineering', state: 'assigned' })
    expect(mine[1]!['dueAt']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  })
})

describe('deadlines and escalation (H-FD-8, H-IS-19, H-IS-25)', () => {
  it('H-IS-25 H-IS-19 an overdue case is marked, escalated to the supervisor, then to the manager — never silent', async () => {
    const c = await open(agent, { type: 'complaint', title: '门禁卡失效' })
    const respond = c.deadlines.find((d) => d.name === 'respond')!
    await sweepDeadlines({ db: t.db, clock: t.clock })
    expect((await get(agent, c.id)).overdue).toBe(false)
    t.clock.set(new Date(Date.parse(respond.dueAt) + 60_000))
    expect(await sweepDeadlines({ db: t.db, clock: t.clock })).toBeGreaterThanOrEqual(1)
    const agentNow = await t.signIn('cs.agent')
    let after = await get(agentNow, c.id)
    expect(after).toMatchObject({ overdue: true, escalationLevel: 1 })
    expect(after.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['overdue', 'escalated']),
    )
    expect(
      (await notificationsOf('cs.supervisor')).some(
        (n) => n.caseId === c.id && n.template === 'case.escalated',
      ),
    ).toBe(true)
    // Sweeping again changes nothing: each step is taken once.
    await sweepDeadlines({ db: t.db, clock: t.clock })
    expect((await get(agentNow, c.id)).escalationLevel).toBe(1)
    t.clock.set(new Date(Date.parse(respond.dueAt) + 24 * HOUR))
    await sweepDeadlines({ db: t.db, clock: t.clock })
    after = await get(await t.signIn('cs.agent'), c.id)
    expect(after.escalationLevel).toBe(2)
    expect(
      (await notificationsOf('manager')).some(
        (n) => n.caseId === c.id && n.template === 'case.escalated',
      ),
    ).toBe(true)
    const overdue = json<{ items: { id: string }[] }>(
      await (await t.signIn('cs.agent')).get('/api/v1/cases?overdue=true'),
    )
    expect(overdue.items.map((i) => i.id)).toContain(c.id)
    t.clock.set(TEST_NOW)
  })
})

describe('repairs', () => {
  it('a paid repair: dispatched, quoted, agreed by the customer in the portal (billed once), completed, signed off', async () => {
    const engTechId = await t.ids.user('eng.tech')
    let c = await open(tenant, {
      type: 'repair',
      title: '卫生间漏水',
      ...(unit ? { unitId: unit } : {}),
      data: { fault: 'water' },
    })
    expect(c.department).toBe('engineering')
    c = await act(engHead, c, 'dispatch', { assigneeId: engTechId })
    expect(c.assigneeId).toBe(engTechId)
    c = await act(engTech, c, 'arrive')
    c = await act(engTech, c, 'quote', { amount: 15000, description: '更换角阀' })
    expect(c.deadlines.filter((d) => d.status === 'paused').length).toBeGreaterThan(0)
    c = await act(tenant, await get(tenant, c.id), 'agree_quote')
    const billed = await t.db.select().from(charges).where(eq(charges.caseId, c.id))
    expect(billed).toHaveLength(1)
    expect(billed[0]).toMatchObject({ amount: 15000, customerId: tenantCustomer })
    c = await act(engTech, await get(engTech, c.id), 'complete', {
      workDone: '更换角阀一只',
      paid: true,
      materials: [{ name: '角阀', quantity: 1 }],
    })
    c = await act(agent, c, 'customer_sign_off', {
      satisfied: false,
      signerName: '刘先生',
      signature,
    })
    expect(c.state).toBe('awaiting_follow_up')
    expect(c.signOffs.find((s) => s.action === 'customer_sign_off')).toMatchObject({
      signerRole: 'customer',
      signerName: '刘先生',
    })
    expect(c.signOffs.find((s) => s.action === 'customer_sign_off')?.signatureId).toBeTruthy()
    // The tenant sees the progress but not internal notes.
    await agent.post(`/api/v1/cases/${c.id}/comments`, { text: '内部备注：材料费已核对' })
    const seen = await get(tenant, c.id)
    expect(seen.timeline.some((e) => e.kind === 'comment')).toBe(false)
  })

  it('staff capturing a customer signature must give the customer name', async () => {
    const engTechId = await t.ids.user('eng.tech')
    let c = await open(agent, { type: 'repair', title: '灯不亮', customerId: tenantCustomer })
    c = await act(engHead, c, 'dispatch', { assigneeId: engTechId })
    c = await act(engTech, c, 'arrive')
    c = await act(engTech, c, 'complete', { workDone: '换灯管', paid: false })
    const res = await agent.post(`/api/v1/cases/${c.id}/actions/customer_sign_off`, {
      version: c.version,
      satisfied: true,
    })
    expect(res.statusCode).toBe(400)
    expect(json(res)).toMatchObject({ field: 'signerName' })
  })
})

describe('inquiries, incidents and liaison slips', () => {
  it('H-FD-11 a promised reply is a deadline with a reminder; a broken promise shows as overdue', async () => {
    let c = await open(agent, { type: 'inquiry', title: '停车月卡价格', channel: 'phone' })
    c = await act(agent, c, 'promise_reply', {
      promisedAt: new Date(TEST_NOW.getTime() + 2 * HOUR).toISOString(),
    })
    expect(c.state).toBe('promised')
    t.clock.set(new Date(TEST_NOW.getTime() + 2 * HOUR - 20 * 60_000))
    await sweepDeadlines({ db: t.db, clock: t.clock })
    expect(
      (await notificationsOf('cs.agent')).some(
        (n) => n.caseId === c.id && n.template === 'inquiry.reply_due',
      ),
    ).toBe(true)
    t.clock.set(new Date(TEST_NOW.getTime() + 3 * HOUR))
    await sweepDeadlines({ db: t.db, clock: t.clock })
    const after = await get(await t.signIn('cs.agent'), c.id)
    expect(after.overdue).toBe(true)
    expect(after.deadlines.find((d) => d.name === 'reply')?.overdueAt).toBeTruthy()
    t.clock.set(TEST_NOW)
    const answeredNow = await open(agent, {
      type: 'inquiry',
      title: '物业费怎么交',
      data: { answer: '前台或微信缴纳' },
    })
    expect(answeredNow.state).toBe('answered')
  })

  it('H-FD-10 a lobby incident is urgent, notifies the supervisor at once and raises a repair under it', async () => {
    let c = await open(agent, {
      type: 'incident',
      title: '大堂地面积水有人滑倒',
      data: { kind: 'injury', location: '一楼大堂' },
    })
    const supNotes = await notificationsOf('cs.supervisor')
    expect(supNotes.find((n) => n.caseId === c.id)).toMatchObject({
      template: 'incident.reported',
      urgent: true,
    })
    c = await act(supervisor, c, 'take_charge')
    c = await act(supervisor, c, 'raise_repair', { title: '大堂天花漏水', priority: 'emergency' })
    expect(c.children).toMatchObject([{ type: 'repair' }])
    const child = await get(engHead, c.children[0]!.id)
    expect(child).toMatchObject({ state: 'logged', department: 'engineering' })
  })

  it('a liaison slip by hand: the receiving department signs for it and reports back; others cannot', async () => {
    let slip = await open(agent, {
      type: 'liaison',
      title: '12F 搬家需加派保安',
      department: 'security',
      dueAt: new Date(TEST_NOW.getTime() + 24 * HOUR).toISOString(),
    })
    expect(slip.number).toMatch(/^LX-/)
    expect(slip.deadlines.find((d) => d.name === 'resolve')?.dueAt).toBe(
      new Date(TEST_NOW.getTime() + 24 * HOUR).toISOString(),
    )
    expect((await engHead.get(`/api/v1/cases/${slip.id}`)).statusCode).toBe(404)
    slip = await act(secGuard, await get(secGuard, slip.id), 'receive')
    expect(slip.signOffs).toMatchObject([{ action: 'receive', signerRole: 'department_staff' }])
    slip = await act(secGuard, slip, 'complete', { feedback: '已安排两名保安' })
    expect(slip.state).toBe('done')
    const missingDept = await agent.post('/api/v1/cases', {
      propertyId: property,
      type: 'liaison',
      title: '无接收部门',
    })
    expect(missingDept.statusCode).toBe(400)
  })
})

describe('scope, attachments and comments', () => {
  it('a customer sees only their own cases; another organisation gets 404', async () => {
    const mine = await open(tenant, { type: 'complaint', title: '电梯等候时间长' })
    expect(mine.number).toMatch(/^TS-/)
    const desk = await open(agent, { type: 'complaint', title: '别人的投诉' })
    expect((await tenant.get(`/api/v1/cases/${desk.id}`)).statusCode).toBe(404)
    const list = json<{ items: { id: string }[] }>(await tenant.get('/api/v1/cases'))
    expect(list.items.map((i) => i.id)).toContain(mine.id)
    expect(list.items.map((i) => i.id)).not.toContain(desk.id)
    expect((await otherAdmin.get(`/api/v1/cases/${mine.id}`)).statusCode).toBe(404)
    const incident = await tenant.post('/api/v1/cases', {
      propertyId: property,
      type: 'incident',
      title: '顾客报突发',
    })
    expect(incident.statusCode).toBe(403)
  })

  it('the case page is one prepared statement per kind of caller, each caller with their own scope', async () => {
    // Engineering and security staff share a statement (a department's scope); it must still
    // apply each one's department, however they take turns.
    const c = await act(
      agent,
      await open(agent, { type: 'complaint', title: '水管异响' }),
      'assign',
      {
        department: 'engineering',
      },
    )
    for (let round = 0; round < 3; round++) {
      expect((await engTech.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(200)
      expect((await secGuard.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404)
    }
    const other = await act(
      agent,
      await open(agent, { type: 'complaint', title: '车位被占' }),
      'assign',
      { department: 'security' },
    )
    expect((await secGuard.get(`/api/v1/cases/${other.id}`)).statusCode).toBe(200)
    expect((await engTech.get(`/api/v1/cases/${other.id}`)).statusCode).toBe(404)
  })

  it('attachments: a photo is stored and served; a file that is not what it says is refused', async () => {
    const c = await open(agent, { type: 'repair', title: '窗户破损' })
    const boundary = '----atrium'
    const body = (name: string, type: string, content: Buffer) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ])
    const upload = (name: string, type: string, content: Buffer) =>
      agent.request('POST', `/api/v1/cases/${c.id}/attachments`, body(name, type, content), {
        'content-type': `multipart/form-data; boundary=${boundary}`,
      })
    const ok = await upload('photo.png', 'image/png', pngBytes)
    expect(ok.statusCode, ok.body).toBe(201)
    const id = json<{ id: string }>(ok).id
    const file = await agent.get(`/api/v1/cases/${c.id}/attachments/${id}`)
    expect(file.statusCode).toBe(200)
    expect(file.headers['content-type']).toBe('image/png')
    expect(file.rawPayload.equals(pngBytes)).toBe(true)
    const fake = await upload('photo.jpg', 'image/jpeg', Buffer.from('not a jpeg at all'))
    expect(fake.statusCode).toBe(415)
    const exe = await upload('run.exe', 'application/x-msdownload', Buffer.from('MZ....'))
    expect(exe.statusCode).toBe(415)
    const detail = await get(agent, c.id)
    expect(detail.timeline.filter((e) => e.kind === 'attachment')).toHaveLength(1)
  })

  it('the timeline is append-only in the database', async () => {
    await expect(
      t.db
        .update(caseEvents)
        .set({ reason: 'changed' })
        .where(and(eq(caseEvents.kind, 'created'))),
    ).rejects.toThrow()
  })
})
