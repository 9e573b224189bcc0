import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { json, startTestApp, type Client, type TestApp } from '../support/app'
import { act as actOn, take } from '../support/case-actions'

// Move-in (§2.3), move-out (§2.4) and goods release (§2.7) end to end through HTTP. One story runs
// through the file, in order: a new company moves into a vacant office on 1 December, moves out
// again on 8 December with damage, keys short and money to settle, and its goods leave with a
// release slip at the gate. Portal requests and an apartment move-out run beside it.

type Brief = { id: string; number: string; type: string; state: string; title: string }
type Case = Brief & {
  version: number
  priority: string
  channel: string
  department: string | null
  customerId: string | null
  unitId: string | null
  data: Record<string, unknown>
  timeline: {
    kind: string
    action: string | null
    reason: string | null
    visibility: string
    data: Record<string, unknown>
  }[]
  deadlines: { name: string; status: string; dueAt: string }[]
  signOffs: { action: string; signerRole: string; signerName: string; signatureId: string | null }[]
  parent: Brief | null
  children: Brief[]
}
type Problem = { code: string; field?: string }
type Unit = {
  id: string
  number: string
  kind: string
  status: string
  occupants: { customerId: string; role: string }[]
}
type Customer = {
  id: string
  occupancies: { unitId: string; role: string; fromDate: string; toDate: string | null }[]
}
type Charge = { id: string; amount: number; open: number; caseId: string | null; itemCode: string }
type Deposit = {
  id: string
  balance: number
  deducted: number
  entries: { kind: string; amount: number; reason: string; caseId: string | null }[]
}
type Settlement = {
  open: number
  credit: number
  balance: number
  depositsHeld: number
  settled: boolean
}

let t: TestApp
let agent: Client
let supervisor: Client
let engTech: Client
let secGuard: Client
let fin: Client
let tenantOffice: Client
let tenantApartment: Client
let property: string

// The new company and its office, shared by the story.
const MOVE_IN_DATE = '2026-12-01'
const MOVE_OUT_DATE = '2026-12-08'
let company: string
let office: Unit
let moveIn: Case
let moveOut: Case
let passDeposit: string
let releaseSlip: Case
let portalRequest: string

/** A customer's signature drawn on the desk's tablet. */
const signature =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

/** Ten in the morning, Shanghai time, on a day. */
const morningOf = (date: string) => new Date(`${date}T10:00:00+08:00`)

/** Moves the clock; sessions expire over days, so everyone signs in again. */
async function moveClockTo(at: Date) {
  t.clock.set(at)
  await signInAll()
}
async function signInAll() {
  ;[agent, supervisor, engTech, secGuard, fin, tenantOffice, tenantApartment] = await Promise.all([
    t.signIn('cs.agent'),
    t.signIn('cs.supervisor'),
    t.signIn('eng.tech'),
    t.signIn('sec.guard'),
    t.signIn('fin.staff'),
    t.signIn('tenant.office'),
    t.signIn('tenant.apartment'),
  ])
}

async function open(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/v1/cases', { propertyId: property, ...body })
  expect(res.statusCode, res.body).toBe(201)
  return json<Case>(res)
}
const act = (
  client: Client,
  c: { id: string; version: number },
  action: string,
  input: Record<string, unknown> = {},
) => actOn<Case>(client, c, action, input)
/** The action is refused with this status and code; the case is unchanged. */
async function refused(
  client: Client,
  c: { id: string; version: number },
  action: string,
  input: Record<string, unknown>,
  status: number,
  code: string,
) {
  const res = await take(client, c, action, input)
  expect(res.statusCode, `${action}: ${res.body}`).toBe(status)
  expect(json<Problem>(res).code).toBe(code)
}
const get = async (client: Client, id: string) => {
  const res = await client.get(`/api/v1/cases/${id}`)
  expect(res.statusCode, res.body).toBe(200)
  return json<Case>(res)
}
const queue = async (client: Client, query: string) =>
  json<{ items: { id: string }[] }>(await client.get(`/api/v1/cases?${query}`)).items.map(
    (i) => i.id,
  )
