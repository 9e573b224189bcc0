import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sweepDeadlines } from '../../src/modules/cases'
import { json, startTestApp, type Client, type TestApp } from '../support/app'
import { act as actOn, take } from '../support/case-actions'
import { OTHER_ORG } from '../support/other-org'

// Fit-out (二次装修, §2.5) end to end through HTTP. One story runs through the file, in order: the
// demo office tenant fits out its office from the application on Sunday 29 November 2026 to the
// refund of its deposit three months after the clean re-inspection, with every handbook step
// H-FO-1…15, the refusals of each role, the workers' passes at the gate, a stop-work order, a
// failed acceptance, a deduction from the deposit and the scheduled refund.

type Brief = { id: string; number: string; type: string; state: string; title: string }
type Case = Brief & {
  version: number
  channel: string
  department: string | null
  customerId: string | null
  unitId: string | null
  overdue: boolean
  escalationLevel: number
  data: Record<string, unknown>
  timeline: {
    kind: string
    action: string | null
    actorName: string
    fromState: string | null
    toState: string | null
    visibility: string
    data: Record<string, unknown>
  }[]
  deadlines: { name: string; status: string; dueAt: string; overdueAt: string | null }[]
  signOffs: { action: string; signerRole: string; signerName: string; signatureId: string | null }[]
  children: Brief[]
}
type Problem = { code: string; field?: string; permission?: string }
type Pass = {
  id: string
  number: string
  workerName: string
  idNumber: string
  phone: string
  validFrom: string
  validTo: string
  status: string
  statusReason: string | null
  validToday: boolean
}
type GatePass = Pass & {
  caseNumber: string
  unitNumber: string | null
  propertyName: string
  customerName: string | null
  contractor: string | null
  dailyHours: string | null
}
type Deposit = {
  id: string
  version: number
  type: string
  caseId: string | null
  received: number
  deducted: number
  refunded: number
  balance: number
  refundDueOn: string | null
  entries: { kind: string; amount: number; reason: string; caseId: string | null }[]
}
type Card = {
  id: string
  state: string
  daysInStage: number
  rounds: number
  openRectifications: number
  livePasses: number
  refundDueOn: string | null
  contractor: string | null
  unitNumber: string | null
}
type Worker = { name: string; idNumber: string; role: string; phone: string }

let t: TestApp
let agent: Client
let supervisor: Client
let manager: Client
let admin: Client
let engHead: Client
let engTech: Client
let secHead: Client
let secGuard: Client
let fin: Client
let cleanHead: Client
let tenantOffice: Client
let tenantApartment: Client
let property: string
let customer: string
let office: string

const DEPOSIT = 2_000_000 // ¥20,000
const DEBRIS_FEE = 80_000 // ¥800
const CONTRACTOR = '上海匠心建筑装饰有限公司'
const form = {
  contractor: {
    name: CONTRACTOR,
    licenceNumber: '913100001234567890',
    siteLead: '何工',
    siteLeadPhone: '13611112222',
  },
  scope: ['partitions', 'ceilings', 'electrical'],
  scopeDetails: '会议室新增玻璃隔断，吊顶更换，增加插座回路',
  startDate: '2026-12-01',
  endDate: '2026-12-31',
  workerCount: 4,
}
const workers: Worker[] = [
  { name: '王建国', idNumber: '110101199003071234', role: '项目经理', phone: '13812345678' },
  { name: '李电工', idNumber: '31011519850612345x', role: '电工', phone: '13923456789' },
  { name: '张木工', idNumber: '320102198807154321', role: '木工', phone: '13734567890' },
  { name: '赵油漆', idNumber: '440103199201018765', role: '油漆工', phone: '13645678901' },
]
const schedule = { startDate: '2026-12-01', endDate: '2026-12-31', dailyHours: '08:30-17:30' }

// The story's fit-out, its files, passes and deposit.
let fitOut: Case
let drawingA: string
let drawingB: string
let damagePhoto: string
let passes: Pass[]
let depositId: string
/** Deposits naming the fit-out by mistake: a pass-card deposit, another customer's deposit. */
let mistakes: string[] = []

/** A customer's signature drawn on the desk's tablet. */
const signature =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
const png = Buffer.from(signature.slice(signature.indexOf(',') + 1), 'base64')
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n')

/** Ten in the morning, Shanghai time, on a day. */
const morningOf = (date: string) => new Date(`${date}T10:00:00+08:00`)

/** Moves the clock; sessions expire over days, so everyone signs in again. */
async function moveClockTo(at: Date) {
  t.clock.set(at)
  await signInAll()
}
async function signInAll() {
  const as = (username: string) => t.signIn(username)
  ;[agent, supervisor, manager, admin, engHead, engTech] = await Promise.all([
    as('cs.agent'),
    as('cs.supervisor'),
    as('manager'),
    as('admin'),
    as('eng.head'),
    as('eng.tech'),
  ])
  ;[secHead, secGuard, fin, cleanHead, tenantOffice, tenantApartment] = await Promise.all([
    as('sec.head'),
    as('sec.guard'),
    as('fin.staff'),
    as('clean.head'),
    as('tenant.office'),
    as('tenant.apartment'),
  ])
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
  const problem = json<Problem>(res)
  expect(problem.code).toBe(code)
  expect((await get(admin, c.id)).version, `${action} changed the case`).toBe(c.version)
  return problem
}
const get = async (client: Client, id: string) => {
  const res = await client.get(`/api/v1/cases/${id}`)
  expect(res.statusCode, res.body).toBe(200)
  return json<Case>(res)
}
/** Reloads the story's fit-out as a caller (the version moves with every step). */
const reload = async (client: Client) => (fitOut = await get(client, fitOut.id))
const queue = async (client: Client, query: string) =>
  json<{ items: { id: string }[] }>(await client.get(`/api/v1/cases?${query}`)).items.map(
    (i) => i.id,
  )
const financeQueue = () => queue(fin, 'department=finance&status=open&type=fit_out&limit=200')
async function money<T>(client: Client, url: string, body: unknown, status = 201) {
  const res = await client.request('POST', url, body, { 'idempotency-key': randomUUID() })
  expect(res.statusCode, `${url}: ${res.body}`).toBe(status)
  return json<T>(res)
}
const depositOf = async (id: string) =>
  json<Deposit>(await fin.get(`/api/v1/billing/deposits/${id}`))
const refundsDue = async () =>
  json<{ items: { id: string }[] }>(
    await fin.get(`/api/v1/billing/deposits?propertyId=${property}&view=refunds_due&limit=500`),
  ).items.map((d) => d.id)
