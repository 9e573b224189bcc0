import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fc, test as fcTest } from '@fast-check/vitest'
import { eq } from 'drizzle-orm'
import type { LightMyRequestResponse } from 'fastify'
import { cases, fitOutPasses, floors, occupancies, users } from '../../src/db/schema'
import { defaultDeadlinePolicies } from '../../src/modules/settings'
import { insertNotifications } from '../../src/modules/notifications'
import { startTestApp, type Client, type TestApp } from '../support/app'
import { OTHER_ORG } from '../support/other-org'

// Bad input gets 4xx problem+json, never 500 and never another organisation's data. Every case
// is sent by the demo admin, who holds every permission: only the input decides the answer.

const kinds = [
  ...['property', 'floor', 'unit', 'customer', 'occupancy', 'user', 'role'],
  ...['chargeItem', 'charge', 'payment', 'deposit', 'reminder', 'creditor'],
  ...['case', 'view', 'notification', 'pass'],
] as const
type Ids = Record<(typeof kinds)[number], string>
type Body = Record<string, unknown>
type Refs = Record<string, [keyof Ids, number]>
type Spec = {
  route: string
  /** The path parameter: a record of the caller's own organisation. */
  id?: keyof Ids
  /** A valid body: `body` holds the required fields, `optional` the others. */
  body?: (x: Ids) => Body
  optional?: (x: Ids) => Body
  /** Body fields that name a record: which kind, and the status of an id nobody may use. */
  refs?: Refs
  /** Query parameters that must be refused (400 with the parameter as the field). */
  query?: string[]
  /** Valid values of the required query parameters a case does not name. */
  base?: (x: Ids) => Record<string, string>
  /** The value of a path parameter that is not an id, and values it must refuse. */
  param?: [string, ...string[]]
  /** Valid values of the path parameters after the first, by name. */
  params?: Record<string, string>
  /** A money write: sent with a fresh Idempotency-Key; `again` changes the body for a reuse. */
  money?: boolean
  again?: Body
  /** Run before the replay test, when the first request needs state earlier cases used up. */
  before?: (x: Ids) => Promise<unknown>
}

const LONG = 'x'.repeat(10_000)
const LEAKS = ['外部公司', '其他大厦', '其他物业']
const listQueries = ['unexpected=1', 'limit=0', 'limit=-1', 'limit=1000000000', 'limit=abc']
const cursors = [
  'cursor=%25%25not-base64',
  `cursor=${'A'.repeat(600)}`,
  `cursor=${cursorOf(['x'])}`,
]
const common = [...listQueries, 'limit=1.5', ...cursors]
const version = () => ({ version: 1 })

// settings
const calendarQueries = ['unexpected=1', 'year=1999', 'year=2101', 'year=abc', 'year=2026.5']
const farDay = { date: '2031-05-06' }

// billing
const inBuilding = (x: Ids) => ({ propertyId: x.property })
const months = (x: Ids) => ({ ...inBuilding(x), from: '2026-08', to: '2026-11' })
const monthQueries = ['unexpected=1', 'propertyId=nope', 'from=2026-13', 'to=26-11', 'from=2026-12']
const filters = ['propertyId=nope', 'customerId=1', 'period=2026-13', 'period=1999-01']
const billQueries = [`cursor=${cursorOf([1])}`, ...filters]
const paymentDates = ['from=2026-02-30T00:00:00Z', 'to=yesterday']
const tables: Spec['param'] = ['bills', 'nope', 'BILLS', 'bills.xlsx', '..%2Fbills']
const exportQueries = ['unexpected=1', 'propertyId=nope', 'period=2026-13', 'from=2026-1']
const item = () => ({ code: 'probe_item', name: '探针', kind: 'fixed_fee' })
const change = () => ({ name: '探针', dueDays: 7, active: true })
const rate = (x: Ids) => ({
  ...{ ...inBuilding(x), chargeItemId: x.chargeItem },
  ...{ basis: 'fixed', amount: 100, effectiveFrom: '2026-12-01' },
})
const rated: Refs = { propertyId: ['property', 404], chargeItemId: ['chargeItem', 404] }
const billRun = (x: Ids) => ({ ...inBuilding(x), period: '2026-11' })
const charge = (x: Ids) => ({ customerId: x.customer, chargeItemId: x.chargeItem, amount: 100 })
const chargeMore = (x: Ids) => ({ unitId: x.unit, description: '探针', dueDate: '2026-12-31' })
const payment = (x: Ids) => ({ customerId: x.customer, amount: 100, method: 'cash' })
const paymentMore = (x: Ids) => ({
  ...{ receivedAt: '2026-11-01T00:00:00Z', reference: 'BT1', note: '探针' },
  allocations: [{ chargeId: x.charge, amount: 100 }],
})
const paid: Refs = { customerId: ['customer', 404] }
const reason = () => ({ reason: '录入错误' })
const reminder = () => ({ level: 'first' })
const deposit = (x: Ids) => ({ ...payment(x), type: 'fit_out', amount: 10_000 })
const depositMore = (x: Ids) => ({ unitId: x.unit, note: '探针' })
const held: Refs = { ...paid, unitId: ['unit', 404] }
const charged: Refs = { ...held, chargeItemId: ['chargeItem', 404] }
const deduct = () => ({ amount: 100, reason: '损坏赔偿' })
const part = () => ({ amount: 100, reason: '退还' })
const refund: Partial<Spec> = { id: 'deposit', body: () => ({ method: 'cash' }), optional: part }
const reinspected = () => ({ reinspectedOn: '2026-11-29', version: 1 })
/** A money write; a reuse of its key changes `field` (another record when it has no body). */
function money(route: string, spec: Partial<Spec>, field?: string): Spec {
  const changed: Body = { amount: 200, reason: '另一原因', level: 'second', method: 'card' }
  return { route, money: true, ...spec, ...(field ? { again: { [field]: changed[field] } } : {}) }
}