async function money<T>(client: Client, url: string, body: unknown, status = 201) {
  const res = await client.request('POST', url, body, { 'idempotency-key': randomUUID() })
  expect(res.statusCode, `${url}: ${res.body}`).toBe(status)
  return json<T>(res)
}
const unitOf = async (id: string) => json<Unit>(await agent.get(`/api/v1/units/${id}`))
const customerOf = async (id: string) => json<Customer>(await agent.get(`/api/v1/customers/${id}`))
const settlementOf = async (customerId: string) =>
  json<Settlement>(await fin.get(`/api/v1/billing/customers/${customerId}/settlement`))
const chargesOf = async (customerId: string) =>
  json<{ items: Charge[] }>(await fin.get(`/api/v1/billing/charges?customerId=${customerId}`)).items
const depositOf = async (id: string) =>
  json<Deposit>(await fin.get(`/api/v1/billing/deposits/${id}`))
async function chargeItem(code: string) {
  const items = json<{ items: { id: string; code: string }[] }>(
    await fin.get('/api/v1/billing/charge-items'),
  ).items
  const item = items.find((i) => i.code === code)
  if (!item) throw new Error(`no charge item ${code}`)
  return item.id
}
/** The unit a portal customer occupies. */
async function unitOfCustomer(client: Client, username: string) {
  const id = await t.ids.customerOf(username)
  const customer = json<Customer>(await client.get(`/api/v1/customers/${id}`))
  const unitId = customer.occupancies[0]?.unitId
  if (!unitId) throw new Error(`${username} occupies no unit`)
  return unitId
}

beforeAll(async () => {
  t = await startTestApp()
  await signInAll()
  property = await t.ids.property('SL')
  const vacant = json<{ items: Unit[] }>(
    await agent.get(`/api/v1/units?propertyId=${property}&kind=office&status=vacant&limit=5`),
  ).items
  office = vacant[0]!
  expect(office).toMatchObject({ status: 'vacant', occupants: [] })
  const created = await agent.post('/api/v1/customers', {
    propertyId: property,
    kind: 'company',
    name: '启明星科技有限公司',
    phone: '02168881234',
    contacts: [{ name: '孙经理', phone: '13900001111', title: '行政经理', isPrimary: true }],
  })
  expect(created.statusCode, created.body).toBe(201)
  company = json<{ id: string }>(created).id
})
afterAll(async () => {
  await t?.close()
})