async function chargeItem(code: string) {
  const items = json<{ items: { id: string; code: string }[] }>(
    await fin.get('/api/v1/billing/charge-items'),
  ).items
  const item = items.find((i) => i.code === code)
  if (!item) throw new Error(`no charge item ${code}`)
  return item.id
}
/** The templates of a user's notifications about a case, newest first. */
async function toldAbout(client: Client, caseId: string) {
  const res = await client.get('/api/v1/notifications?limit=100')
  expect(res.statusCode, res.body).toBe(200)
  return json<{ items: { caseId: string | null; template: string; urgent: boolean }[] }>(res)
    .items.filter((n) => n.caseId === caseId)
    .map((n) => n.template)
}
async function passesOf(client: Client, caseId = fitOut.id) {
  const res = await client.get(`/api/v1/cases/${caseId}/passes`)
  expect(res.statusCode, res.body).toBe(200)
  return json<{ items: Pass[] }>(res).items
}
const gate = (client: Client, passId: string) => client.get(`/api/v1/fit-outs/passes/${passId}`)
async function board(client: Client) {
  const res = await client.get(`/api/v1/fit-outs/board?propertyId=${property}`)
  expect(res.statusCode, res.body).toBe(200)
  return json<{ items: Card[] }>(res).items
}
/** A file uploaded to a case, as the desk attaches drawings and photos. */
async function upload(client: Client, caseId: string, name: string, type: string, file: Buffer) {
  const boundary = '----atrium-fit-out'
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="visibleToCustomer"\r\n\r\ntrue\r\n`,
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  const res = await client.request('POST', `/api/v1/cases/${caseId}/attachments`, body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  })
  expect(res.statusCode, res.body).toBe(201)
  return json<{ id: string }>(res).id
}
/** The unit a portal customer occupies. */
async function unitOfCustomer(client: Client, username: string) {
  const id = await t.ids.customerOf(username)
  const res = await client.get(`/api/v1/customers/${id}`)
  const unitId = json<{ occupancies: { unitId: string }[] }>(res).occupancies[0]?.unitId
  if (!unitId) throw new Error(`${username} occupies no unit`)
  return unitId
}
const apply = (client: Client, body: Record<string, unknown>) =>
  client.post('/api/v1/cases', {
    propertyId: property,
    type: 'fit_out',
    title: '办公室二次装修',
    ...body,
  })

beforeAll(async () => {
  t = await startTestApp()
  await signInAll()
  property = await t.ids.property('SL')
  customer = await t.ids.customerOf('tenant.office')
  office = await unitOfCustomer(tenantOffice, 'tenant.office')
  const unit = json<{ kind: string }>(await agent.get(`/api/v1/units/${office}`))
  expect(unit.kind).toBe('office')
})
afterAll(async () => {
  await t?.close()
})

describe('the application (H-FO-1, H-FO-2)', () => {
  it('H-FO-1 the application form: every required field, dates in order and not in the past', async () => {
    const base = { unitId: office, customerId: customer, channel: 'walk_in' }
    // Each required field of the form is named when it is missing or wrong.
    const { contractor: _c, ...noContractor } = form
    const missing = await apply(agent, { ...base, data: noContractor })
    expect(missing.statusCode).toBe(400)
    expect(json<Problem>(missing).field).toBe('data.contractor')
    const { siteLeadPhone: _p, ...noPhone } = form.contractor
    const noLeadPhone = await apply(agent, { ...base, data: { ...form, contractor: noPhone } })
    expect(json<Problem>(noLeadPhone).field).toBe('data.contractor.siteLeadPhone')
    const noScope = await apply(agent, { ...base, data: { ...form, scope: [] } })
    expect([noScope.statusCode, json<Problem>(noScope).field]).toEqual([400, 'data.scope'])
    const noWorkers = await apply(agent, { ...base, data: { ...form, workerCount: 0 } })
    expect([noWorkers.statusCode, json<Problem>(noWorkers).field]).toEqual([
      400,
      'data.workerCount',
    ])
    const badDate = await apply(agent, { ...base, data: { ...form, startDate: '2026-02-30' } })
    expect([badDate.statusCode, json<Problem>(badDate).field]).toEqual([400, 'data.startDate'])
    // A fit-out names its unit and its customer.
    const noUnit = await apply(agent, { customerId: customer, data: form })
    expect([noUnit.statusCode, json<Problem>(noUnit).field]).toEqual([400, 'unitId'])
    const noCustomer = await apply(agent, { unitId: office, data: form })
    expect([noCustomer.statusCode, json<Problem>(noCustomer).field]).toEqual([400, 'customerId'])
    // The works end after they start, and do not start in the past.
    const reversed = await apply(agent, {
      ...base,
      data: { ...form, startDate: '2026-12-10', endDate: '2026-12-09' },
    })
    expect([reversed.statusCode, json<Problem>(reversed).code]).toEqual([
      422,
      'fit_out.dates_order',
    ])
    const past = await apply(agent, { ...base, data: { ...form, startDate: '2026-11-28' } })
    expect([past.statusCode, json<Problem>(past).code]).toEqual([422, 'fit_out.start_past'])

    const res = await apply(agent, { ...base, title: '写字间二次装修', data: form })
    expect(res.statusCode, res.body).toBe(201)
    fitOut = json<Case>(res)
    expect(fitOut.number).toMatch(/^ZS-20261129-\d{4}$/)
    expect(fitOut).toMatchObject({
      type: 'fit_out',
      state: 'applied',
      department: 'customer_service',
      unitId: office,
      customerId: customer,
      data: form,
    })
    expect(fitOut.deadlines).toMatchObject([{ name: 'respond', status: 'running' }])
    expect(await queue(agent, 'department=customer_service&status=open&type=fit_out')).toContain(
      fitOut.id,
    )
  })

  it('H-FO-1 a fit-out is for an office: an apartment is refused (cases.unit_kind)', async () => {
    const flat = await unitOfCustomer(tenantApartment, 'tenant.apartment')
    const res = await apply(agent, {
      unitId: flat,
      customerId: await t.ids.customerOf('tenant.apartment'),
      data: form,
    })
    expect(res.statusCode, res.body).toBe(422)
    expect(json<Problem>(res)).toMatchObject({ code: 'cases.unit_kind', field: 'unitId' })
    // Nor from the portal.
    const portal = await apply(tenantApartment, { unitId: flat, data: form })
    expect(json<Problem>(portal).code).toBe('cases.unit_kind')
  })

  it('H-FO-1 the customer may apply in the portal; the desk cancels it only before money is taken', async () => {
    const res = await apply(tenantOffice, { unitId: office, data: form, title: '网上装修申请' })
    expect(res.statusCode, res.body).toBe(201)
    let own = json<Case>(res)
    expect(own).toMatchObject({ channel: 'portal', customerId: customer, state: 'applied' })
    expect(await queue(agent, 'type=fit_out&status=open&limit=200')).toContain(own.id)
    // The customer cannot cancel it themselves; the desk cancels with a written reason.
    await refused(tenantOffice, own, 'cancel', { reason: '重复申请' }, 403, 'forbidden')
    own = await act(agent, await get(agent, own.id), 'cancel', { reason: '与前台登记的申请重复' })
    expect(own.state).toBe('cancelled')
  })

  it('H-FO-2 staff capturing the agreement need the customer’s name and drawn signature', async () => {
    await refused(agent, fitOut, 'sign_agreement', {}, 400, 'request.invalid')
    const noName = await refused(
      agent,
      fitOut,
      'sign_agreement',
      { rulesAccepted: true, signature },
      400,
      'request.invalid',
    )
    expect(noName.field).toBe('signerName')
    const noDrawing = await refused(
      agent,
      fitOut,
      'sign_agreement',
      { rulesAccepted: true, signerName: '刘经理' },
      400,
      'request.invalid',
    )
    expect(noDrawing.field).toBe('signature')
    // Fees come after the agreement.
    await refused(fin, fitOut, 'confirm_fees', {}, 422, 'cases.wrong_state')
    await refused(
      agent,
      fitOut,
      'submit_drawings',
      { attachmentIds: [randomUUID()] },
      422,
      'cases.wrong_state',
    )
  })

  it('H-FO-2 the customer signs the agreement and the fit-out rules; the case goes to finance', async () => {
    fitOut = await act(agent, fitOut, 'sign_agreement', {
      rulesAccepted: true,
      signerName: '刘经理',
      signature,
    })
    expect(fitOut).toMatchObject({ state: 'agreement_signed', department: 'finance' })
    expect(fitOut.signOffs).toMatchObject([
      { action: 'sign_agreement', signerRole: 'customer', signerName: '刘经理' },
    ])
    expect(fitOut.signOffs[0]?.signatureId).toBeTruthy()
    expect(fitOut.deadlines.find((d) => d.name === 'respond')?.status).toBe('met')
    expect(await financeQueue()).toContain(fitOut.id)
    expect(await toldAbout(fin, fitOut.id)).toContain('fit_out.fees_due')
    // The customer follows it in the portal.
    const seen = await get(tenantOffice, fitOut.id)
    expect(seen.timeline.map((e) => e.action)).toContain('sign_agreement')
  })
})

describe('the fees at finance (H-FO-3)', () => {
  it('H-FO-3 only finance confirms the fees (the manager may act for it); the desk and engineering are refused', async () => {
    await refused(agent, fitOut, 'confirm_fees', {}, 403, 'fit_out.finance_only')
    await refused(engHead, fitOut, 'confirm_fees', {}, 403, 'fit_out.finance_only')
    await refused(secGuard, fitOut, 'confirm_fees', {}, 403, 'fit_out.finance_only')
    // onlyDepartment lets the manager and the admin act for finance: they reach the ledger check.
    await refused(manager, fitOut, 'confirm_fees', {}, 422, 'fit_out.deposit_missing')
    await refused(admin, fitOut, 'confirm_fees', {}, 422, 'fit_out.deposit_missing')
  })

  it('H-FO-3 confirmed from the ledger: refused until the fit-out deposit is received for the case, the debris fee posted and everything paid', async () => {
    fitOut = await get(fin, fitOut.id)
    await refused(fin, fitOut, 'confirm_fees', {}, 422, 'fit_out.deposit_missing')
    // A deposit that is not this customer's fit-out deposit does not count, even naming the case.
    const passCard = await money<Deposit>(fin, '/api/v1/billing/deposits', {
      customerId: customer,
      unitId: office,
      type: 'pass',
      amount: 20_000,
      method: 'cash',
      caseId: fitOut.id,
      note: '出入证押金（误记在装修单上）',
    })
    const neighbour = await t.ids.customerOf('tenant.apartment')
    const elsewhere = await money<Deposit>(fin, '/api/v1/billing/deposits', {
      customerId: neighbour,
      type: 'fit_out',
      amount: DEPOSIT,
      method: 'cash',
      caseId: fitOut.id,
    })
    await refused(fin, fitOut, 'confirm_fees', {}, 422, 'fit_out.deposit_missing')
    // Both mistakes stay where they are; the fit-out's refund will not touch them either.
    mistakes = [passCard.id, elsewhere.id]

    const deposit = await money<Deposit>(fin, '/api/v1/billing/deposits', {
      customerId: customer,
      unitId: office,
      type: 'fit_out',
      amount: DEPOSIT,
      method: 'bank_transfer',
      caseId: fitOut.id,
      note: '装修押金',
    })
    depositId = deposit.id
    expect(deposit).toMatchObject({ type: 'fit_out', caseId: fitOut.id, balance: DEPOSIT })
    await refused(fin, fitOut, 'confirm_fees', {}, 422, 'fit_out.debris_fee_missing')
    const fee = await money<{ id: string; amount: number; open: number }>(
      fin,
      '/api/v1/billing/charges',
      {
        customerId: customer,
        unitId: office,
        chargeItemId: await chargeItem('debris_removal'),
        amount: DEBRIS_FEE,
        description: `${fitOut.number} 装修垃圾清运费`,
        caseId: fitOut.id,
      },
    )
    expect(fee).toMatchObject({ amount: DEBRIS_FEE, open: DEBRIS_FEE })
    await refused(fin, fitOut, 'confirm_fees', {}, 422, 'fit_out.fees_open')
    // Part-paid is still open.
    await money(fin, '/api/v1/billing/payments', {
      customerId: customer,
      amount: 30_000,
      method: 'wechat_pay',
      allocations: [{ chargeId: fee.id, amount: 30_000 }],
    })
    await refused(fin, fitOut, 'confirm_fees', {}, 422, 'fit_out.fees_open')
    await money(fin, '/api/v1/billing/payments', {
      customerId: customer,
      amount: DEBRIS_FEE - 30_000,
      method: 'wechat_pay',
      allocations: [{ chargeId: fee.id, amount: DEBRIS_FEE - 30_000 }],
    })
    fitOut = await act(fin, fitOut, 'confirm_fees', { note: '押金与清运费已收' })
    expect(fitOut).toMatchObject({ state: 'fees_paid', department: 'customer_service' })
    expect(fitOut.signOffs.find((s) => s.action === 'confirm_fees')).toMatchObject({
      signerRole: 'finance',
    })
    // The deposit is in the ledger under the case; the fee is the case's, and paid.
    const ledger = json<{ items: Deposit[] }>(
      await fin.get(`/api/v1/billing/deposits?caseId=${fitOut.id}`),
    ).items
    expect(ledger.find((d) => d.id === depositId)).toMatchObject({
      type: 'fit_out',
      received: DEPOSIT,
      balance: DEPOSIT,
      refundDueOn: null,
    })
    const charges = json<{ items: { id: string; open: number }[] }>(
      await fin.get(`/api/v1/billing/charges?caseId=${fitOut.id}`),
    ).items
    expect(charges).toEqual([expect.objectContaining({ id: fee.id, open: 0 })])
    expect(await financeQueue()).not.toContain(fitOut.id)
    expect(await toldAbout(tenantOffice, fitOut.id)).toContain('fit_out.fees_paid')
  })

  it('a fit-out cannot be cancelled once the money is taken', async () => {
    await reload(agent)
    await refused(agent, fitOut, 'cancel', { reason: '客户放弃装修' }, 422, 'cases.wrong_state')
  })
})

describe('the drawings (H-FO-4…7)', () => {
  it('H-FO-4 drawings are files uploaded to the case: none, unknown or another case’s are refused', async () => {
    drawingA = await upload(agent, fitOut.id, '平面布置图-A.pdf', 'application/pdf', pdf)
    await refused(agent, fitOut, 'submit_drawings', { attachmentIds: [] }, 400, 'request.invalid')
    await refused(agent, fitOut, 'submit_drawings', {}, 400, 'request.invalid')
    await refused(
      agent,
      fitOut,
      'submit_drawings',
      { attachmentIds: [drawingA, randomUUID()] },
      422,
      'fit_out.attachment_unknown',
    )
    const other = json<Case>(
      await agent.post('/api/v1/cases', { propertyId: property, type: 'complaint', title: '别处' }),
    )
    const foreign = await upload(agent, other.id, 'other.pdf', 'application/pdf', pdf)
    await refused(
      agent,
      fitOut,
      'submit_drawings',
      { attachmentIds: [foreign] },
      422,
      'fit_out.attachment_unknown',
    )
    // The customer's own drawn signature is a file of the case, but not a drawing.
    const signatureId = fitOut.signOffs[0]!.signatureId!
    await refused(
      agent,
      fitOut,
      'submit_drawings',
      { attachmentIds: [signatureId] },
      422,
      'fit_out.attachment_unknown',
    )
  })

  it('H-FO-4 H-FO-5 submitted drawings go to engineering’s queue and its supervisor is told', async () => {
    fitOut = await act(agent, fitOut, 'submit_drawings', {
      attachmentIds: [drawingA],
      note: '平面布置图与电气图',
    })
    expect(fitOut).toMatchObject({ state: 'in_review', department: 'engineering' })
    expect(fitOut.data['rounds']).toEqual([
      { n: 1, attachmentIds: [drawingA], note: '平面布置图与电气图', submittedOn: '2026-11-29' },
    ])
    expect(fitOut.deadlines.find((d) => d.name === 'resolve')?.status).toBe('running')
    expect(await queue(engHead, 'department=engineering&status=open&type=fit_out')).toContain(
      fitOut.id,
    )
    expect(await toldAbout(engHead, fitOut.id)).toContain('fit_out.drawings_submitted')
  })

  it('H-FO-5 only the engineering supervisor approves or rejects drawings: the desk, the technician, other heads, the manager and the admin are refused', async () => {
    const changes = { changes: ['消防喷淋头间距不符合规范'] }
    for (const action of ['approve_drawings', 'reject_drawings']) {
      const input = action === 'reject_drawings' ? changes : {}
      // Without case.review the permission refuses first.
      for (const client of [agent, engTech]) {
        const p = await refused(client, fitOut, action, input, 403, 'forbidden')
        expect(p.permission).toBe('case.review')
      }
      // With it, only the engineering department head decides.
      for (const client of [supervisor, secHead, cleanHead, manager, admin])
        await refused(client, fitOut, action, input, 403, 'fit_out.engineering_supervisor_only')
    }
  })

  it('H-FO-7 a rejection needs the changes required; it goes back to the customer and the desk, signed', async () => {
    await refused(engHead, fitOut, 'reject_drawings', {}, 400, 'request.invalid')
    await refused(engHead, fitOut, 'reject_drawings', { changes: [] }, 400, 'request.invalid')
    await refused(engHead, fitOut, 'reject_drawings', { changes: ['x'] }, 400, 'request.invalid')
    fitOut = await act(engHead, fitOut, 'reject_drawings', {
      changes: ['会议室吊顶内消防喷淋头间距超过 3.6 米，须按规范加密', '配电箱须避开疏散通道'],
      note: '其余部分可行',
    })
    expect(fitOut).toMatchObject({ state: 'returned', department: 'customer_service' })
    expect(fitOut.data['rounds']).toEqual([
      {
        n: 1,
        attachmentIds: [drawingA],
        note: '平面布置图与电气图',
        submittedOn: '2026-11-29',
        decision: 'rejected',
        changes: ['会议室吊顶内消防喷淋头间距超过 3.6 米，须按规范加密', '配电箱须避开疏散通道'],
        reviewNote: '其余部分可行',
        reviewedOn: '2026-11-29',
        reviewedBy: '赵工程主管',
      },
    ])
    expect(fitOut.signOffs.find((s) => s.action === 'reject_drawings')).toMatchObject({
      signerRole: 'department_head',
      signerName: '赵工程主管',
    })
    expect(fitOut.deadlines.find((d) => d.name === 'resolve')?.status).toBe('met')
    expect(await toldAbout(tenantOffice, fitOut.id)).toContain('fit_out.drawings_rejected')
    expect(await toldAbout(agent, fitOut.id)).toContain('fit_out.drawings_rejected')
    // The customer sees the changes required in the portal.
    const seen = await get(tenantOffice, fitOut.id)
    expect(seen.state).toBe('returned')
    expect((seen.data['rounds'] as { changes: string[] }[])[0]?.changes).toHaveLength(2)
    // Returned drawings are not approved.
    await refused(engHead, fitOut, 'approve_drawings', {}, 422, 'cases.wrong_state')
  })

  it('H-FO-7 the customer resubmits: a second round, the first kept as it was', async () => {
    drawingB = await upload(tenantOffice, fitOut.id, '平面布置图-B.pdf', 'application/pdf', pdf)
    fitOut = await act(tenantOffice, await get(tenantOffice, fitOut.id), 'submit_drawings', {
      attachmentIds: [drawingB],
    })
    expect(fitOut.state).toBe('in_review')
    const rounds = fitOut.data['rounds'] as { n: number; decision?: string }[]
    expect(rounds.map((r) => [r.n, r.decision ?? null])).toEqual([
      [1, 'rejected'],
      [2, null],
    ])
    expect(rounds[1]).toEqual({ n: 2, attachmentIds: [drawingB], submittedOn: '2026-11-29' })
  })

  it('H-FO-6 approved and signed by the engineering supervisor, the documents come back to customer service', async () => {
    fitOut = await act(engHead, await get(engHead, fitOut.id), 'approve_drawings', {
      note: '按图施工',
    })
    expect(fitOut).toMatchObject({ state: 'approved', department: 'customer_service' })
    const rounds = fitOut.data['rounds'] as Record<string, unknown>[]
    expect(rounds).toHaveLength(2)
    expect(rounds[0]).toMatchObject({ n: 1, decision: 'rejected' })
    expect(rounds[1]).toMatchObject({
      n: 2,
      attachmentIds: [drawingB],
      decision: 'approved',
      reviewNote: '按图施工',
      reviewedOn: '2026-11-29',
      reviewedBy: '赵工程主管',
    })
    expect(fitOut.signOffs.filter((s) => s.action.endsWith('_drawings'))).toMatchObject([
      { action: 'reject_drawings', signerRole: 'department_head' },
      { action: 'approve_drawings', signerRole: 'department_head' },
    ])
    expect(await queue(agent, 'department=customer_service&status=open&type=fit_out')).toContain(
      fitOut.id,
    )
    expect(await toldAbout(agent, fitOut.id)).toContain('fit_out.drawings_approved')
    expect(await toldAbout(tenantOffice, fitOut.id)).toContain('fit_out.drawings_approved')
  })
})

describe('schedule, roster and passes (H-FO-8, H-FO-9)', () => {
  it('H-FO-8 passes come after the roster: security cannot issue before it', async () => {
    await reload(secGuard)
    await refused(
      secGuard,
      fitOut,
      'issue_passes',
      { validFrom: '2026-12-01', validTo: '2026-12-31', rulesExplained: true },
      422,
      'cases.wrong_state',
    )
  })

  it('H-FO-8 the schedule and the roster: one line per worker, each ID once, dates in order', async () => {
    await reload(agent)
    const roster = { ...schedule, workers }
    const twice = [
      ...workers,
      { ...workers[1]!, name: '李电工（重复）', idNumber: '31011519850612345X' },
    ]
    await refused(
      agent,
      fitOut,
      'submit_roster',
      { ...roster, workers: twice },
      422,
      'fit_out.worker_twice',
    )
    await refused(
      agent,
      fitOut,
      'submit_roster',
      { ...roster, workers: [] },
      400,
      'request.invalid',
    )
    const badId = [{ ...workers[0]!, idNumber: '11010119900307123' }]
    await refused(
      agent,
      fitOut,
      'submit_roster',
      { ...roster, workers: badId },
      400,
      'request.invalid',
    )
    await refused(
      agent,
      fitOut,
      'submit_roster',
      { ...roster, dailyHours: '8:30-17:30' },
      400,
      'request.invalid',
    )
    await refused(
      agent,
      fitOut,
      'submit_roster',
      { ...roster, startDate: '2026-12-31', endDate: '2026-12-01' },
      422,
      'fit_out.dates_order',
    )
    fitOut = await act(agent, fitOut, 'submit_roster', roster)
    expect(fitOut).toMatchObject({
      state: 'roster_submitted',
      department: 'security',
      data: { schedule },
    })
    expect(await queue(secGuard, 'department=security&status=open&type=fit_out')).toContain(
      fitOut.id,
    )
    expect(await toldAbout(secHead, fitOut.id)).toContain('fit_out.roster_submitted')
  })

  it('H-FO-8 H-IS-15 the roster’s ID numbers and phones are masked in every case answer, the timeline included', async () => {
    for (const client of [agent, secGuard, tenantOffice]) {
      const seen = await get(client, fitOut.id)
      const roster = seen.data['roster'] as Worker[]
      expect(roster.map((w) => [w.name, w.idNumber, w.phone])).toEqual([
        ['王建国', '1101**********1234', '138****5678'],
        ['李电工', '3101**********345X', '139****6789'],
        ['张木工', '3201**********4321', '137****7890'],
        ['赵油漆', '4401**********8765', '136****8901'],
      ])
      const body = JSON.stringify(seen)
      for (const w of workers) {
        expect(body).not.toContain(w.idNumber)
        expect(body).not.toContain(w.idNumber.toUpperCase())
        expect(body).not.toContain(w.phone)
      }
    }
  })

  it('H-FO-9 only security issues the passes: the desk and another department’s head are refused', async () => {
    const validity = { validFrom: '2026-12-01', validTo: '2026-12-31', rulesExplained: true }
    await refused(agent, fitOut, 'issue_passes', validity, 403, 'fit_out.security_only')
    await refused(engHead, fitOut, 'issue_passes', validity, 403, 'fit_out.security_only')
    await refused(fin, fitOut, 'issue_passes', validity, 403, 'fit_out.security_only')
    // The rules are explained, and the passes never outlast the schedule or start expired.
    await refused(
      secGuard,
      fitOut,
      'issue_passes',
      { ...validity, rulesExplained: false },
      400,
      'request.invalid',
    )
    await refused(
      secGuard,
      fitOut,
      'issue_passes',
      { ...validity, validTo: '2027-01-05' },
      422,
      'fit_out.pass_beyond_schedule',
    )
    await refused(
      secGuard,
      fitOut,
      'issue_passes',
      { ...validity, validFrom: '2026-12-31', validTo: '2026-12-01' },
      422,
      'fit_out.dates_order',
    )
    await refused(
      secGuard,
      fitOut,
      'issue_passes',
      { ...validity, validFrom: '2026-11-01', validTo: '2026-11-28' },
      422,
      'fit_out.pass_expired',
    )
  })

  it('H-FO-9 security issues one pass per rostered worker, with its validity, and explains the rules; signed', async () => {
    fitOut = await act(secGuard, fitOut, 'issue_passes', {
      validFrom: '2026-12-01',
      validTo: '2026-12-31',
      rulesExplained: true,
      note: '已讲解装修管理规定与动火审批',
    })
    expect(fitOut).toMatchObject({
      state: 'in_works',
      department: 'customer_service',
      data: { rulesExplainedOn: '2026-11-29', permitIssuedOn: '2026-11-29' },
    })
    expect(fitOut.signOffs.find((s) => s.action === 'issue_passes')).toMatchObject({
      signerRole: 'department_staff',
    })
    passes = await passesOf(agent)
    expect(passes).toHaveLength(4)
    expect(passes.map((p) => p.number)).toEqual([1, 2, 3, 4].map((n) => `${fitOut.number}-0${n}`))
    expect(passes.map((p) => p.workerName)).toEqual(workers.map((w) => w.name))
    for (const p of passes)
      expect(p).toMatchObject({
        validFrom: '2026-12-01',
        validTo: '2026-12-31',
        status: 'active',
        // Valid from 1 December: not yet today.
        validToday: false,
      })
    expect(await toldAbout(tenantOffice, fitOut.id)).toContain('fit_out.passes_issued')
    // Everyone on the roster has a pass: nothing more to issue.
    await refused(
      secGuard,
      await get(secGuard, fitOut.id),
      'issue_passes',
      { validFrom: '2026-12-01', validTo: '2026-12-31', rulesExplained: true },
      422,
      'fit_out.no_workers_without_pass',
    )
  })

  it('H-IS-15 the passes of a case show ID numbers and phones masked, to staff and to the customer; another customer is not told they exist', async () => {
    for (const client of [agent, secGuard, engTech, tenantOffice]) {
      const seen = await passesOf(client)
      expect(seen.map((p) => [p.idNumber, p.phone])).toEqual([
        ['1101**********1234', '138****5678'],
        ['3101**********345X', '139****6789'],
        ['3201**********4321', '137****7890'],
        ['4401**********8765', '136****8901'],
      ])
    }
    expect((await tenantApartment.get(`/api/v1/cases/${fitOut.id}/passes`)).statusCode).toBe(404)
    const otherAdmin = await t.signIn(OTHER_ORG.admin)
    expect((await otherAdmin.get(`/api/v1/cases/${fitOut.id}/passes`)).statusCode).toBe(404)
    // A case that is not a fit-out has no passes.
    const complaint = json<Case>(
      await agent.post('/api/v1/cases', { propertyId: property, type: 'complaint', title: '噪音' }),
    )
    expect((await agent.get(`/api/v1/cases/${complaint.id}/passes`)).statusCode).toBe(404)
  })

  it('H-FO-9 at the gate: security sees the pass valid on its days; staff of another building, another organisation and customers cannot look it up', async () => {
    const first = passes[0]!
    const early = await gate(secGuard, first.id)
    expect(early.statusCode, early.body).toBe(200)
    expect(json<GatePass>(early)).toMatchObject({
      number: `${fitOut.number}-01`,
      caseNumber: fitOut.number,
      workerName: '王建国',
      idNumber: '1101**********1234',
      contractor: CONTRACTOR,
      dailyHours: '08:30-17:30',
      validToday: false,
    })
    expect(early.body).not.toContain(workers[0]!.idNumber)
    await moveClockTo(morningOf('2026-12-01'))
    const today = json<GatePass>(await gate(secGuard, first.id))
    expect(today.validToday).toBe(true)
    expect(today.customerName).toBeTruthy()
    // A guard of the apartment building only.
    const roles = json<{ items: { id: string; code: string }[] }>(await admin.get('/api/v1/roles'))
    const staffRole = roles.items.find((r) => r.code === 'department_staff')!
    const created = await admin.post('/api/v1/users', {
      username: 'slb.guard',
      displayName: 'B座保安',
      kind: 'staff',
      password: 'Matrix12345',
      roleId: staffRole.id,
      department: 'security',
      propertyIds: [await t.ids.property('SLB')],
    })
    expect(created.statusCode, created.body).toBe(201)
    const slbGuard = await t.signIn('slb.guard', 'Matrix12345')
    expect(json<Problem>(await gate(slbGuard, first.id))).toMatchObject({ code: 'not_found' })
    expect((await gate(slbGuard, first.id)).statusCode).toBe(404)
    expect((await slbGuard.get(`/api/v1/cases/${fitOut.id}/passes`)).statusCode).toBe(404)
    const otherAdmin = await t.signIn(OTHER_ORG.admin)
    expect((await gate(otherAdmin, first.id)).statusCode).toBe(404)
    // The gate page is staff's: a customer, even the fit-out's own, is refused.
    expect((await gate(tenantOffice, first.id)).statusCode).toBe(403)
    expect((await gate(tenantApartment, first.id)).statusCode).toBe(403)
    expect((await gate(secGuard, randomUUID())).statusCode).toBe(404)
  })

  it('H-FO-9 security revokes one pass; a worker added to the roster later gets a pass of their own', async () => {
    await reload(agent)
    const leaving = passes[3]!
    await refused(
      agent,
      fitOut,
      'revoke_pass',
      { passId: leaving.id, reason: '人员离场' },
      403,
      'fit_out.security_only',
    )
    await refused(
      engHead,
      fitOut,
      'revoke_pass',
      { passId: leaving.id, reason: '人员离场' },
      403,
      'fit_out.security_only',
    )
    await refused(
      secGuard,
      fitOut,
      'revoke_pass',
      { passId: randomUUID(), reason: '人员离场' },
      404,
      'not_found',
    )
    fitOut = await act(secGuard, fitOut, 'revoke_pass', {
      passId: leaving.id,
      reason: '油漆工离场',
    })
    expect(fitOut.state).toBe('in_works')
    const revoked = json<GatePass>(await gate(secGuard, leaving.id))
    expect(revoked).toMatchObject({
      status: 'revoked',
      statusReason: '油漆工离场',
      validToday: false,
    })
    // Revoked once: not again.
    await refused(
      secGuard,
      fitOut,
      'revoke_pass',
      { passId: leaving.id, reason: '再次吊销' },
      404,
      'not_found',
    )
    // The customer replaces the painter on the roster; security issues his pass only.
    const painter = {
      name: '钱油漆',
      idNumber: '440103199305052468',
      role: '油漆工',
      phone: '13556789012',
    }
    fitOut = await act(agent, fitOut, 'submit_roster', {
      ...schedule,
      workers: [...workers.slice(0, 3), painter],
    })
    expect(fitOut).toMatchObject({ state: 'in_works', department: 'customer_service' })
    fitOut = await act(secGuard, fitOut, 'issue_passes', {
      validFrom: '2026-12-01',
      validTo: '2026-12-31',
      rulesExplained: true,
    })
    passes = await passesOf(secGuard)
    expect(passes.map((p) => [p.number.slice(-2), p.workerName, p.status])).toEqual([
      ['01', '王建国', 'active'],
      ['02', '李电工', 'active'],
      ['03', '张木工', 'active'],
      ['04', '赵油漆', 'revoked'],
      ['05', '钱油漆', 'active'],
    ])
    expect(passes.filter((p) => p.validToday)).toHaveLength(4)
  })
})

describe('the works (H-FO-10)', () => {
  it('H-FO-10 a department patrols too: a finding must be explained to the customer, goes to the head of its department and is kept', async () => {
    await moveClockTo(morningOf('2026-12-02'))
    await reload(engTech)
    const finding = {
      description: '吊顶内私拉电线，未穿管保护',
      location: '会议室吊顶',
      severity: 'violation',
      department: 'engineering',
    }
    await refused(
      engTech,
      fitOut,
      'record_patrol',
      { area: '会议室', findings: [finding] },
      422,
      'fit_out.finding_not_explained',
    )
    fitOut = await act(engTech, fitOut, 'record_patrol', {
      area: '会议室',
      findings: [finding],
      explainedTo: '何工（现场负责人）',
    })
    expect(fitOut.data['patrols']).toEqual([
      {
        n: 1,
        at: morningOf('2026-12-02').toISOString(),
        by: '孙技术员',
        department: 'engineering',
        area: '会议室',
        findings: [finding],
        explainedTo: '何工（现场负责人）',
      },
    ])
    expect(await toldAbout(engHead, fitOut.id)).toContain('fit_out.finding')
    expect(await toldAbout(tenantOffice, fitOut.id)).toContain('fit_out.finding_explained')
    // A clean patrol by security needs no explanation and tells nobody.
    fitOut = await act(secGuard, fitOut, 'record_patrol', {
      area: '消防通道',
      findings: [],
      note: '内部：现场负责人态度较差，注意沟通',
    })
    expect((fitOut.data['patrols'] as unknown[]).length).toBe(2)
    // H-IS-15: a staff note inside the case's fields never reaches the customer.
    const patrolsOf = async (client: Client) =>
      (await get(client, fitOut.id)).data['patrols'] as { note?: string }[]
    expect((await patrolsOf(agent))[1]?.note).toBe('内部：现场负责人态度较差，注意沟通')
    expect(JSON.stringify(await get(tenantOffice, fitOut.id))).not.toContain('态度较差')
    expect((await patrolsOf(tenantOffice))[1]).not.toHaveProperty('note')
    expect(await toldAbout(secHead, fitOut.id)).not.toContain('fit_out.finding')
  })

  it('H-FO-10 a rectification notice has a deadline; when the day passes the case is overdue and escalated', async () => {
    await reload(agent)
    await refused(
      agent,
      fitOut,
      'issue_rectification',
      { items: ['电线穿管'], dueOn: '2026-12-01' },
      422,
      'fit_out.due_past',
    )
    await refused(
      agent,
      fitOut,
      'issue_rectification',
      { items: [], dueOn: '2026-12-04' },
      400,
      'request.invalid',
    )
    fitOut = await act(agent, fitOut, 'issue_rectification', {
      items: ['吊顶内电线全部穿管保护', '拆除私拉临时电源'],
      dueOn: '2026-12-04',
    })
    expect(fitOut.data['rectifications']).toEqual([
      {
        n: 1,
        items: ['吊顶内电线全部穿管保护', '拆除私拉临时电源'],
        dueOn: '2026-12-04',
        issuedOn: '2026-12-02',
        issuedBy: 'customer_service',
        status: 'open',
      },
    ])
    const rectify = fitOut.deadlines.find((d) => d.name === 'rectify' && d.status === 'running')
    expect(rectify?.dueAt).toBe(new Date('2026-12-04T18:00:00+08:00').toISOString())
    expect(await toldAbout(tenantOffice, fitOut.id)).toContain('fit_out.rectification')
    // Not yet due: the sweep leaves it.
    await sweepDeadlines({ db: t.db, clock: t.clock })
    expect((await get(agent, fitOut.id)).overdue).toBe(false)
    await moveClockTo(morningOf('2026-12-05'))
    await sweepDeadlines({ db: t.db, clock: t.clock })
    fitOut = await get(agent, fitOut.id)
    expect(fitOut).toMatchObject({ overdue: true, escalationLevel: 1 })
    expect(fitOut.deadlines.find((d) => d.name === 'rectify')?.overdueAt).toBeTruthy()
    expect(fitOut.timeline.find((e) => e.kind === 'overdue')).toMatchObject({
      data: { deadline: 'rectify' },
    })
    expect(await toldAbout(supervisor, fitOut.id)).toContain('case.escalated')
  })

  it('H-FO-10 a further notice while one is overdue: the deadline stays on the overdue one', async () => {
    fitOut = await act(agent, fitOut, 'issue_rectification', {
      items: ['走廊堆放的装修材料当日清理'],
      dueOn: '2026-12-08',
    })
    expect((fitOut.data['rectifications'] as { status: string }[]).map((r) => r.status)).toEqual([
      'open',
      'open',
    ])
    const running = fitOut.deadlines.filter((d) => d.name === 'rectify' && d.status === 'running')
    expect(running).toHaveLength(1)
    expect(running[0]).toMatchObject({
      dueAt: new Date('2026-12-04T18:00:00+08:00').toISOString(),
      overdueAt: expect.any(String),
    })
  })

  it('the fit-out board shows the works by stage with their days in it, drawing rounds, open notices and live passes', async () => {
    const card = (await board(agent)).find((c) => c.id === fitOut.id)
    expect(card).toMatchObject({
      state: 'in_works',
      rounds: 2,
      openRectifications: 2,
      livePasses: 4,
      contractor: CONTRACTOR,
      refundDueOn: null,
    })
    // In works since the passes on 29 November; patrols and notices are no new stage.
    expect(card?.daysInStage).toBe(6)
    expect(
      (await tenantOffice.get(`/api/v1/fit-outs/board?propertyId=${property}`)).statusCode,
    ).toBe(403)
    const otherAdmin = await t.signIn(OTHER_ORG.admin)
    expect((await otherAdmin.get(`/api/v1/fit-outs/board?propertyId=${property}`)).statusCode).toBe(
      404,
    )
  })

  it('H-FO-10 a stop-work order suspends every pass; the works resume only once the notices are done', async () => {
    await refused(agent, fitOut, 'stop_work', { reason: '擅自改动消防管线' }, 403, 'forbidden')
    fitOut = await act(supervisor, await get(supervisor, fitOut.id), 'stop_work', {
      reason: '擅自改动消防管线',
    })
    expect(fitOut).toMatchObject({ state: 'stopped', data: { stopReason: '擅自改动消防管线' } })
    const stopped = await passesOf(secGuard)
    expect(stopped.filter((p) => p.status === 'suspended')).toHaveLength(4)
    expect(stopped.some((p) => p.validToday)).toBe(false)
    expect(json<GatePass>(await gate(secGuard, passes[0]!.id))).toMatchObject({
      status: 'suspended',
      validToday: false,
    })
    expect(await toldAbout(secHead, fitOut.id)).toContain('fit_out.work_stopped')
    expect(await toldAbout(tenantOffice, fitOut.id)).toContain('fit_out.work_stopped')
    await refused(supervisor, fitOut, 'resume_work', {}, 422, 'fit_out.rectification_open')
    await refused(
      agent,
      fitOut,
      'confirm_rectified',
      { n: 9 },
      422,
      'fit_out.rectification_unknown',
    )
    // The desk issued these notices: finance (another department) cannot confirm them.
    await refused(
      fin,
      await get(fin, fitOut.id),
      'confirm_rectified',
      { n: 1 },
      403,
      'fit_out.not_issuer',
    )
    fitOut = await act(agent, fitOut, 'confirm_rectified', { n: 1, note: '已复查' })
    await refused(supervisor, fitOut, 'resume_work', {}, 422, 'fit_out.rectification_open')
    await refused(
      agent,
      fitOut,
      'confirm_rectified',
      { n: 1 },
      422,
      'fit_out.rectification_unknown',
    )
    fitOut = await act(agent, fitOut, 'confirm_rectified', { n: 2 })
    expect(
      (fitOut.data['rectifications'] as { n: number; status: string; doneOn?: string }[]).map(
        (r) => [r.n, r.status, r.doneOn],
      ),
    ).toEqual([
      [1, 'done', '2026-12-05'],
      [2, 'done', '2026-12-05'],
    ])
    expect(fitOut.deadlines.filter((d) => d.name === 'rectify' && d.status === 'running')).toEqual(
      [],
    )
    fitOut = await act(supervisor, fitOut, 'resume_work', { note: '整改完毕，恢复施工' })
    expect(fitOut).toMatchObject({ state: 'in_works', data: { stopReason: null } })
    const resumed = await passesOf(secGuard)
    expect(resumed.map((p) => p.status)).toEqual([
      'active',
      'active',
      'active',
      'revoked',
      'active',
    ])
    expect(resumed.filter((p) => p.validToday)).toHaveLength(4)
  })
})

describe('acceptance (H-FO-11…14)', () => {
  it('H-FO-11 after the works the customer applies for acceptance, not for a day to come', async () => {
    await moveClockTo(morningOf('2026-12-10'))
    fitOut = await get(tenantOffice, fitOut.id)
    await refused(
      tenantOffice,
      fitOut,
      'apply_acceptance',
      { completedOn: '2026-12-11' },
      422,
      'fit_out.completed_future',
    )
    fitOut = await act(tenantOffice, fitOut, 'apply_acceptance', { completedOn: '2026-12-09' })
    expect(fitOut).toMatchObject({
      state: 'acceptance_applied',
      data: { completedOn: '2026-12-09' },
    })
    expect(await toldAbout(agent, fitOut.id)).toContain('fit_out.acceptance_applied')
  })

  it('H-FO-12 customer service calls the department heads: engineering always, on a day to come; a liaison slip to each', async () => {
    fitOut = await get(engHead, fitOut.id)
    const call = {
      departments: ['engineering', 'security', 'customer_service'],
      inspectOn: '2026-12-11',
    }
    await refused(engHead, fitOut, 'call_inspection', call, 403, 'fit_out.customer_service_only')
    await refused(fin, fitOut, 'call_inspection', call, 403, 'fit_out.customer_service_only')
    await refused(
      agent,
      fitOut,
      'call_inspection',
      { ...call, departments: ['security'] },
      422,
      'fit_out.engineering_inspects',
    )
    await refused(
      agent,
      fitOut,
      'call_inspection',
      { ...call, inspectOn: '2026-12-09' },
      422,
      'fit_out.due_past',
    )
    fitOut = await act(agent, fitOut, 'call_inspection', call)
    expect(fitOut.state).toBe('inspecting')
    expect(fitOut.data['acceptance']).toEqual([{ n: 1, ...call, results: {} }])
    const slips = fitOut.children.filter((c) => c.type === 'liaison')
    expect(slips).toHaveLength(3)
    const due = new Date('2026-12-11T18:00:00+08:00').toISOString()
    const byDepartment: Record<string, string> = {}
    for (const brief of slips) {
      const slip = await get(agent, brief.id)
      expect(slip.deadlines.find((d) => d.name === 'resolve')?.dueAt).toBe(due)
      expect(slip.title).toContain('验收')
      byDepartment[slip.department!] = slip.id
    }
    expect(Object.keys(byDepartment).sort()).toEqual([
      'customer_service',
      'engineering',
      'security',
    ])
    expect(await queue(engHead, 'department=engineering&status=open&type=liaison')).toContain(
      byDepartment['engineering'],
    )
    expect(await queue(secGuard, 'department=security&status=open&type=liaison')).toContain(
      byDepartment['security'],
    )
  })

  it('H-FO-13 only the heads called inspect: the technician, a head not called and the manager are refused', async () => {
    await moveClockTo(morningOf('2026-12-11'))
    fitOut = await get(engHead, fitOut.id)
    const p = await refused(engTech, fitOut, 'inspect', { result: 'pass' }, 403, 'forbidden')
    expect(p.permission).toBe('case.review')
    await refused(cleanHead, fitOut, 'inspect', { result: 'pass' }, 403, 'fit_out.not_called')
    await refused(manager, fitOut, 'inspect', { result: 'pass' }, 403, 'fit_out.not_called')
    await refused(admin, fitOut, 'inspect', { result: 'pass' }, 403, 'fit_out.not_called')
    // A fail lists what is to be rectified.
    await refused(
      engHead,
      fitOut,
      'inspect',
      { result: 'fail' },
      422,
      'fit_out.rectification_list_required',
    )
  })

  it('H-FO-13 H-FO-14 engineering fails it with a rectification list and priced damage; every head signs; a fail loops back', async () => {
    damagePhoto = await upload(engHead, fitOut.id, 'damage.png', 'image/png', png)
    const damages = [
      {
        item: '墙面',
        location: '公共走廊',
        cost: 30_000,
        resolution: 'deposit',
        photoId: damagePhoto,
      },
      { item: '门框', location: '消防通道', cost: 12_000, resolution: 'customer_repairs' },
    ]
    fitOut = await act(engHead, fitOut, 'inspect', {
      result: 'fail',
      rectifications: ['吊顶检修口未按图纸预留'],
      damages,
      note: '走廊墙面被推车刮伤',
    })
    // Security and the desk have not inspected yet.
    expect(fitOut.state).toBe('inspecting')
    // Engineering's inspection slip is done by the signature (received, then done with feedback);
    // the other departments' slips are still open.
    const slips = await Promise.all(
      (await get(agent, fitOut.id)).children
        .filter((c) => c.type === 'liaison')
        .map((c) => get(agent, c.id)),
    )
    const slipOf = (d: string) => slips.find((x) => x.department === d)!
    expect(slipOf('engineering').state).toBe('done')
    expect(slipOf('engineering').data['feedback']).toBe('已到场验收并签字：不合格，整改 1 项')
    expect(slipOf('security').state).toBe('issued')
    await refused(engHead, fitOut, 'inspect', { result: 'pass' }, 422, 'fit_out.already_inspected')
    fitOut = await act(secHead, await get(secHead, fitOut.id), 'inspect', { result: 'pass' })
    expect(fitOut.state).toBe('inspecting')
    fitOut = await act(supervisor, await get(supervisor, fitOut.id), 'inspect', {
      result: 'pass',
      note: '现场已清洁',
    })
    expect(fitOut.state).toBe('rectifying')
    const round = (fitOut.data['acceptance'] as { results: Record<string, unknown> }[])[0]!
    expect(round.results).toEqual({
      engineering: {
        result: 'fail',
        rectifications: ['吊顶检修口未按图纸预留'],
        by: '赵工程主管',
        on: '2026-12-11',
        note: '走廊墙面被推车刮伤',
      },
      security: { result: 'pass', rectifications: [], by: '郑保安主管', on: '2026-12-11' },
      customer_service: {
        result: 'pass',
        rectifications: [],
        by: '林主管',
        on: '2026-12-11',
        note: '现场已清洁',
      },
    })
    expect(fitOut.signOffs.filter((s) => s.action === 'inspect')).toMatchObject([
      { signerRole: 'department_head', signerName: '赵工程主管' },
      { signerRole: 'department_head', signerName: '郑保安主管' },
      { signerRole: 'supervisor', signerName: '林主管' },
    ])
    expect(fitOut.data['damages']).toEqual([
      { ...damages[0], n: 1, round: 1, department: 'engineering' },
      { ...damages[1], n: 2, round: 1, department: 'engineering' },
    ])
    // The priced damage waits for finance.
    expect(fitOut.department).toBe('finance')
    expect(await financeQueue()).toContain(fitOut.id)
    expect(await toldAbout(fin, fitOut.id)).toContain('fit_out.deduction_due')
    expect(await toldAbout(tenantOffice, fitOut.id)).toContain('fit_out.acceptance_failed')
    // Not accepted: no refund is scheduled.
    expect((await depositOf(depositId)).refundDueOn).toBeNull()
  })

  it('H-FO-14 only finance deducts the damage from the deposit (the desk and engineering are refused)', async () => {
    await refused(agent, fitOut, 'deduct_damages', {}, 403, 'fit_out.finance_only')
    await refused(engHead, fitOut, 'deduct_damages', {}, 403, 'fit_out.finance_only')
    await refused(secGuard, fitOut, 'deduct_damages', {}, 403, 'fit_out.finance_only')
  })

  it('H-FO-14 the deduction is taken once from the deposit ledger with its reason; a repeat with a stale version is 409 and moves no money', async () => {
    const before = await get(fin, fitOut.id)
    const [first, second] = await Promise.all([
      take(fin, before, 'deduct_damages', { note: '按市价扣除' }),
      take(fin, before, 'deduct_damages', { note: '按市价扣除' }),
    ])
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409])
    expect(json<Problem>(first.statusCode === 409 ? first : second).code).toBe(
      'conflict.stale_version',
    )
    fitOut = json<Case>(first.statusCode === 200 ? first : second)
    const retried = await take(fin, before, 'deduct_damages', { note: '按市价扣除' })
    expect(retried.statusCode).toBe(409)
    const deposit = await depositOf(depositId)
    expect(deposit).toMatchObject({ deducted: 30_000, balance: DEPOSIT - 30_000 })
    const deductions = deposit.entries.filter((e) => e.kind === 'deducted')
    expect(deductions).toHaveLength(1)
    expect(deductions[0]).toMatchObject({ amount: 30_000, caseId: fitOut.id })
    expect(deductions[0]!.reason).toContain('公共走廊 墙面')
    // What the customer repairs costs them nothing here.
    expect(deductions[0]!.reason).not.toContain('门框')
    expect(fitOut.data['damages']).toMatchObject([{ n: 1, deducted: true }, { n: 2 }])
    expect(fitOut).toMatchObject({ state: 'rectifying', department: 'customer_service' })
    expect(fitOut.signOffs.find((s) => s.action === 'deduct_damages')).toMatchObject({
      signerRole: 'finance',
    })
    expect(await toldAbout(tenantOffice, fitOut.id)).toContain('fit_out.deducted')
    await refused(fin, fitOut, 'deduct_damages', {}, 422, 'fit_out.nothing_to_deduct')
  })

  it('H-FO-13 rectified, the customer applies again; a clean re-inspection accepts the works', async () => {
    await moveClockTo(morningOf('2026-12-14'))
    fitOut = await act(agent, await get(agent, fitOut.id), 'apply_acceptance', {
      completedOn: '2026-12-13',
      note: '检修口已按图纸预留',
    })
    expect(fitOut.state).toBe('acceptance_applied')
    fitOut = await act(agent, fitOut, 'call_inspection', {
      departments: ['engineering'],
      inspectOn: '2026-12-14',
    })
    // Only the heads of this round are called now.
    await refused(
      secHead,
      await get(secHead, fitOut.id),
      'inspect',
      { result: 'pass' },
      403,
      'fit_out.not_called',
    )
    fitOut = await act(engHead, await get(engHead, fitOut.id), 'inspect', { result: 'pass' })
    expect(fitOut).toMatchObject({ state: 'accepted', department: 'customer_service' })
    const rounds = fitOut.data['acceptance'] as {
      n: number
      results: Record<string, { result: string }>
    }[]
    const results = (r: (typeof rounds)[number]) =>
      Object.fromEntries(Object.entries(r.results).map(([d, x]) => [d, x.result]))
    expect(rounds.map((r) => [r.n, results(r)])).toEqual([
      [1, { engineering: 'fail', security: 'pass', customer_service: 'pass' }],
      [2, { engineering: 'pass' }],
    ])
    expect(await toldAbout(tenantOffice, fitOut.id)).toContain('fit_out.accepted')
  })
})

describe('the deposit comes back three months later (H-FO-15)', () => {
  // Re-inspected on Monday 14 December 2026: three months on is Sunday 14 March 2027, so the
  // refund falls due on the next working day, Monday 15 March.
  const DUE = '2027-03-15'

  it('H-FO-15 the clean re-inspection schedules the refund: the deposit’s due date and a step on that day', async () => {
    expect(fitOut.data).toMatchObject({ reinspectedOn: '2026-12-14', refundDueOn: DUE })
    expect(fitOut.data['refundDue']).toBeUndefined()
    expect((await depositOf(depositId)).refundDueOn).toBe(DUE)
    for (const id of mistakes) expect((await depositOf(id)).refundDueOn).toBeNull()
    expect(fitOut.deadlines.find((d) => d.name === 'refund')).toMatchObject({
      status: 'running',
      dueAt: new Date(`${DUE}T00:00:00+08:00`).toISOString(),
    })
    expect((await board(agent)).find((c) => c.id === fitOut.id)?.refundDueOn).toBe(DUE)
  })

  it('H-FO-15 before the due day finance cannot refund, and the case is not in finance’s queue', async () => {
    fitOut = await get(fin, fitOut.id)
    await refused(
      fin,
      fitOut,
      'refund_deposit',
      { method: 'bank_transfer' },
      422,
      'fit_out.refund_not_due',
    )
    expect(await financeQueue()).not.toContain(fitOut.id)
    expect(await refundsDue()).not.toContain(depositId)
    // Nor by hand on the billing pages: the deposit comes back only through the case's steps.
    const byHand = await money<{ code: string }>(
      fin,
      `/api/v1/billing/deposits/${depositId}/refund`,
      { method: 'cash' },
      422,
    )
    expect(byHand.code).toBe('billing.deposit_held_by_case')
    const rescheduled = await money<{ code: string }>(
      fin,
      `/api/v1/billing/deposits/${depositId}/schedule-refund`,
      { reinspectedOn: '2026-12-01', version: (await depositOf(depositId)).version },
      422,
    )
    expect(rescheduled.code).toBe('billing.deposit_held_by_case')
    // The day before: the sweep takes no step yet.
    await moveClockTo(new Date('2027-03-14T23:50:00+08:00'))
    await sweepDeadlines({ db: t.db, clock: t.clock })
    fitOut = await get(fin, fitOut.id)
    expect(fitOut.department).toBe('customer_service')
    await refused(
      fin,
      fitOut,
      'refund_deposit',
      { method: 'bank_transfer' },
      422,
      'fit_out.refund_not_due',
    )
    expect(await financeQueue()).not.toContain(fitOut.id)
    expect(await refundsDue()).not.toContain(depositId)
    expect(fitOut.timeline.some((e) => e.action === 'refund_due')).toBe(false)
  })

  it('H-FO-15 on the due day the sweep puts the case in finance’s queue, with a timeline step, and tells finance', async () => {
    await moveClockTo(morningOf(DUE))
    expect(await sweepDeadlines({ db: t.db, clock: t.clock })).toBeGreaterThanOrEqual(1)
    fitOut = await get(fin, fitOut.id)
    expect(fitOut).toMatchObject({ state: 'accepted', department: 'finance' })
    expect(fitOut.data['refundDue']).toBe(true)
    expect(fitOut.timeline.find((e) => e.action === 'refund_due')).toMatchObject({
      actorName: '系统',
      fromState: 'accepted',
      toState: 'accepted',
    })
    expect(fitOut.deadlines.find((d) => d.name === 'refund')?.status).toBe('met')
    expect(await financeQueue()).toContain(fitOut.id)
    expect(await refundsDue()).toContain(depositId)
    expect(await toldAbout(fin, fitOut.id)).toContain('fit_out.refund_due')
    // Swept again: the step is not taken twice.
    await sweepDeadlines({ db: t.db, clock: t.clock })
    const again = await get(fin, fitOut.id)
    expect(again.version).toBe(fitOut.version)
    expect(again.timeline.filter((e) => e.action === 'refund_due')).toHaveLength(1)
  })

  it('H-FO-15 only finance refunds; the balance comes back once, a stale repeat is 409', async () => {
    await refused(
      agent,
      await get(agent, fitOut.id),
      'refund_deposit',
      { method: 'bank_transfer' },
      403,
      'fit_out.finance_only',
    )
    await refused(
      engHead,
      fitOut,
      'refund_deposit',
      { method: 'bank_transfer' },
      403,
      'fit_out.finance_only',
    )
    const before = fitOut
    fitOut = await act(fin, before, 'refund_deposit', {
      method: 'bank_transfer',
      note: '退至原账户',
    })
    expect(fitOut).toMatchObject({
      state: 'refunded',
      department: 'customer_service',
      data: { refundedOn: DUE },
    })
    const stale = await take(fin, before, 'refund_deposit', { method: 'bank_transfer' })
    expect(stale.statusCode).toBe(409)
    const deposit = await depositOf(depositId)
    expect(deposit).toMatchObject({
      received: DEPOSIT,
      deducted: 30_000,
      refunded: DEPOSIT - 30_000,
      balance: 0,
    })
    expect(deposit.entries.filter((e) => e.kind === 'refunded')).toEqual([
      expect.objectContaining({ amount: DEPOSIT - 30_000, caseId: fitOut.id }),
    ])
    expect(await refundsDue()).not.toContain(depositId)
    expect(await financeQueue()).not.toContain(fitOut.id)
    expect(await toldAbout(tenantOffice, fitOut.id)).toContain('fit_out.refunded')
    // Only the customer's fit-out deposit came back: the ones naming the case by mistake did not.
    const [passCard, elsewhere] = await Promise.all(mistakes.map(depositOf))
    expect(passCard).toMatchObject({ type: 'pass', balance: 20_000, refunded: 0 })
    expect(elsewhere).toMatchObject({ type: 'fit_out', balance: DEPOSIT, refunded: 0 })
  })

  it('H-FO-15 the passes are collected before the fit-out closes', async () => {
    fitOut = await get(agent, fitOut.id)
    await refused(agent, fitOut, 'close', {}, 422, 'fit_out.passes_out')
    fitOut = await act(agent, fitOut, 'collect_passes', { note: '出入证四张已收回' })
    expect(fitOut.data).toMatchObject({ passesCollected: true, passesCollectedOn: DUE })
    const collected = await passesOf(agent)
    expect(collected.map((p) => p.status)).toEqual([
      'collected',
      'collected',
      'collected',
      'revoked',
      'collected',
    ])
    expect(collected.some((p) => p.validToday)).toBe(false)
    await refused(agent, fitOut, 'collect_passes', {}, 422, 'fit_out.passes_collected')
    fitOut = await act(agent, fitOut, 'close', { note: '装修流程完结' })
    expect(fitOut.state).toBe('closed')
    expect((await board(agent)).some((c) => c.id === fitOut.id)).toBe(false)
    // The whole procedure is on the timeline, in order.
    const steps = fitOut.timeline.filter((e) => e.kind === 'action').map((e) => e.action)
    const order = [
      'sign_agreement',
      'confirm_fees',
      'submit_drawings',
      'reject_drawings',
      'approve_drawings',
      'submit_roster',
      'issue_passes',
      'record_patrol',
      'issue_rectification',
      'stop_work',
      'resume_work',
      'apply_acceptance',
      'call_inspection',
      'inspect',
      'deduct_damages',
      'refund_due',
      'refund_deposit',
      'collect_passes',
      'close',
    ]
    expect(order.map((a) => steps.indexOf(a))).toEqual(
      [...order.map((a) => steps.indexOf(a))].sort((a, b) => a - b),
    )
    expect(order.every((a) => steps.includes(a))).toBe(true)
  })
})