const specs: Spec[] = [
  { route: 'POST /auth/login', body: () => ({ username: 'admin', password: 'demo1234' }) },
  { route: 'POST /auth/logout' },
  { route: 'POST /me/password', body: () => ({ currentPassword: 'demo1234', newPassword: 'x1' }) },
  { route: 'GET /users', query: [...common, `q=${LONG}`] },
  { route: 'GET /users/:id', id: 'user' },
  {
    route: 'POST /users',
    body: (x) => ({
      ...{ username: 'new.one', displayName: '新', kind: 'staff' },
      ...{ roleId: x.role, password: 'Matrix12345' },
    }),
    optional: (x) => ({
      phone: '13800001111',
      department: 'engineering',
      propertyIds: [x.property],
    }),
    refs: { roleId: ['role', 400] },
  },
  {
    route: 'PATCH /users/:id',
    ...{ id: 'user', body: version },
    optional: (x) => ({ displayName: '新', phone: '13800001111', roleId: x.role, disabled: false }),
    refs: { roleId: ['role', 400] },
  },
  { route: 'POST /users/:id/password', id: 'user', body: () => ({ password: 'Matrix12345' }) },
  { route: 'POST /users/:id/unlock', id: 'user' },
  {
    route: 'POST /roles',
    body: () => ({ code: 'probe', name: '探针', permissions: ['unit.read'] }),
  },
  {
    route: 'PATCH /roles/:id',
    ...{ id: 'role', body: version },
    optional: () => ({ name: '探针', permissions: [] }),
  },
  {
    route: 'POST /properties',
    body: () => ({ code: 'NEW', name: '新楼' }),
    optional: () => ({ address: '某路 1 号', timezone: 'Asia/Shanghai' }),
  },
  { route: 'PATCH /organisation', body: () => ({ name: '示例物业服务有限公司' }) },
  { route: 'GET /properties/:id', id: 'property' },
  {
    route: 'PATCH /properties/:id',
    ...{ id: 'property', body: version },
    optional: () => ({ name: '新楼', address: '某路', timezone: 'Asia/Shanghai' }),
  },
  { route: 'GET /properties/:propertyId/floors', id: 'property' },
  {
    route: 'POST /properties/:propertyId/floors',
    id: 'property',
    body: () => ({ label: 'R1', level: 150, kind: 'office' }),
  },
  {
    route: 'PATCH /floors/:id',
    ...{ id: 'floor', body: version },
    optional: () => ({ label: 'R1', level: 150, kind: 'office' }),
  },
  { route: 'DELETE /floors/:id', id: 'floor' },
  {
    route: 'GET /units',
    query: [...common, 'propertyId=nope', 'floorId=1', 'status=bogus', 'kind=bogus', `q=${LONG}`],
  },
  { route: 'GET /units/:id', id: 'unit' },
  { route: 'DELETE /units/:id', id: 'unit' },
  {
    route: 'POST /units',
    body: (x) => ({ floorId: x.floor, number: 'R101', kind: 'office', areaM2: 50 }),
    optional: () => ({ status: 'vacant' }),
    refs: { floorId: ['floor', 404] },
  },
  {
    route: 'PATCH /units/:id',
    ...{ id: 'unit', body: version },
    optional: () => ({ number: 'R101', kind: 'office', areaM2: 50, status: 'vacant' }),
  },
  { route: 'GET /customers', query: [...common, 'propertyId=nope', 'kind=bogus', `q=${LONG}`] },
  { route: 'GET /customers/:id', id: 'customer' },
  { route: 'DELETE /customers/:id', id: 'customer' },
  {
    route: 'POST /customers',
    body: (x) => ({ propertyId: x.property, kind: 'company', name: '新客户' }),
    optional: () => ({
      ...{ phone: '13800001111', idNumber: '310115199001011234', email: 'a@example.cn' },
      ...{ notes: '备注', contacts: [{ name: '联系人' }] },
    }),
    refs: { propertyId: ['property', 404] },
  },
  {
    route: 'PATCH /customers/:id',
    ...{ id: 'customer', body: version },
    optional: () => ({
      kind: 'company',
      name: '新',
      phone: '13800001111',
      notes: '',
      contacts: [],
    }),
  },
  { route: 'POST /customers/:id/reveal', id: 'customer' },
  {
    route: 'POST /customers/:id/occupancies',
    id: 'customer',
    body: (x) => ({ unitId: x.unit, role: 'owner', fromDate: '2020-01-01' }),
    optional: () => ({ toDate: '2020-12-31' }),
    refs: { unitId: ['unit', 404] },
  },
  {
    route: 'POST /occupancies/:id/end',
    id: 'occupancy',
    body: () => ({ toDate: '2027-01-01', version: 1 }),
  },
  // billing: `money` writes are sent with a fresh Idempotency-Key (their own cases are below)
  { route: 'POST /billing/charge-items', body: item, optional: () => ({ dueDays: 7 }) },
  { route: 'PATCH /billing/charge-items/:id', id: 'chargeItem', body: version, optional: change },
  { route: 'GET /billing/rates', base: inBuilding, query: ['unexpected=1', 'propertyId=nope'] },
  {
    route: 'POST /billing/rates',
    body: rate,
    optional: () => ({ unitKind: 'office' }),
    refs: rated,
  },
  { route: 'POST /billing/bill-runs', body: billRun, refs: { propertyId: ['property', 404] } },
  // A bill cursor is one string: ['x'] is a valid one, [1] is not.
  { route: 'GET /billing/bills', query: [...listQueries, ...cursors.slice(0, 2), ...billQueries] },
  { route: 'GET /billing/charges', query: [...common, ...filters, 'billId=x', 'status=bogus'] },
  money('POST /billing/charges', { body: charge, optional: chargeMore, refs: charged }, 'amount'),
  money('POST /billing/charges/:id/reverse', { id: 'charge', body: reason }, 'reason'),
  { route: 'GET /billing/payments', query: [...common, ...filters.slice(0, 2), ...paymentDates] },
  money('POST /billing/payments', { body: payment, optional: paymentMore, refs: paid }, 'amount'),
  money('POST /billing/payments/:id/reverse', { id: 'payment', body: reason }, 'reason'),
  money('POST /billing/customers/:id/apply-credit', { id: 'customer' }),
  money(
    'POST /billing/customers/:id/refund-credit',
    {
      ...{ id: 'creditor', body: () => ({ method: 'cash' }), optional: () => ({ amount: 100 }) },
      // Earlier cases may have refunded the whole credit: pay some in again first.
      before: (x) =>
        admin.request(
          'POST',
          '/api/v1/billing/payments',
          { customerId: x.creditor, amount: 1000, method: 'cash' },
          key(),
        ),
    },
    'amount',
  ),
  { route: 'GET /billing/customers/:id/statement', id: 'customer' },
  { route: 'GET /billing/customers/:id/settlement', id: 'customer' },
  { route: 'GET /billing/arrears', base: inBuilding, query: ['unexpected=1', 'propertyId=nope'] },
  money('POST /billing/customers/:id/reminders', { id: 'customer', body: reminder }, 'level'),
  { route: 'GET /billing/customers/:id/reminders', id: 'customer' },
  { route: 'GET /billing/reminders/:id', id: 'reminder' },
  { route: 'GET /billing/deposits', query: [...common, ...filters.slice(0, 2), 'view=bogus'] },
  { route: 'GET /billing/deposits/:id', id: 'deposit' },
  money('POST /billing/deposits', { body: deposit, optional: depositMore, refs: held }, 'amount'),
  money('POST /billing/deposits/:id/deduct', { id: 'deposit', body: deduct }, 'amount'),
  money('POST /billing/deposits/:id/refund', refund, 'amount'),
  { route: 'POST /billing/deposits/:id/schedule-refund', id: 'deposit', body: reinspected },
  // `from` after `to`, and more than 36 months, are refused on the parameter too.
  { route: 'GET /billing/collection-rate', base: months, query: [...monthQueries, 'to=2029-12'] },
  { route: 'GET /billing/exports/:table', param: tables, base: inBuilding, query: exportQueries },
  // cases
  {
    route: 'GET /cases',
    query: [...common, 'type=nope', 'propertyId=nope', 'assignee=nobody', 'overdue=maybe'],
  },
  { route: 'GET /cases', query: ['status=closedish', `q=${LONG}`, 'state=DROP TABLE', 'unitId=1'] },
  {
    route: 'POST /cases',
    body: (x) => ({ type: 'complaint', propertyId: x.property, title: '探针投诉' }),
    optional: (x) => ({
      ...{
        unitId: x.unit,
        customerId: x.customer,
        contactName: '探针',
        contactPhone: '13800001111',
      },
      ...{ channel: 'phone', priority: 'normal', description: '探针', department: 'engineering' },
      ...{ dueAt: '2031-01-01T00:00:00Z', data: { category: 'complaint' } },
    }),
    refs: { propertyId: ['property', 404], unitId: ['unit', 404], customerId: ['customer', 404] },
  },
  { route: 'POST /cases/views', body: () => ({ name: '探针视图', query: { status: 'open' } }) },
  { route: 'DELETE /cases/views/:id', id: 'view' },
  {
    route: 'GET /cases/assignable',
    ...{ base: inBuilding, query: ['unexpected=1', 'propertyId=nope', 'department=nope'] },
  },
  // `from` after `to`, and more than 62 days, are refused on the parameter too.
  {
    route: 'GET /cases/moves',
    base: (x) => ({ ...inBuilding(x), from: '2026-11-01', to: '2026-11-30' }),
    query: [
      ...['unexpected=1', 'propertyId=nope', 'from=2026-02-30', 'to=26-11-30'],
      ...['from=2026-12-01', 'to=2027-01-02', 'from=yesterday'],
    ],
  },
  { route: 'GET /cases/:id', id: 'case' },
  // dashboard: both parameters optional; a month after this one is refused on `month` too.
  {
    route: 'GET /dashboard',
    query: [
      ...['unexpected=1', 'propertyId=nope', 'propertyId=', 'month=2026-13', 'month=26-11'],
      ...['month=2026-1', 'month=1999-01', 'month=2026-12', 'month=2026-11&month=2026-10'],
    ],
  },
  {
    route: 'POST /cases/:id/actions/:action',
    ...{ id: 'case', params: { action: 'escalate' } },
    body: () => ({ version: 1, reason: '探针上报' }),
  },
  {
    route: 'POST /cases/:id/comments',
    ...{ id: 'case', body: () => ({ text: '探针备注' }) },
    optional: () => ({ visibleToCustomer: false }),
  },
  { route: 'POST /cases/:id/attachments', id: 'case' },
  {
    route: 'GET /cases/:id/attachments/:attachmentId',
    ...{ id: 'case', params: { attachmentId: '7b0c6a52-2a38-4a57-9d5c-0b8f0e7f9c11' } },
  },
  { route: 'POST /cases/:id/reveal-contact', id: 'case' },
  { route: 'POST /cases/:id/print', id: 'case' },
  // fit-outs
  { route: 'GET /fit-outs/board', base: inBuilding, query: ['unexpected=1', 'propertyId=nope'] },
  { route: 'GET /cases/:id/passes', id: 'case' },
  { route: 'GET /fit-outs/passes/:id', id: 'pass' },
  // settings
  {
    route: 'PUT /settings/deadline-policies/:caseType/:priority',
    ...{ param: ['complaint', 'nope', 'COMPLAINT', 'suggestion'], params: { priority: 'normal' } },
    body: () => ({ ...defaultDeadlinePolicies.complaint.normal, version: 0 }),
  },
  { route: 'GET /settings/calendars/:propertyId', id: 'property', query: calendarQueries },
  {
    route: 'PATCH /settings/calendars/:propertyId',
    ...{ id: 'property', body: version },
    optional: () => ({
      timeZone: 'Asia/Shanghai',
      workStart: 540,
      workEnd: 1080,
      workWeekdays: [1],
    }),
  },
  {
    route: 'PUT /settings/calendars/:propertyId/days/:date',
    ...{ id: 'property', params: farDay, body: () => ({ kind: 'holiday' }) },
    optional: () => ({ name: '探针' }),
  },
  { route: 'DELETE /settings/calendars/:propertyId/days/:date', id: 'property', params: farDay },
  {
    route: 'POST /settings/calendars/:propertyId/import-official',
    ...{ id: 'property', body: () => ({ year: 2026 }) },
  },
  // notifications: the admin's own; one of another user is 404 like an unknown id
  { route: 'GET /notifications', query: [...common, 'unread=maybe', 'unread=1&unread=0'] },
  { route: 'POST /notifications/:id/read', id: 'notification' },
  {
    route: 'GET /audit',
    query: [
      ...listQueries,
      ...cursors,
      ...['actorId=nope', `action=${LONG}`, `entityId=${LONG}`, 'entityType=x&entityType=y'],
      ...[
        'from=2026-02-30T00:00:00Z',
        'to=yesterday',
        'from=2026-02-30',
        'to=2026-13-01T00:00:00Z',
      ],
    ],
  },
]