describe('move-in (H-MI-1…5): a new company into a vacant office', () => {
  it('H-IS-26 agent opens the move-in for a new customer and a vacant unit; documents are refused while one is missing', async () => {
    moveIn = await open(agent, {
      type: 'move_in',
      unitId: office.id,
      customerId: company,
      title: `${office.number} 启明星科技入驻`,
      data: { moveInDate: MOVE_IN_DATE, role: 'tenant' },
    })
    expect(moveIn.number).toMatch(/^RZ-20261129-\d{4}$/)
    expect(moveIn).toMatchObject({ state: 'registered', department: 'customer_service' })
    expect(moveIn.deadlines).toMatchObject([{ name: 'resolve', status: 'running' }])
    // A move-in names its customer and its unit.
    const noUnit = await agent.post('/api/v1/cases', {
      propertyId: property,
      type: 'move_in',
      customerId: company,
      title: '缺单元',
      data: { moveInDate: MOVE_IN_DATE, role: 'tenant' },
    })
    expect(noUnit.statusCode).toBe(400)
    expect(json<Problem>(noUnit).field).toBe('unitId')

    await refused(
      agent,
      moveIn,
      'receive_documents',
      { licence: true, ids: true, contacts: false },
      422,
      'move_in.documents_missing',
    )
    moveIn = await act(agent, moveIn, 'receive_documents', {
      licence: true,
      ids: true,
      contacts: true,
    })
    expect(moveIn.state).toBe('documents_received')
  })

  it('the customer signs the agreement and the house rules: a sign-off row names them', async () => {
    moveIn = await act(agent, moveIn, 'sign_agreement', { signerName: '孙经理', signature })
    expect(moveIn.state).toBe('agreement_signed')
    expect(moveIn.signOffs).toMatchObject([
      { action: 'sign_agreement', signerRole: 'customer', signerName: '孙经理' },
    ])
    expect(moveIn.signOffs[0]?.signatureId).toBeTruthy()
  })

  it('first fees and deposits: only finance confirms, never while a charge is open; the payment is recorded through billing', async () => {
    await refused(agent, moveIn, 'confirm_fees', {}, 403, 'move_in.finance_only')
    // Finance bills the first fees and takes the pass deposit.
    const fee = await money<Charge>(fin, '/api/v1/billing/charges', {
      customerId: company,
      unitId: office.id,
      chargeItemId: await chargeItem('management_fee'),
      amount: 1_250_000,
      description: '首期物业管理费',
      caseId: moveIn.id,
    })
    const deposit = await money<Deposit>(fin, '/api/v1/billing/deposits', {
      customerId: company,
      unitId: office.id,
      type: 'pass',
      amount: 100_000,
      method: 'bank_transfer',
      caseId: moveIn.id,
      note: '出入证押金',
    })
    passDeposit = deposit.id
    // The case is in finance's queue while the fees are open, and finance was told.
    expect(await queue(fin, 'type=move_in&status=open')).toContain(moveIn.id)
    const told = json<{ items: { caseId: string | null; template: string }[] }>(
      await fin.get('/api/v1/notifications'),
    ).items
    expect(told).toContainEqual(
      expect.objectContaining({ caseId: moveIn.id, template: 'case.created_in_queue' }),
    )
    moveIn = await get(fin, moveIn.id)
    await refused(fin, moveIn, 'confirm_fees', {}, 422, 'move_in.fees_open')
    await money(fin, '/api/v1/billing/payments', {
      customerId: company,
      amount: fee.amount,
      method: 'bank_transfer',
      reference: '首期款',
    })
    moveIn = await act(fin, moveIn, 'confirm_fees', { note: '首期费用与押金已收' })
    expect(moveIn.state).toBe('fees_paid')
    expect(moveIn.signOffs.find((s) => s.action === 'confirm_fees')).toMatchObject({
      signerRole: 'finance',
    })
    moveIn = await get(agent, moveIn.id)
  })

  it('H-MI-1 moving help is arranged and kept on the case: moving company, trolleys, the goods lift', async () => {
    moveIn = await act(agent, moveIn, 'arrange_moving_help', {
      movingCompany: '大众搬家',
      trolleys: 3,
      goodsLiftAt: `${MOVE_IN_DATE}T09:00:00+08:00`,
    })
    expect(moveIn.data['movingHelp']).toMatchObject({ movingCompany: '大众搬家', trolleys: 3 })
    expect(moveIn.timeline.at(-1)).toMatchObject({
      action: 'arrange_moving_help',
      visibility: 'customer',
    })
  })

  it('H-MI-5 further services the customer asks for are kept on the case', async () => {
    moveIn = await act(agent, moveIn, 'add_service', { service: '代办宽带开通' })
    moveIn = await act(agent, moveIn, 'add_service', { service: '加装门禁卡读卡器' })
    expect(moveIn.data['services']).toEqual(['代办宽带开通', '加装门禁卡读卡器'])
  })

  it('the unit is handed over: meters, condition, keys and cards counted and signed for', async () => {
    moveIn = await act(agent, moveIn, 'hand_over', {
      electricityReading: 10234.5,
      waterReading: 321,
      condition: '墙面地面完好，空调两台正常',
      keys: 4,
      cards: 6,
      signerName: '孙经理',
      signature,
    })
    expect(moveIn.state).toBe('handed_over')
    expect(moveIn.data['handover']).toMatchObject({ keys: 4, cards: 6 })
    expect(moveIn.signOffs.find((s) => s.action === 'hand_over')).toMatchObject({
      signerRole: 'customer',
      signerName: '孙经理',
    })
  })

  it('H-MI-2 the move-in cannot complete before the departments were notified', async () => {
    await refused(agent, moveIn, 'complete', {}, 422, 'move_in.departments_not_notified')
  })

  it('H-MI-2 H-MI-3 liaison slips go to engineering, security and cleaning, due before the move-in date, each in its queue', async () => {
    moveIn = await act(agent, moveIn, 'notify_departments', { note: '请各部门提前准备' })
    const slips = moveIn.children.filter((c) => c.type === 'liaison')
    expect(slips).toHaveLength(3)
    const dayStarts = morningOf(MOVE_IN_DATE).getTime() - 10 * 3600_000
    const byDepartment: Record<string, Case> = {}
    for (const brief of slips) {
      const slip = await get(agent, brief.id)
      expect(slip.parent?.id).toBe(moveIn.id)
      expect(
        Date.parse(slip.deadlines.find((d) => d.name === 'resolve')!.dueAt),
      ).toBeLessThanOrEqual(dayStarts)
      byDepartment[slip.department ?? ''] = slip
    }
    expect(Object.keys(byDepartment).sort()).toEqual(['cleaning', 'engineering', 'security'])
    // H-MI-3: the preparation and patrol tasks are on the slips.
    expect(byDepartment['engineering']!.title).toContain('保护公共设施')
    expect(byDepartment['security']!.title).toContain('巡查')
    // Each slip is in its own department's queue; security signs for its own and reports back.
    expect(await queue(engTech, 'department=engineering&status=open')).toContain(
      byDepartment['engineering']!.id,
    )
    const securitySlips = await queue(secGuard, 'department=security&status=open')
    expect(securitySlips).toContain(byDepartment['security']!.id)
    expect(securitySlips).not.toContain(byDepartment['cleaning']!.id)
    let slip = await act(secGuard, byDepartment['security']!, 'receive')
    slip = await act(secGuard, slip, 'complete', {
      feedback: '搬家当日加派两名保安巡查，货梯已预留',
    })
    expect(slip.state).toBe('done')
    // Told once: a second round is refused.
    await refused(agent, moveIn, 'notify_departments', {}, 422, 'move_in.departments_notified')
  })

  it('H-MI-4 the customer is welcomed, once', async () => {
    moveIn = await act(agent, moveIn, 'welcome', { note: '送鲜花一束，介绍大厦服务' })
    expect(moveIn.data['welcomed']).toBe('送鲜花一束，介绍大厦服务')
    await refused(agent, moveIn, 'welcome', {}, 422, 'move_in.already_welcomed')
  })

  it('H-MI-2 H-IS-26 on the move-in day without notice, the slips go out only as an exception: urgent, with a written reason', async () => {
    const today = '2026-11-29'
    const [unit] = json<{ items: Unit[] }>(
      await agent.get(`/api/v1/units?propertyId=${property}&kind=office&status=vacant&limit=5`),
    ).items.filter((u) => u.id !== office.id)
    const customer = json<{ id: string }>(
      await agent.post('/api/v1/customers', {
        propertyId: property,
        kind: 'company',
        name: '临时入驻贸易公司',
      }),
    )
    let late = await open(agent, {
      type: 'move_in',
      unitId: unit!.id,
      customerId: customer.id,
      title: '当日入驻',
      data: { moveInDate: today, role: 'owner' },
    })
    await refused(agent, late, 'notify_departments', {}, 422, 'move_in.notice_late')
    await refused(
      agent,
      late,
      'notify_departments_late',
      { reason: '客户临时决定当日入驻' },
      403,
      'forbidden',
    )
    await refused(supervisor, late, 'notify_departments_late', {}, 400, 'request.invalid')
    late = await act(supervisor, late, 'notify_departments_late', {
      reason: '客户临时决定当日入驻，未能提前通知',
    })
    expect(late.data['departmentsNotified']).toBe(true)
    expect(late.timeline.find((e) => e.action === 'notify_departments_late')).toMatchObject({
      reason: '客户临时决定当日入驻，未能提前通知',
      data: { exception: true },
    })
    const slips = await Promise.all(late.children.map((c) => get(agent, c.id)))
    expect(slips.map((c) => [c.department, c.priority])).toEqual(
      expect.arrayContaining([
        ['engineering', 'urgent'],
        ['security', 'urgent'],
        ['cleaning', 'urgent'],
      ]),
    )
    await refused(
      supervisor,
      late,
      'notify_departments_late',
      { reason: '再通知一次' },
      422,
      'move_in.departments_notified',
    )
  })

  it('completing the move-in opens the occupancy on the move-in date and the unit shows occupied', async () => {
    // Not before the day: the unit is occupied from the move-in date.
    await refused(agent, moveIn, 'complete', {}, 422, 'move_in.before_move_in_date')
    expect((await unitOf(office.id)).status).toBe('vacant')
    await moveClockTo(morningOf(MOVE_IN_DATE))
    moveIn = await act(agent, await get(agent, moveIn.id), 'complete', { note: '客户已入驻' })
    expect(moveIn.state).toBe('completed')
    expect(moveIn.deadlines.find((d) => d.name === 'resolve')).toMatchObject({ status: 'met' })
    const unit = await unitOf(office.id)
    expect(unit.status).toBe('occupied')
    expect(unit.occupants).toEqual([
      expect.objectContaining({ customerId: company, role: 'tenant' }),
    ])
    expect((await customerOf(company)).occupancies).toEqual([
      expect.objectContaining({
        unitId: office.id,
        role: 'tenant',
        fromDate: MOVE_IN_DATE,
        toDate: null,
      }),
    ])
  })
})

describe('move-out (H-MO-1…7)', () => {
  it('H-MO-1 a customer requests the move-out in the portal; the desk sees it in its queue', async () => {
    const unitId = await unitOfCustomer(tenantOffice, 'tenant.office')
    const request = await open(tenantOffice, {
      type: 'move_out',
      unitId,
      title: '申请迁出',
      data: { moveOutDate: '2026-12-20', reason: '公司搬迁' },
    })
    expect(request.number).toMatch(/^QC-/)
    expect(request).toMatchObject({
      state: 'requested',
      channel: 'portal',
      customerId: await t.ids.customerOf('tenant.office'),
    })
    expect(request.deadlines).toMatchObject([{ name: 'respond', status: 'running' }])
    portalRequest = request.id
    expect(await queue(agent, 'type=move_out&status=open')).toContain(request.id)
    // A customer opens a move-out, not a move-in.
    const moveInByCustomer = await tenantOffice.post('/api/v1/cases', {
      propertyId: property,
      type: 'move_in',
      unitId,
      title: '自行入驻',
      data: { moveInDate: '2026-12-20', role: 'tenant' },
    })
    expect(moveInByCustomer.statusCode).toBe(403)
    // …and only for a unit of their own: another customer's unit is not found.
    const notTheirs = await tenantOffice.post('/api/v1/cases', {
      propertyId: property,
      type: 'move_out',
      unitId: office.id,
      title: '别人的单元',
      data: { moveOutDate: '2026-12-20' },
    })
    expect(notTheirs.statusCode).toBe(404)
  })

  it('H-MO-2 H-MO-4 H-MO-5 H-MO-3 the date is confirmed before the slips go out; an office is inspected by engineering only; an open balance blocks settlement', async () => {
    let c = await get(agent, portalRequest)
    // H-MO-2: no slips before the date is confirmed, and the date is not in the past.
    await refused(agent, c, 'notify_departments', {}, 422, 'cases.wrong_state')
    await refused(
      agent,
      c,
      'confirm_date',
      { moveOutDate: '2026-11-30' },
      422,
      'move_out.date_past',
    )
    c = await act(agent, c, 'confirm_date', { moveOutDate: '2026-12-18', note: '与客户电话确认' })
    expect(c).toMatchObject({ state: 'confirmed', data: { moveOutDate: '2026-12-18' } })
    expect(c.deadlines.find((d) => d.name === 'respond')).toMatchObject({ status: 'met' })
    // The customer follows the progress in the portal.
    const seen = await get(tenantOffice, c.id)
    expect(seen.state).toBe('confirmed')
    expect(seen.timeline.map((e) => e.action)).toContain('confirm_date')
    // H-MO-4: a liaison slip to each department, due on the day.
    c = await act(agent, c, 'notify_departments')
    const slips = await Promise.all(c.children.map((s) => get(agent, s.id)))
    expect(slips.map((s) => s.department).sort()).toEqual([
      'cleaning',
      'engineering',
      'finance',
      'security',
    ])
    for (const slip of slips)
      expect(slip.deadlines.find((d) => d.name === 'resolve')?.dueAt).toBe(
        new Date('2026-12-18T18:00:00+08:00').toISOString(),
      )
    // H-MO-5: an office cannot skip its inspection, and only engineering inspects it.
    await refused(agent, c, 'skip_inspection', {}, 422, 'move_out.inspection_required')
    await refused(agent, c, 'inspect', { damages: [] }, 403, 'move_out.engineering_only')
    expect(await queue(engTech, 'type=move_out&status=open')).toContain(c.id)
    c = await act(engTech, await get(engTech, c.id), 'inspect', {
      damages: [],
      note: '单元完好',
    })
    expect(c.signOffs).toMatchObject([{ action: 'inspect', signerRole: 'department_staff' }])
    // No move-in handover on record for this tenant: the keys are counted as they come.
    c = await act(agent, await get(agent, c.id), 'return_keys', { keys: 2, cards: 3 })
    // H-MO-3: the outstanding balance is computed and shown; settlement waits for it.
    const customerId = await t.ids.customerOf('tenant.office')
    const account = await settlementOf(customerId)
    expect(account.settled).toBe(false)
    expect(account.open + account.credit + account.depositsHeld).toBeGreaterThan(0)
    await refused(fin, await get(fin, c.id), 'settle', {}, 422, 'move_out.balance_open')
  })

  it('H-MO-5 an apartment move-out may skip the inspection', async () => {
    const unitId = await unitOfCustomer(tenantApartment, 'tenant.apartment')
    let c = await open(tenantApartment, {
      type: 'move_out',
      unitId,
      title: '公寓退租迁出',
      data: { moveOutDate: '2026-12-15' },
    })
    c = await act(agent, await get(agent, c.id), 'confirm_date', { moveOutDate: '2026-12-15' })
    c = await act(agent, c, 'notify_departments')
    c = await act(agent, c, 'skip_inspection', { note: '公寓无需验收' })
    expect(c).toMatchObject({ state: 'inspected', data: { inspected: false } })
  })

  it('H-MO-1 H-MO-2 H-MO-4 H-MO-7 the desk opens the new company’s move-out, confirms the date, tells the departments and books the moving help', async () => {
    moveOut = await open(agent, {
      type: 'move_out',
      unitId: office.id,
      customerId: company,
      channel: 'phone',
      title: `${office.number} 启明星科技迁出`,
      data: { moveOutDate: MOVE_OUT_DATE },
    })
    moveOut = await act(agent, moveOut, 'confirm_date', { moveOutDate: MOVE_OUT_DATE })
    moveOut = await act(agent, moveOut, 'notify_departments')
    expect(moveOut.children.filter((c) => c.type === 'liaison')).toHaveLength(4)
    // The office waits in engineering's queue for its inspection.
    expect(moveOut.department).toBe('engineering')
    // H-MO-7: help the customer move out.
    moveOut = await act(agent, moveOut, 'arrange_moving_help', {
      movingCompany: '大众搬家',
      trolleys: 4,
      goodsLiftAt: `${MOVE_OUT_DATE}T08:00:00+08:00`,
    })
    expect(moveOut.data['movingHelp']).toMatchObject({ trolleys: 4 })
  })

  it('H-MO-5 engineering lists the damage: one line charged once, one deducted from the deposit, one the customer repairs', async () => {
    const damages = [
      { item: '玻璃隔断', location: '会议室', cost: 80_000, resolution: 'charge' },
      {
        item: '地毯',
        location: '前台',
        cost: 30_000,
        resolution: 'deposit',
        depositId: passDeposit,
      },
      { item: '门锁', location: '经理室', cost: 20_000, resolution: 'customer_repairs' },
    ]
    const before = await get(engTech, moveOut.id)
    // A deduction must name its deposit.
    await refused(
      engTech,
      before,
      'inspect',
      { damages: [{ ...damages[1], depositId: undefined }] },
      422,
      'move_out.deposit_not_named',
    )
    // The same request sent twice (a retry): one inspection, one charge.
    const [first, second] = await Promise.all([
      take(engTech, before, 'inspect', { damages }),
      take(engTech, before, 'inspect', { damages }),
    ])
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409])
    moveOut = json<Case>(first.statusCode === 200 ? first : second)
    expect(moveOut).toMatchObject({ state: 'inspected', data: { inspected: true } })
    expect((moveOut.data['damages'] as unknown[]).length).toBe(3)
    const retried = await take(engTech, before, 'inspect', { damages })
    expect(retried.statusCode).toBe(409)

    const compensation = (await chargesOf(company)).filter((c) => c.itemCode === 'compensation')
    expect(compensation).toHaveLength(1)
    expect(compensation[0]).toMatchObject({ amount: 80_000, open: 80_000, caseId: moveOut.id })
    const deposit = await depositOf(passDeposit)
    expect(deposit).toMatchObject({ balance: 70_000, deducted: 30_000 })
    const deduction = deposit.entries.find((e) => e.kind === 'deducted')!
    expect(deduction).toMatchObject({ amount: 30_000, caseId: moveOut.id })
    expect(deduction.reason).toContain('地毯')
    // The line the customer repairs costs nothing.
    expect(deduction.reason).not.toContain('门锁')
    expect((await chargesOf(company)).some((c) => c.amount === 20_000)).toBe(false)
  })

  it('H-IS-26 fewer keys than the move-in handover issued: refused, and taken only as an exception with a written reason', async () => {
    moveOut = await get(agent, moveOut.id)
    await refused(
      agent,
      moveOut,
      'return_keys',
      { keys: 3, cards: 6 },
      422,
      'move_out.keys_missing',
    )
    await refused(
      agent,
      moveOut,
      'return_keys',
      { keys: 4, cards: 5 },
      422,
      'move_out.keys_missing',
    )
    await refused(
      agent,
      moveOut,
      'return_keys_short',
      { keys: 3, cards: 6, reason: '客户遗失钥匙一把' },
      403,
      'forbidden',
    )
    await refused(
      supervisor,
      moveOut,
      'return_keys_short',
      { keys: 3, cards: 6 },
      400,
      'request.invalid',
    )
    moveOut = await act(supervisor, moveOut, 'return_keys_short', {
      keys: 3,
      cards: 6,
      reason: '客户遗失钥匙一把，已更换锁芯',
    })
    expect(moveOut).toMatchObject({ state: 'keys_returned', department: 'finance' })
    expect(moveOut.timeline.at(-1)).toMatchObject({
      action: 'return_keys_short',
      reason: '客户遗失钥匙一把，已更换锁芯',
      data: { exception: true, keys: 3, cards: 6 },
    })
  })

  it('H-MO-3 H-MO-6 settlement is refused while a balance, a credit or a deposit is open; paid and refunded through billing, it settles', async () => {
    await refused(agent, await get(agent, moveOut.id), 'settle', {}, 403, 'move_out.finance_only')
    moveOut = await get(fin, moveOut.id)
    expect(await settlementOf(company)).toMatchObject({
      open: 80_000,
      credit: 0,
      depositsHeld: 70_000,
      settled: false,
    })
    await refused(fin, moveOut, 'settle', {}, 422, 'move_out.balance_open')
    // Paid, and 100 fen too much: a credit is still open.
    await money(fin, '/api/v1/billing/payments', {
      customerId: company,
      amount: 80_100,
      method: 'wechat_pay',
    })
    expect(await settlementOf(company)).toMatchObject({ open: 0, credit: 100 })
    await refused(fin, moveOut, 'settle', {}, 422, 'move_out.balance_open')
    await money(fin, `/api/v1/billing/customers/${company}/refund-credit`, { method: 'cash' })
    expect(await settlementOf(company)).toMatchObject({ credit: 0, depositsHeld: 70_000 })
    await refused(fin, moveOut, 'settle', {}, 422, 'move_out.balance_open')
    await money(
      fin,
      `/api/v1/billing/deposits/${passDeposit}/refund`,
      { method: 'bank_transfer', reason: '迁出退还押金余额' },
      200,
    )
    expect(await settlementOf(company)).toMatchObject({ settled: true })
    moveOut = await act(fin, moveOut, 'settle', { note: '费用结清' })
    expect(moveOut.state).toBe('settled')
    expect(moveOut.signOffs.find((s) => s.action === 'settle')).toMatchObject({
      signerRole: 'finance',
    })
  })

  it('H-MO-7 the desk issues the goods release slip: a release case under the move-out, in security’s queue', async () => {
    moveOut = await get(agent, moveOut.id)
    moveOut = await act(agent, moveOut, 'issue_release', {
      carrierName: '王师傅',
      vehicle: '沪A12345',
      items: [
        { name: '办公桌', quantity: 12 },
        { name: '文件柜', quantity: 4 },
      ],
    })
    const brief = moveOut.children.find((c) => c.type === 'release')!
    expect(brief.number).toMatch(/^FX-/)
    releaseSlip = await get(secGuard, brief.id)
    expect(releaseSlip).toMatchObject({
      state: 'issued',
      department: 'security',
      customerId: company,
      unitId: office.id,
      data: { validOn: MOVE_OUT_DATE, carrierName: '王师傅' },
    })
    expect(await queue(secGuard, 'type=release&department=security&status=open')).toContain(
      releaseSlip.id,
    )
    await refused(
      agent,
      moveOut,
      'issue_release',
      {
        carrierName: '王师傅',
        items: [{ name: '办公桌', quantity: 1 }],
      },
      422,
      'move_out.release_issued',
    )
  })

  it('H-MO-7 moved out: the occupancy ends on the move-out date and the unit is vacant', async () => {
    // Not before the day.
    await refused(agent, moveOut, 'complete', {}, 422, 'move_out.before_move_out_date')
    await moveClockTo(morningOf(MOVE_OUT_DATE))
    moveOut = await act(agent, await get(agent, moveOut.id), 'complete', { note: '客户已迁出' })
    expect(moveOut.state).toBe('moved_out')
    expect((await customerOf(company)).occupancies).toEqual([
      expect.objectContaining({ unitId: office.id, fromDate: MOVE_IN_DATE, toDate: MOVE_OUT_DATE }),
    ])
    expect((await unitOf(office.id)).status).toBe('vacant')
  })
})