function cursorOf(values: unknown[]) {
  return Buffer.from(JSON.stringify(values)).toString('base64url')
}

let t: TestApp
let admin: Client
let mine: Ids
let theirs: Ids

async function roleOf(username: string) {
  const [row] = await t.db.select().from(users).where(eq(users.username, username))
  if (!row) throw new Error(`no user ${username}`)
  return row.roleId
}

async function firstFloor(propertyId: string) {
  const [row] = await t.db.select().from(floors).where(eq(floors.propertyId, propertyId))
  if (!row) throw new Error(`no floor in ${propertyId}`)
  return row.id
}

/** A notification of the user, written as the case engine writes them. */
async function notificationOf(username: string) {
  const [user] = await t.db.select().from(users).where(eq(users.username, username))
  if (!user) throw new Error(`no user ${username}`)
  const note = { orgId: user.orgId, userId: user.id, template: 'case.assigned' }
  const [row] = await insertNotifications(t.db, [{ ...note, createdAt: t.clock.now() }])
  return row!.id
}

async function occupancyOf(customerId: string) {
  const [row] = await t.db.select().from(occupancies).where(eq(occupancies.customerId, customerId))
  if (!row) throw new Error(`no occupancy of ${customerId}`)
  return row.id
}

/** A complaint and a saved view of one organisation, made by its admin. */
async function caseFixtures(client: Client, propertyId: string) {
  const opened = await client.post('/api/v1/cases', {
    type: 'complaint',
    propertyId,
    title: '探针',
  })
  const view = await client.post('/api/v1/cases/views', { name: '探针固定视图', query: {} })
  for (const res of [opened, view])
    if (res.statusCode !== 201) throw new Error(`fixture failed: ${res.statusCode} ${res.body}`)
  return { case: opened.json<{ id: string }>().id, view: view.json<{ id: string }>().id }
}