describe('goods release (§2.7, H-MO-7)', () => {
  it('H-MO-7 another department cannot check the goods out (release.security_only)', async () => {
    releaseSlip = await get(agent, releaseSlip.id)
    await refused(agent, releaseSlip, 'check_out', {}, 403, 'release.security_only')
  })

  it('H-MO-7 a tenant’s slip is refused at the gate until the desk records the owner’s consent', async () => {
    releaseSlip = await get(secGuard, releaseSlip.id)
    await refused(secGuard, releaseSlip, 'check_out', {}, 422, 'release.owner_consent_missing')
    releaseSlip = await act(agent, await get(agent, releaseSlip.id), 'record_owner_consent', {
      ownerName: '周业主',
      method: 'phone',
    })
    expect(releaseSlip.data['ownerConsent']).toMatchObject({ ownerName: '周业主' })
  })

  it('H-MO-7 security checks the goods out on the slip’s day; the same slip cannot be used again', async () => {
    releaseSlip = await act(secGuard, await get(secGuard, releaseSlip.id), 'check_out', {
      note: '物品与放行条相符',
    })
    expect(releaseSlip.state).toBe('released')
    expect(releaseSlip.signOffs).toMatchObject([
      { action: 'check_out', signerRole: 'department_staff' },
    ])
    await refused(secGuard, releaseSlip, 'check_out', {}, 422, 'cases.wrong_state')
  })

  it('H-MO-7 a slip is valid on its day only: refused the day before and, expired, the day after', async () => {
    const ownerUnit = await unitOfCustomer(tenantApartment, 'tenant.apartment')
    let slip = await open(agent, {
      type: 'release',
      unitId: ownerUnit,
      customerId: await t.ids.customerOf('tenant.apartment'),
      title: '公寓家具放行',
      data: {
        carrierName: '李师傅',
        items: [{ name: '沙发', quantity: 1 }],
        validOn: '2026-12-09',
      },
    })
    expect(slip.department).toBe('security')
    slip = await act(agent, slip, 'record_owner_consent', {
      ownerName: '业主本人',
      method: 'written',
    })
    await refused(secGuard, slip, 'check_out', {}, 422, 'release.not_yet_valid')
    await moveClockTo(morningOf('2026-12-10'))
    slip = await get(secGuard, slip.id)
    await refused(secGuard, slip, 'check_out', {}, 422, 'release.expired')
    // Stopped at the gate with a reason instead.
    slip = await act(secGuard, slip, 'refuse', { reason: '放行条已过期，请重新开具' })
    expect(slip.state).toBe('refused')
  })
})