/** A fit-out of one organisation's office customer, made by its admin, and a pass issued on it. */
async function passFixture(
  client: Client,
  x: { property: string; unit: string; customer: string },
) {
  const opened = await client.post('/api/v1/cases', {
    ...{ type: 'fit_out', propertyId: x.property, unitId: x.unit, customerId: x.customer },
    title: '探针装修',
    data: {
      contractor: {
        name: '探针装饰',
        licenceNumber: 'P0001',
        siteLead: '何工',
        siteLeadPhone: '13611112222',
      },
      ...{ scope: ['floors'], startDate: '2026-12-01', endDate: '2026-12-31', workerCount: 1 },
    },
  })
  if (opened.statusCode !== 201)
    throw new Error(`fixture failed: ${opened.statusCode} ${opened.body}`)
  const c = opened.json<{ id: string; number: string }>()
  const [fitOut] = await t.db.select().from(cases).where(eq(cases.id, c.id))
  const [issuer] = await t.db.select().from(users).where(eq(users.orgId, fitOut!.orgId))
  const at = t.clock.now()
  const [pass] = await t.db
    .insert(fitOutPasses)
    .values({
      ...{ orgId: fitOut!.orgId, propertyId: fitOut!.propertyId, caseId: c.id },
      ...{ number: `${c.number}-01`, workerName: '探针', workerRole: '电工' },
      ...{ idNumber: '110101199003071234', phone: '13812345678', issuedBy: issuer!.id },
      ...{ validFrom: '2026-12-01', validTo: '2026-12-31', issuedAt: at, updatedAt: at },
    })
    .returning()
  return pass!.id
}

/** A charge item, two charges overdue since January, a payment, a deposit and a reminder. */
async function billingFixtures(client: Client, customerId: string, code: string) {
  const post = async (what: string, body: Body) => {
    const res = await client.request('POST', `/api/v1/billing/${what}`, body, key())
    if (res.statusCode !== 201) throw new Error(`fixture failed: ${res.statusCode} ${res.body}`)
    return res.json<{ id: string }>().id
  }
  const chargeItem = await post('charge-items', { code, name: '探针', kind: 'fixed_fee' })
  const overdue = { customerId, chargeItemId: chargeItem, amount: 10_000, dueDate: '2026-01-01' }
  const [charge] = [await post('charges', overdue), await post('charges', overdue)]
  const x = { customer: customerId } as Ids
  return {
    ...{ chargeItem, charge: charge!, payment: await post('payments', payment(x)) },
    ...{ deposit: await post('deposits', deposit(x)) },
    reminder: await post(`customers/${customerId}/reminders`, reminder()),
    creditor: await creditor(client, customerId),
  }
}

/** A new customer of the same building with credit (paid with nothing to pay), to refund. */
async function creditor(client: Client, sibling: string) {
  const { propertyId } = (await client.get(`/api/v1/customers/${sibling}`)).json<{
    propertyId: string
  }>()
  const res = await client.post('/api/v1/customers', {
    propertyId,
    kind: 'person',
    name: '预存客户',
  })
  const id = res.json<{ id: string }>().id
  const paid = await client.request(
    'POST',
    '/api/v1/billing/payments',
    { customerId: id, amount: 50_000, method: 'cash' },
    key(),
  )
  if (paid.statusCode !== 201) throw new Error(`fixture failed: ${paid.statusCode} ${paid.body}`)
  return id
}

beforeAll(async () => {
  t = await startTestApp()
  admin = await t.signIn('admin')
  const [sl, ot] = [await t.ids.property('SL'), await t.ids.property('OT')]
  const customer = await t.ids.customerOf('tenant.office')
  const external = await t.ids.customer('外部公司')
  mine = {
    ...{ property: sl, floor: await firstFloor(sl), unit: await t.ids.unit('201') },
    ...{ customer, occupancy: await occupancyOf(customer) },
    ...{ user: await t.ids.user('fin.staff'), role: await roleOf('fin.staff') },
    ...(await billingFixtures(admin, customer, 'probe_fixture')),
    ...(await caseFixtures(admin, sl)),
    notification: await notificationOf('admin'),
    pass: '',
  }
  mine.pass = await passFixture(admin, mine)
  theirs = {
    ...{ property: ot, floor: await firstFloor(ot), unit: await t.ids.unit('101', 'OT') },
    ...{ customer: external, occupancy: await occupancyOf(external) },
    ...{ user: await t.ids.user(OTHER_ORG.admin), role: await roleOf(OTHER_ORG.admin) },
    ...(await billingFixtures(await t.signIn(OTHER_ORG.admin), external, 'probe_fixture')),
    ...(await caseFixtures(await t.signIn(OTHER_ORG.admin), ot)),
    notification: await notificationOf(OTHER_ORG.admin),
    pass: '',
  }
  theirs.pass = await passFixture(await t.signIn(OTHER_ORG.admin), theirs)
})
afterAll(() => t.close())

/** A 4xx problem+json with code, status and request id; validation errors name the field. */
function expectProblem(res: LightMyRequestResponse, status?: number, field?: string) {
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400)
  expect(res.statusCode, res.body).toBeLessThan(500)
  if (status) expect(res.statusCode, res.body).toBe(status)
  expect(res.headers['content-type']).toContain('application/problem+json')
  const problem = res.json<{ code: string; field?: string }>()
  expect(problem).toMatchObject({ code: expect.any(String), status: res.statusCode })
  expect(problem).toMatchObject({ requestId: expect.any(String) })
  if (problem.code === 'request.invalid')
    expect(problem.field, res.body).toEqual(expect.any(String))
  // Ajv may name an item inside the field (contacts.0): the field itself or a path below it.
  if (field) expect(problem.field?.replace(/\..*/, ''), res.body).toBe(field)
  for (const leak of LEAKS) expect(res.body).not.toContain(leak)
  return problem
}

const methodOf = (spec: Spec) =>
  spec.route.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
const urlOf = (spec: Spec, id: string) =>
  `/api/v1${spec.route
    .split(' ')[1]!
    .replace(/:\w+/, encodeURIComponent(id) || spec.param?.[0] || '')
    .replace(/:(\w+)/g, (name, param: string) => spec.params?.[param] ?? name)}`
const paramOf = (spec: Spec) => /:(\w+)/.exec(spec.route)?.[1] ?? 'id'
const key = () => ({ 'idempotency-key': randomUUID() })
const send = (spec: Spec, id: string, body?: unknown, headers?: Record<string, string>) =>
  admin.request(methodOf(spec), urlOf(spec, id), body, { ...(spec.money && key()), ...headers })
const fullBody = (spec: Spec) => ({ ...spec.body?.(mine), ...spec.optional?.(mine) })
const ownId = (spec: Spec) => (spec.id ? mine[spec.id] : '')
// The shape of a valid body, for naming the cases before the ids exist.
const shapeIds = Object.fromEntries(kinds.map((kind) => [kind, ''])) as Ids
const shapeOf = (spec: Spec) => ({ ...spec.body?.(shapeIds), ...spec.optional?.(shapeIds) })

describe('never another organisation’s data', () => {
  it('admin: filters naming another organisation’s records find nothing', async () => {
    const queries = [
      `/api/v1/units?propertyId=${theirs.property}`,
      `/api/v1/units?floorId=${theirs.floor}`,
      `/api/v1/customers?propertyId=${theirs.property}`,
      `/api/v1/customers?q=${encodeURIComponent('外部公司')}`,
      `/api/v1/users?q=${OTHER_ORG.admin}`,
      `/api/v1/audit?entityId=${theirs.customer}`,
      `/api/v1/audit?actorId=${theirs.user}`,
      ...['bills', 'charges', 'payments', 'deposits'].flatMap((list) => [
        `/api/v1/billing/${list}?propertyId=${theirs.property}`,
        `/api/v1/billing/${list}?customerId=${theirs.customer}`,
      ]),
    ]
    for (const url of queries) {
      const res = await admin.get(url)
      expect(res.statusCode, url).toBe(200)
      expect(res.json<{ items: unknown[] }>().items, url).toEqual([])
      for (const leak of LEAKS) expect(res.body, url).not.toContain(leak)
    }
  })

  it('admin: a building of another organisation is 404 for its rates and figures', async () => {
    const building = `propertyId=${theirs.property}`
    const figures = ['collection-rate', 'exports/arrears', 'exports/collection-rate']
    const urls = [...['rates?', 'arrears?'], ...figures.map((w) => `${w}?from=2026-08&to=2026-11&`)]
    for (const url of urls.map((u) => `/api/v1/billing/${u}${building}`)) {
      expect(expectProblem(await admin.get(url), 404).code, url).toBe('not_found')
    }
  })

  it('admin: a payment allocated to another organisation’s charge is 422', async () => {
    const allocations = [{ chargeId: theirs.charge, amount: 100 }]
    const body = { customerId: mine.customer, amount: 100, method: 'cash', allocations }
    const res = await admin.request('POST', '/api/v1/billing/payments', body, key())
    expect(expectProblem(res, 422, 'allocations').code).toBe('billing.allocation_invalid')
  })

  it('admin: a body over 1 MiB is 413 request.too_large', async () => {
    const body = { propertyId: mine.property, kind: 'company', name: 'x', notes: 'x'.repeat(1.1e6) }
    const problem = expectProblem(await admin.post('/api/v1/customers', body), 413)
    expect(problem.code).toBe('request.too_large')
  })
})

for (const spec of specs.filter((s) => methodOf(s) !== 'GET')) {
  describe(`${spec.route}: the body`, () => {
    const json = { 'content-type': 'application/json' }
    it('malformed JSON is 400 request.malformed_json', async () => {
      const problem = expectProblem(await send(spec, ownId(spec), '{bad', json), 400)
      expect(problem.code).toBe('request.malformed_json')
    })
    // DELETE with no body skips parsing, as it should: nothing to refuse.
    it.skipIf(methodOf(spec) === 'DELETE')(
      'an empty JSON body is 400 request.malformed_json',
      async () => {
        const problem = expectProblem(await send(spec, ownId(spec), '', json), 400)
        expect(problem.code).toBe('request.malformed_json')
      },
    )
    it('a content type other than JSON or text is 415', async () => {
      const xml = { 'content-type': 'application/xml' }
      expectProblem(await send(spec, ownId(spec), '<a/>', xml), 415)
    })
    if (!spec.body) return
    it('a text/plain body is 400 on the body', async () => {
      const text = { 'content-type': 'text/plain' }
      expectProblem(await send(spec, ownId(spec), 'hello', text), 400, 'body')
    })
    it('a JSON array is 400 on the body', async () => {
      expectProblem(await send(spec, ownId(spec), []), 400, 'body')
    })
    it('an unknown extra field is 400 on that field', async () => {
      const body = { ...fullBody(spec), unexpected: true }
      expectProblem(await send(spec, ownId(spec), body), 400, 'unexpected')
    })
    it.each(Object.keys(spec.body(shapeIds)))('a missing %s is 400 on it', async (key) => {
      const { [key]: _gone, ...body } = fullBody(spec)
      expectProblem(await send(spec, ownId(spec), body), 400, key)
    })
    const variants = (value: unknown) => {
      // Not null: Ajv coerces it to "", 0 or false (coerceTypes), which some fields accept.
      const out: [string, unknown][] = [['an object', { wrong: 'type' }]]
      if (typeof value === 'string') out.push(['10 000 characters', LONG])
      if (typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value))
        out.push(['2026-02-30', '2026-02-30'])
      if (typeof value === 'number') out.push(['a huge negative number', -1e9])
      if (Array.isArray(value))
        out.push(['201 items', Array.from({ length: 201 }, (_, i) => `x${i}`)])
      return out
    }
    const cases = Object.entries(shapeOf(spec)).flatMap(([key, value]) =>
      variants(value).map(([label, bad]) => [key, label, bad] as const),
    )
    it.each(cases)('%s as %s is 400 on it', async (key, _, bad) => {
      const body = { ...fullBody(spec), [key]: bad }
      expectProblem(await send(spec, ownId(spec), body), 400, key)
    })
    for (const [field, [kind, status]] of Object.entries(spec.refs ?? {})) {
      for (const [label, id] of [
        ['of another organisation', () => theirs[kind]],
        ['nobody has', () => randomUUID()],
      ] as const) {
        it(`${field} ${label} is ${status}`, async () => {
          const body = { ...fullBody(spec), [field]: id() }
          expectProblem(await send(spec, ownId(spec), body), status)
        })
      }
    }
  })
}

for (const spec of specs.filter((s) => s.id)) {
  describe(`${spec.route}: the ${paramOf(spec)}`, () => {
    const param = paramOf(spec)
    const body = () => fullBody(spec)
    it.each(['not-a-uuid', '12345', "1' or '1'='1", '00000000-0000-0000-0000-00000000000g'])(
      `${param} %s is 400 on it`,
      async (bad) => {
        expectProblem(await send(spec, bad, spec.body ? body() : undefined), 400, param)
      },
    )
    it(`an unknown ${param} is 404`, async () => {
      const problem = expectProblem(
        await send(spec, randomUUID(), spec.body ? body() : undefined),
        404,
      )
      expect(problem.code).toBe('not_found')
    })
    it(`a ${param} of another organisation is 404, as if it did not exist`, async () => {
      const res = await send(spec, theirs[spec.id!], spec.body ? body() : undefined)
      expect(expectProblem(res, 404).code).toBe('not_found')
    })
  })
}

for (const spec of specs.filter((s) => s.query)) {
  describe(`${spec.route}: the query`, () => {
    it.each(spec.query!)('?%s is 400 on the parameter', async (query) => {
      const named = new URLSearchParams(query)
      const rest = Object.entries(spec.base?.(mine) ?? {}).filter(([k]) => !named.has(k))
      const url = `${urlOf(spec, ownId(spec))}?${[query, ...rest.map((p) => p.join('='))].join('&')}`
      expectProblem(await admin.get(url), 400, query.split('=')[0])
    })
  })
}

for (const spec of specs.filter((s) => s.param)) {
  it.each(spec.param!.slice(1))(`${spec.route} with %s is 400 on ${paramOf(spec)}`, async (bad) => {
    const url = `${urlOf(spec, '').replace(spec.param![0], bad)}?propertyId=${mine.property}`
    const body = methodOf(spec) === 'GET' ? undefined : fullBody(spec)
    expectProblem(await admin.request(methodOf(spec), url, body), 400, paramOf(spec))
  })
}

// A money write runs once per key: a key is required, well-formed, and never serves two requests.
for (const spec of specs.filter((s) => s.money)) {
  describe(`${spec.route}: the Idempotency-Key`, () => {
    const request = (headers: Record<string, string>, body = spec.body?.(mine), id = ownId(spec)) =>
      admin.request('POST', urlOf(spec, id), body, headers)
    it.each([
      ['no key', undefined],
      ['a key of 7 characters', 'abcdefg'],
      ['a key of 101 characters', 'k'.repeat(101)],
      ['a key with a space', 'key with space'],
      ['a key with a slash', 'key/with/slash'],
    ])('%s is 400 request.idempotency_key', async (_, bad) => {
      const problem = expectProblem(await request(bad ? { 'idempotency-key': bad } : {}), 400)
      expect(problem).toMatchObject({ code: 'request.idempotency_key', field: 'Idempotency-Key' })
    })
    it('a key sent again: the same request is replayed, another one is 422', async () => {
      const prepared = (await spec.before?.(mine)) as LightMyRequestResponse | undefined
      if (prepared) expect(prepared.statusCode, prepared.body).toBe(201)
      const headers = key()
      const first = await request(headers)
      expect(first.statusCode, first.body).toBeLessThan(300)
      const replay = await request(headers)
      expect([replay.statusCode, replay.body]).toEqual([first.statusCode, first.body])
      expect(replay.headers['idempotent-replayed']).toBe('true')
      const other = spec.again
        ? await request(headers, { ...spec.body?.(mine), ...spec.again })
        : await request(headers, undefined, randomUUID())
      expect(expectProblem(other, 422).code).toBe('request.idempotency_key_reused')
    })
  })
}

it('every /api/v1 route that takes a body, parameters or a query has a spec here', async () => {
  const doc = await t.anonymous.get('/api/openapi.json')
  type Operation = { parameters?: unknown[]; requestBody?: unknown }
  const paths = doc.json<{ paths: Record<string, Record<string, Operation>> }>().paths
  const withInput = Object.entries(paths)
    .filter(([path]) => path.startsWith('/api/v1/'))
    .flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.parameters?.length || op.requestBody)
        .map(([method]) => `${method.toUpperCase()} ${path.slice(7).replace(/\{(\w+)\}/g, ':$1')}`),
    )
  expect(withInput.length).toBeGreaterThan(20)
  expect(withInput.filter((route) => !specs.some((s) => s.route === route))).toEqual([])
})

// decodeCursor() checks a cursor's values against their shape, so a forged cursor never reaches SQL.
describe('a forged cursor', () => {
  it.each([
    `/api/v1/units?cursor=${cursorOf([1, '101', 'not-a-uuid'])}`,
    `/api/v1/units?cursor=${cursorOf([1e20, '101', randomUUID()])}`,
    `/api/v1/customers?cursor=${cursorOf(['x', 'not-a-uuid'])}`,
    `/api/v1/users?cursor=${cursorOf(['x', 'not-a-uuid'])}`,
    `/api/v1/audit?cursor=${cursorOf(['not-a-date', 1])}`,
    `/api/v1/audit?cursor=${cursorOf(['2026-01-01T00:00:00.000Z', 1e300])}`,
  ])('%s is 400 on the cursor', async (url) => {
    expectProblem(await admin.get(url), 400, 'cursor')
  })
})

// PostgreSQL text cannot hold U+0000 (SQLSTATE 22021) nor jsonb a lone surrogate (22P02):
// both are refused at the door with 400 on the field.
describe('text PostgreSQL cannot store', () => {
  const cases: [string, string, Body | undefined][] = [
    ['POST', '/api/v1/auth/login', { username: 'admin\u0000', password: 'demo1234' }],
    ['POST', '/api/v1/roles', { code: 'nul_role', name: 'a\u0000b', permissions: [] }],
    ['GET', '/api/v1/customers?q=%00', undefined],
    ['GET', '/api/v1/units?q=%00', undefined],
    ['GET', '/api/v1/users?q=%00', undefined],
    ['GET', '/api/v1/audit?entityId=%00', undefined],
    ['GET', `/api/v1/customers?cursor=${cursorOf(['a\u0000', randomUUID()])}`, undefined],
  ]
  it.each(cases)('%s %s with U+0000 is a 4xx', async (method, url, body) => {
    expectProblem(await admin.request(method as 'GET', url, body))
  })
  it.each([
    ['U+0000', 'a\u0000b'],
    ['a lone surrogate', 'a\ud800b'],
  ])('POST /api/v1/customers with %s in the name is 400 on the name', async (_, name) => {
    const body = { propertyId: mine.property, kind: 'company', name }
    expectProblem(await admin.post('/api/v1/customers', body), 400, 'name')
  })
})

// `frameworkErrors` makes Fastify's own refusals problem+json with a request id too.
describe('a path Fastify cannot route', () => {
  it('an id of 10 000 characters is a problem+json 4xx', async () => {
    expectProblem(await admin.get(`/api/v1/units/${LONG}`))
  })
  it('a broken percent-encoding is a problem+json 400', async () => {
    expectProblem(await admin.get('/api/v1/units/%E0%A4%A'), 400)
  })
})

describe('random bodies never produce a 5xx', () => {
  // Text without U+0000 or lone surrogates: those have their own tests above.
  const storable = (v: unknown) => !/\\u(0000|d[89a-f])/i.test(JSON.stringify(v))
  const char = fc.integer({ min: 1, max: 0xffff }).filter((c) => c < 0xd800 || c > 0xdfff)
  const text = fc.string({ unit: char.map((c) => String.fromCharCode(c)), maxLength: 120 })
  const junk = fc.jsonValue({ maxDepth: 2, stringUnit: 'grapheme' }).filter(storable)
  // Mostly plausible values, so that many bodies pass validation and reach the database.
  const field = <T>(plausible: fc.Arbitrary<T>) =>
    fc.oneof({ arbitrary: plausible, weight: 4 }, { arbitrary: junk, weight: 1 })
  const bodyOf = (fields: Record<string, fc.Arbitrary<unknown>>) =>
    fc.oneof(
      { arbitrary: fc.record(fields, { requiredKeys: [] }), weight: 6 },
      { arbitrary: fc.dictionary(fc.constantFrom(...Object.keys(fields), 'x'), junk), weight: 1 },
      { arbitrary: junk, weight: 1 },
    )
  const phone = fc.stringMatching(/^\+?[0-9][0-9 -]{2,19}$/)
  const customer = bodyOf({
    kind: field(fc.constantFrom('company', 'person')),
    name: field(text),
    phone: field(fc.option(phone)),
    idNumber: field(fc.option(fc.stringMatching(/^[0-9A-Za-z-]{4,32}$/))),
    email: field(fc.option(fc.emailAddress())),
    notes: field(text),
    contacts: field(fc.array(fc.record({ name: text, phone }, { requiredKeys: ['name'] }))),
  })
  const unit = bodyOf({
    number: field(fc.stringMatching(/^[A-Za-z0-9-]{1,16}$/)),
    kind: field(fc.constantFrom('office', 'apartment')),
    areaM2: field(fc.double({ min: -1, max: 100_001, noNaN: true })),
    status: field(fc.constantFrom('vacant', 'occupied', 'fitting_out')),
    version: field(fc.integer({ min: 0, max: 6 })),
  })
  const sendJson = (method: 'POST' | 'PATCH', url: string, body: unknown) =>
    admin.request(method, url, JSON.stringify(body), { 'content-type': 'application/json' })
  const isObject = (v: unknown): v is Body =>
    typeof v === 'object' && v !== null && !Array.isArray(v)

  // Most objects get a building of the caller's, some one of another organisation's.
  fcTest.prop([customer, fc.constantFrom('mine', 'mine', 'theirs', 'none')], { numRuns: 50 })(
    'admin: POST /api/v1/customers',
    async (body, building) => {
      const propertyId =
        building === 'none' ? {} : { propertyId: (building === 'mine' ? mine : theirs).property }
      const res = await sendJson(
        'POST',
        '/api/v1/customers',
        isObject(body) ? { ...body, ...propertyId } : body,
      )
      expect(res.statusCode, res.body).toBeLessThan(500)
      if (res.statusCode >= 400) expectProblem(res)
    },
  )

  fcTest.prop([unit], { numRuns: 50 })('admin: PATCH /api/v1/units/:id', async (body) => {
    const res = await sendJson('PATCH', `/api/v1/units/${mine.unit}`, body)
    expect(res.statusCode, res.body).toBeLessThan(500)
    if (res.statusCode >= 400) expectProblem(res)
  })
})
