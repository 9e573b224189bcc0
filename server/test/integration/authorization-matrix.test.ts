import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import {
  calendarDays,
  cases,
  chargeItems,
  customers,
  deadlinePolicies,
  deposits,
  fitOutPasses,
  floors,
  properties,
  roles,
  units,
  users,
  workCalendars,
} from '../../src/db/schema'
import { insertFloor, insertUnit } from '../../src/modules/org'
import { insertCustomer, insertOccupancy } from '../../src/modules/customers'
import { insertNotifications } from '../../src/modules/notifications'
import { defaultDeadlinePolicies } from '../../src/modules/settings'
import { builtinRoles, type Permission } from '../../src/platform/permissions'
import { Client, startTestApp, type TestApp } from '../support/app'
import { OTHER_ORG } from '../support/other-org'

// The authorization matrix: every route × one user per built-in role × in-scope / out-of-scope
// record. Permission checks come before loading (403 whatever the id); records outside the
// caller's scope are 404, as if they did not exist.

// The records a call may name; `organisation` is the organisation's name.
type Refs = Record<
  | 'property'
  | 'floor'
  | 'unit'
  | 'customer'
  | 'user'
  | 'role'
  | 'organisation'
  | 'chargeItem'
  | 'deposit'
  | 'reminder',
  string
>
type Ctx = ReturnType<typeof ctxOf>
type Build<T> = (refs: Refs, ctx: Ctx) => T | Promise<T>
type Row = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  what: string
  permission: Permission | 'signed-in' | 'public'
  ok: number
  /** The records the call names: 'org' (users, roles) or 'property' (buildings and below). */
  scope?: 'org' | 'property'
  /** The id for the path parameter; a `ref` names one of the records of the caller's scope. */
  id?: Build<string>
  /** The path parameters after the first, by name. */
  params?: Record<string, string | ((refs: Refs, ctx: Ctx, id: string) => Promise<string>)>
  /** The query string, without the `?`. */
  query?: Build<string>
  body?: Build<unknown>
  /** A money write: sent with a fresh Idempotency-Key. */
  money?: boolean
  /** The content type of a success, when not JSON. */
  type?: string
  /** What a record of another organisation gets, when not 404 (explained at the row). */
  away?: { status: number; code: string }
  freshSession?: boolean
  /** Staff only: customer accounts get 403 although they hold the permission (own rows only). */
  staffOnly?: boolean
}
type Options = Partial<Row> & { ref?: keyof Refs }

const tables = {
  property: properties,
  floor: floors,
  unit: units,
  customer: customers,
  user: users,
  role: roles,
  chargeItem: chargeItems,
  deposit: deposits,
}

function r(
  route: string,
  what: string,
  permission: Row['permission'],
  ok: number,
  o: Options = {},
): Row {
  const [method, path] = route.split(' ') as [Row['method'], string]
  const { ref, ...rest } = o
  const org = ref === 'user' || ref === 'role' || ref === 'chargeItem'
  const scope = org ? 'org' : ref ? 'property' : undefined
  return {
    method,
    path,
    what,
    permission,
    ok,
    scope,
    ...(ref ? { id: (refs) => refs[ref] } : {}),
    ...rest,
  }
}

const PASSWORD = 'Matrix12345'
const year = (c: Ctx) => 1900 + c.seq()
const version = (table: keyof typeof tables) => async (refs: Refs, c: Ctx) => ({
  version: await c.version(table, refs[table]),
})
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const building = (refs: Refs) => `propertyId=${refs.property}`
const inBuilding: Options = { scope: 'property', query: building }
// Money writes name a fresh customer of the building, or a fresh record posted for one by the
// organisation's admin: a write that succeeds changes nothing another row reads.
const newCharge = async (refs: Refs) => ({
  ...{ customerId: await freshCustomer(refs.property), chargeItemId: refs.chargeItem },
  amount: 100,
})
const newPayment = async (refs: Refs) => ({
  ...{ customerId: await freshCustomer(refs.property), amount: 100, method: 'cash' },
})
const newDeposit = async (refs: Refs) => ({
  ...{ customerId: await freshCustomer(refs.property), type: 'fit_out' },
  ...{ amount: 10_000, method: 'cash' },
})
const fresh = (what: string, body: (refs: Refs) => Promise<object>) => async (refs: Refs) =>
  created(await money(adminOf(refs), what, await body(refs)))
/** A fresh customer with a charge overdue since January. */
const overdue = async (refs: Refs) => {
  const charge = { ...(await newCharge(refs)), dueDate: '2026-01-01' }
  await created(await money(adminOf(refs), 'charges', charge))
  return charge.customerId
}

/** A fresh customer with 100 fen of credit (paid with nothing to pay). */
const inCredit = async (refs: Refs) => {
  const payment = await newPayment(refs)
  await created(await money(adminOf(refs), 'payments', payment))
  return payment.customerId
}

// A far day on a building's calendar that the matrix puts there to be removed.
const DAY_TO_REMOVE = '2031-05-07'

const rows: Row[] = [
  // identity
  r('POST /auth/login', 'sign in', 'public', 200, {
    body: (_, c) => ({ username: c.username, password: 'demo1234' }),
  }),
  r('POST /auth/logout', 'sign out', 'signed-in', 204, { freshSession: true }),
  r('GET /me', 'read their own account', 'signed-in', 200),
  // The same password again: a real change that leaves the account usable for later rows.
  r('POST /me/password', 'change their own password', 'signed-in', 204, {
    body: () => ({ currentPassword: 'demo1234', newPassword: 'demo1234' }),
  }),
  r('GET /departments', 'list departments', 'signed-in', 200),
  r('GET /users', 'list users', 'user.manage', 200),
  r('GET /users/:id', 'read a user', 'user.manage', 200, { ref: 'user' }),
  // A role or building of another organisation is refused like an unknown id: 400 on the field.
  r('POST /users', 'create a user', 'user.manage', 201, {
    scope: 'org',
    away: { status: 400, code: 'request.invalid' },
    body: (refs, c) => {
      const user = { username: `matrix.u${c.seq()}`, displayName: '矩阵用户', kind: 'staff' }
      return { ...user, password: PASSWORD, roleId: refs.role, propertyIds: [refs.property] }
    },
  }),
  r('PATCH /users/:id', 'change a user', 'user.manage', 200, {
    ref: 'user',
    body: version('user'),
  }),
  r('POST /users/:id/password', 'set a user’s password', 'user.manage', 204, {
    ref: 'user',
    body: () => ({ password: PASSWORD }),
  }),
  r('POST /users/:id/unlock', 'unlock a user', 'user.manage', 200, { ref: 'user' }),
  r('GET /roles', 'list roles', 'role.manage', 200),
  r('POST /roles', 'create a role', 'role.manage', 201, {
    body: (_, c) => ({ code: `matrix_${c.seq()}`, name: '矩阵角色', permissions: ['unit.read'] }),
  }),
  r('PATCH /roles/:id', 'change a role', 'role.manage', 200, {
    ref: 'role',
    body: version('role'),
  }),
  r('GET /permissions', 'list permissions', 'role.manage', 200),
  // buildings, floors, units
  r('GET /organisation', 'read their organisation', 'signed-in', 200),
  // The name it has: a real rename, which leaves every later row's expectations as they were.
  r('PATCH /organisation', 'rename the organisation', 'property.manage', 200, {
    body: (refs) => ({ name: refs.organisation }),
  }),
  r('GET /properties', 'list buildings', 'property.read', 200),
  r('GET /properties/:id', 'read a building', 'property.read', 200, { ref: 'property' }),
  r('POST /properties', 'add a building', 'property.manage', 201, {
    body: (_, c) => ({ code: `M${c.seq()}`, name: '矩阵楼' }),
  }),
  r('PATCH /properties/:id', 'change a building', 'property.manage', 200, {
    ref: 'property',
    body: version('property'),
  }),
  r('GET /properties/:propertyId/floors', 'list floors', 'unit.read', 200, { ref: 'property' }),
  r('POST /properties/:propertyId/floors', 'add a floor', 'unit.manage', 201, {
    ref: 'property',
    body: (_, c) => ({ label: `M${c.seq()}`, level: c.level(), kind: 'office' }),
  }),
  r('PATCH /floors/:id', 'change a floor', 'unit.manage', 200, {
    ref: 'floor',
    body: version('floor'),
  }),
  // A fresh empty floor each time: deleting succeeds when allowed, so a leak would show as 204.
  r('DELETE /floors/:id', 'delete a floor', 'unit.manage', 204, {
    scope: 'property',
    id: (refs, c) => c.fresh.floor(refs.property),
  }),
  r('GET /units', 'list units', 'unit.read', 200),
  r('GET /units/:id', 'read a unit', 'unit.read', 200, { ref: 'unit' }),
  r('POST /units', 'add a unit', 'unit.manage', 201, {
    scope: 'property',
    body: (refs, c) => ({ floorId: refs.floor, number: `M${c.seq()}`, kind: 'office', areaM2: 50 }),
  }),
  r('DELETE /units/:id', 'remove a unit', 'unit.manage', 204, {
    scope: 'property',
    id: (refs, c) => c.fresh.unit(refs.floor),
  }),
  r('PATCH /units/:id', 'change a unit', 'unit.manage', 200, {
    ref: 'unit',
    body: version('unit'),
  }),
  // customers
  r('GET /customers', 'search customers', 'customer.read', 200),
  r('GET /customers/:id', 'read a customer', 'customer.read', 200, { ref: 'customer' }),
  r('POST /customers', 'register a customer', 'customer.manage', 201, {
    scope: 'property',
    body: (refs) => ({ propertyId: refs.property, kind: 'company', name: '矩阵客户' }),
  }),
  r('PATCH /customers/:id', 'change a customer', 'customer.manage', 200, {
    ref: 'customer',
    body: version('customer'),
  }),
  r('DELETE /customers/:id', 'remove a customer', 'customer.manage', 204, {
    scope: 'property',
    id: (refs, c) => c.fresh.customer(refs.property),
  }),
  r('POST /customers/:id/reveal', 'reveal a customer', 'customer.reveal', 200, { ref: 'customer' }),
  // A past year of its own per call: owners never clash, and the unit's status today stays as it is.
  r('POST /customers/:id/occupancies', 'link a customer to a unit', 'customer.manage', 201, {
    ref: 'customer',
    body: (refs, c) => {
      const y = year(c)
      return { unitId: refs.unit, role: 'owner', fromDate: `${y}-01-01`, toDate: `${y}-12-31` }
    },
  }),
  // A fresh future occupancy each time, ended before it starts.
  r('POST /occupancies/:id/end', 'end an occupancy', 'customer.manage', 200, {
    scope: 'property',
    id: (refs, c) => c.fresh.occupancy(refs.customer, refs.unit),
    body: () => ({ toDate: '2031-06-30', version: 1 }),
  }),
  // audit
  r('GET /audit', 'read the audit log', 'audit.read', 200),
  // billing
  r('GET /billing/charge-items', 'list charge items', 'billing.read', 200),
  r('POST /billing/charge-items', 'add a charge item', 'billing.configure', 201, {
    body: (_, c) => ({ code: `matrix_${c.seq()}`, name: '矩阵收费', kind: 'fixed_fee' }),
  }),
  r('PATCH /billing/charge-items/:id', 'change a charge item', 'billing.configure', 200, {
    ref: 'chargeItem',
    body: version('chargeItem'),
  }),
  r('GET /billing/rates', 'list a building’s rates', 'billing.read', 200, inBuilding),
  // A later year each call, for the matrix's own item: no bill run reads these rates.
  r('POST /billing/rates', 'set a rate', 'billing.configure', 201, {
    scope: 'property',
    body: (refs, c) => ({
      ...{ propertyId: refs.property, chargeItemId: refs.chargeItem, basis: 'fixed' },
      ...{ amount: 100, effectiveFrom: `${year(c) + 300}-01-01` },
    }),
  }),
  // This month's run again: it creates nothing twice.
  r('POST /billing/bill-runs', 'run a month’s bills', 'billing.manage', 200, {
    scope: 'property',
    body: (refs) => ({ propertyId: refs.property, period: '2026-11' }),
  }),
  r('GET /billing/bills', 'list bills', 'billing.read', 200),
  r('GET /billing/charges', 'list charges', 'billing.read', 200),
  r('POST /billing/charges', 'post a charge', 'billing.manage', 201, {
    ...{ scope: 'property', money: true, body: newCharge },
  }),
  r('POST /billing/charges/:id/reverse', 'reverse a charge', 'billing.manage', 200, {
    ...{ scope: 'property', money: true, id: fresh('charges', newCharge) },
    body: () => ({ reason: '误录费用' }),
  }),
  r('GET /billing/payments', 'list payments', 'billing.read', 200),
  r('POST /billing/payments', 'record a payment', 'billing.manage', 201, {
    ...{ scope: 'property', money: true, body: newPayment },
  }),
  r('POST /billing/payments/:id/reverse', 'reverse a payment', 'billing.manage', 200, {
    ...{ scope: 'property', money: true, id: fresh('payments', newPayment) },
    body: () => ({ reason: '误录收款' }),
  }),
  r('POST /billing/customers/:id/apply-credit', 'apply credit', 'billing.manage', 200, {
    ...{ ref: 'customer', money: true },
  }),
  r('POST /billing/customers/:id/refund-credit', 'refund credit', 'billing.manage', 201, {
    ...{ scope: 'property', money: true, id: inCredit, body: () => ({ method: 'cash' }) },
  }),
  r('GET /billing/customers/:id/statement', 'read a statement', 'billing.read', 200, {
    ref: 'customer',
  }),
  r('GET /billing/customers/:id/settlement', 'read a settlement', 'billing.read', 200, {
    ref: 'customer',
  }),
  r('GET /billing/arrears', 'list arrears', 'billing.read', 200, inBuilding),
  r('POST /billing/customers/:id/reminders', 'issue a reminder', 'billing.manage', 201, {
    ...{ scope: 'property', money: true, id: overdue, body: () => ({ level: 'first' }) },
  }),
  r('GET /billing/customers/:id/reminders', 'list reminders', 'billing.read', 200, {
    ref: 'customer',
  }),
  r('GET /billing/reminders/:id', 'read a reminder', 'billing.read', 200, { ref: 'reminder' }),
  r('GET /billing/deposits', 'list deposits', 'billing.read', 200),
  r('GET /billing/deposits/:id', 'read a deposit', 'billing.read', 200, { ref: 'deposit' }),
  r('POST /billing/deposits', 'receive a deposit', 'billing.manage', 201, {
    ...{ scope: 'property', money: true, body: newDeposit },
  }),
  r('POST /billing/deposits/:id/deduct', 'deduct from a deposit', 'billing.manage', 200, {
    ...{ scope: 'property', money: true, id: fresh('deposits', newDeposit) },
    body: () => ({ amount: 100, reason: '损坏赔偿' }),
  }),
  r('POST /billing/deposits/:id/refund', 'refund a deposit', 'billing.manage', 200, {
    ...{ scope: 'property', money: true, id: fresh('deposits', newDeposit) },
    body: () => ({ method: 'cash' }),
  }),
  r('POST /billing/deposits/:id/schedule-refund', 'schedule a refund', 'billing.manage', 200, {
    ref: 'deposit',
    body: async (refs, c) => ({
      reinspectedOn: '2026-11-29',
      ...(await version('deposit')(refs, c)),
    }),
  }),
  // Building-wide figures: a customer account holds billing.read for its own rows only.
  r('GET /billing/collection-rate', 'read the collection rate', 'billing.read', 200, {
    ...{
      staffOnly: true,
      scope: 'property',
      query: (refs) => `${building(refs)}&from=2026-08&to=2026-11`,
    },
  }),
  r('GET /billing/exports/:table', 'export bills', 'billing.export', 200, {
    ...{ ...inBuilding, id: () => 'bills', type: XLSX },
  }),
  // cases: each call gets a fresh complaint in the caller's department queue (a customer's own),
  // made by the organisation's admin, so that every role sees it exactly as its scope says.
  r('GET /cases', 'list cases', 'case.read', 200, inBuilding),
  r('POST /cases', 'open a case', 'case.create', 201, {
    ...{ scope: 'property', body: (refs) => ({ ...caseOf(refs), title: '矩阵登记' }) },
  }),
  r('GET /cases/views', 'list saved views', 'case.read', 200),
  r('POST /cases/views', 'save a view', 'case.read', 201, {
    body: (_, c) => ({ name: `矩阵视图${c.seq()}`, query: { status: 'open' } }),
  }),
  r('DELETE /cases/views/:id', 'delete a saved view', 'case.read', 204, {
    ...{ scope: 'org', id: freshView },
  }),
  r('GET /cases/assignable', 'list staff to dispatch', 'case.assign', 200, {
    ...{ ...inBuilding, staffOnly: true },
  }),
  // A building's move calendar: a customer account holds case.read for its own cases only.
  r('GET /cases/moves', 'read the move calendar', 'case.read', 200, {
    ...{ scope: 'property', staffOnly: true },
    query: (refs) => `${building(refs)}&from=2026-11-01&to=2026-11-30`,
  }),
  r('GET /cases/:id', 'read a case', 'case.read', 200, { scope: 'property', id: freshCase }),
  r('POST /cases/:id/actions/:action', 'escalate a case', 'case.escalate', 200, {
    ...{ scope: 'property', id: freshCase, params: { action: 'escalate' } },
    body: () => ({ version: 1, reason: '矩阵上报测试' }),
  }),
  r('POST /cases/:id/comments', 'comment on a case', 'case.comment', 201, {
    ...{ scope: 'property', id: freshCase, body: () => ({ text: '矩阵备注' }) },
  }),
  // JSON is not a file: a caller who may attach to the case is told so (415); others 404.
  r('POST /cases/:id/attachments', 'attach a file', 'case.comment', 415, {
    ...{ scope: 'property', id: freshCase, body: () => ({}) },
  }),
  r('GET /cases/:id/attachments/:attachmentId', 'read an attachment', 'case.read', 200, {
    ...{ scope: 'property', id: freshCase, type: 'image/png' },
    params: { attachmentId: (refs, _, id) => attachPhoto(refs, id) },
  }),
  r('POST /cases/:id/reveal-contact', "reveal a case's contact", 'customer.reveal', 200, {
    ...{ scope: 'property', id: freshCase, staffOnly: true },
  }),
  r('POST /cases/:id/print', 'record a print', 'case.read', 204, {
    ...{ scope: 'property', id: freshCase, staffOnly: true },
  }),
  // fit-outs: a fresh fit-out of the refs' customer (every staff member of its building sees it;
  // a customer only their own), and a pass of one as the gate looks it up (staff only).
  r('GET /fit-outs/board', 'read the fit-out board', 'case.read', 200, {
    ...{ ...inBuilding, staffOnly: true },
  }),
  r('GET /cases/:id/passes', "list a fit-out's passes", 'case.read', 200, {
    ...{ scope: 'property', id: freshFitOut },
  }),
  r('GET /fit-outs/passes/:id', 'look up a pass at the gate', 'case.read', 200, {
    ...{ scope: 'property', id: freshPass, staffOnly: true },
  }),
  // settings (staff only: a customer account holds case.read for its own cases)
  r('GET /settings/deadline-policies', 'list deadline policies', 'case.read', 200, {
    staffOnly: true,
  }),
  // The default values again, at the version stored: a real write that changes no deadline.
  r(
    'PUT /settings/deadline-policies/:caseType/:priority',
    'set a deadline policy',
    'case.configure',
    200,
    {
      ...{ staffOnly: true, id: () => 'liaison', params: { priority: 'emergency' } },
      body: async (refs) => ({
        ...defaultDeadlinePolicies.liaison.emergency,
        version: await policyVersion(refs.property, 'liaison', 'emergency'),
      }),
    },
  ),
  r('GET /settings/calendars/:propertyId', 'read a building’s calendar', 'case.read', 200, {
    ...{ ref: 'property', staffOnly: true },
  }),
  r(
    'PATCH /settings/calendars/:propertyId',
    'change a building’s calendar',
    'case.configure',
    200,
    {
      ...{ ref: 'property', staffOnly: true },
      body: async (refs) => ({ version: await calendarVersion(refs.property) }),
    },
  ),
  r('PUT /settings/calendars/:propertyId/days/:date', 'mark a holiday', 'case.configure', 200, {
    ...{ ref: 'property', staffOnly: true, params: { date: '2031-05-06' } },
    body: () => ({ kind: 'holiday', name: '矩阵假日' }),
  }),
  // A day put there for each call: removing succeeds when allowed, so a leak would show as 204.
  r(
    'DELETE /settings/calendars/:propertyId/days/:date',
    'remove a calendar day',
    'case.configure',
    204,
    {
      ...{ scope: 'property', staffOnly: true, params: { date: DAY_TO_REMOVE } },
      id: async (refs) => dayToRemove(refs.property),
    },
  ),
  r(
    'POST /settings/calendars/:propertyId/import-official',
    'import official holidays',
    'case.configure',
    200,
    {
      ...{ ref: 'property', staffOnly: true, body: () => ({ year: 2026 }) },
    },
  ),
  // notifications: every signed-in user's own inbox; someone else's notification is 404
  r('GET /notifications', 'list their notifications', 'signed-in', 200),
  r('GET /notifications/unread-count', 'count their unread notifications', 'signed-in', 200),
  r('POST /notifications/:id/read', 'mark a notification read', 'signed-in', 200, {
    ...{ scope: 'org', id: notificationFor },
  }),
  // The dashboard: the whole building's cases (case.read_all); money figures only with billing.read.
  r('GET /dashboard', 'read the dashboard', 'case.read_all', 200, {
    ...{ ...inBuilding, staffOnly: true },
  }),
  r('POST /notifications/read-all', 'mark their notifications read', 'signed-in', 200),
]

/** A fresh notification: the caller's own in their organisation, else one of refs.user's. */
async function notificationFor(refs: Refs, c: Ctx) {
  const [caller] = await t.db.select().from(users).where(eq(users.username, c.username))
  const [target] = await t.db.select().from(users).where(eq(users.id, refs.user))
  const owner = caller && caller.orgId === target?.orgId ? caller : target
  if (!owner) throw new Error('fixture record missing')
  const note = { orgId: owner.orgId, userId: owner.id, template: 'case.assigned' }
  const [row] = await insertNotifications(t.db, [{ ...note, createdAt: t.clock.now() }])
  return row!.id
}

/** The version of a policy stored for the organisation of a building; 0 while it is the default. */
async function policyVersion(propertyId: string, caseType: 'liaison', priority: 'emergency') {
  const { orgId } = await one(t.db.select().from(properties).where(eq(properties.id, propertyId)))
  const [row] = await t.db
    .select({ v: deadlinePolicies.version })
    .from(deadlinePolicies)
    .where(
      and(
        eq(deadlinePolicies.orgId, orgId),
        eq(deadlinePolicies.caseType, caseType),
        eq(deadlinePolicies.priority, priority),
      ),
    )
  return row?.v ?? 0
}

async function calendarVersion(propertyId: string) {
  const where = eq(workCalendars.propertyId, propertyId)
  const [row] = await t.db.select({ v: workCalendars.version }).from(workCalendars).where(where)
  return row?.v ?? 0
}

/** Puts DAY_TO_REMOVE on a building's calendar; returns the building. */
async function dayToRemove(propertyId: string) {
  const { orgId } = await one(t.db.select().from(properties).where(eq(properties.id, propertyId)))
  const day = { propertyId, orgId, date: DAY_TO_REMOVE, kind: 'holiday' as const }
  await t.db.insert(calendarDays).values(day).onConflictDoNothing()
  return propertyId
}

type Away = { label: string; level: 'org' | 'property'; refs: () => Refs }
type Role = {
  username: string
  role: keyof typeof builtinRoles
  home: () => Refs
  away: Away[]
  leaks: () => string[]
}

let t: TestApp
const clients: Record<string, Client> = {}
let demo: Refs, other: Refs, slb: Refs, otherCustomer: Refs
let slbId = ''
const orgAway: Away = { label: 'another organisation', level: 'org', refs: () => other }
const demoLeaks = () => ['其他大厦', '外部公司', '其他物业']
const slLeaks = () => [...demoLeaks(), '示例公寓B座', slbId]
const slStaff = (username: string, role: keyof typeof builtinRoles): Role => ({
  username,
  role,
  home: () => demo,
  away: [orgAway, { label: 'building SLB', level: 'property', refs: () => slb }],
  leaks: slLeaks,
})

const matrixRoles: Role[] = [
  { username: 'admin', role: 'admin', home: () => demo, away: [orgAway], leaks: demoLeaks },
  { username: 'manager', role: 'manager', home: () => demo, away: [orgAway], leaks: demoLeaks },
  slStaff('cs.supervisor', 'supervisor'),
  slStaff('cs.agent', 'agent'),
  slStaff('fin.staff', 'finance'),
  slStaff('eng.head', 'department_head'),
  slStaff('eng.tech', 'department_staff'),
  {
    username: 'tenant.office',
    role: 'customer',
    home: () => demo,
    away: [orgAway, { label: 'another customer', level: 'property', refs: () => otherCustomer }],
    leaks: () => [...slLeaks(), otherCustomer.customer],
  },
  {
    username: OTHER_ORG.admin,
    role: 'admin',
    home: () => other,
    away: [{ label: 'another organisation', level: 'org', refs: () => demo }],
    leaks: () => ['示例大厦', '示例公寓B座', '示例物业'],
  },
]

let counter = 0
let levels = 40 // demo floors use levels 1–31, the other organisation's 1
// What a row's builders may use; `fresh` makes records for one call, so a delete or an end that
// succeeds breaks no later row.
const ctxOf = (username: string) => ({
  username,
  seq: () => ++counter,
  level: () => ++levels,
  version: async (table: keyof typeof tables, id: string) => {
    const source = tables[table]
    const [row] = await t.db.select({ v: source.version }).from(source).where(eq(source.id, id))
    return row?.v ?? 1
  },
  fresh: {
    floor: async (propertyId: string) => {
      const { orgId } = await one(
        t.db.select().from(properties).where(eq(properties.id, propertyId)),
      )
      const level = ++levels
      const floor = { orgId, propertyId, label: `E${level}`, level, kind: 'office' as const }
      return (await insertFloor(t.db, floor)).id
    },
    unit: async (floorId: string) => {
      const { orgId, propertyId } = await one(
        t.db.select().from(floors).where(eq(floors.id, floorId)),
      )
      const unit = { orgId, propertyId, floorId, number: `D${++counter}`, kind: 'office' as const }
      return (await insertUnit(t.db, { ...unit, areaM2: 50 })).id
    },
    customer: freshCustomer,
    // Starts after today, so it changes nobody's occupants or scope before it is ended.
    occupancy: async (customerId: string, unitId: string) => {
      const { orgId, propertyId } = await one(t.db.select().from(units).where(eq(units.id, unitId)))
      const role = 'owner' as const
      const o = { orgId, propertyId, unitId, customerId, role, fromDate: '2031-01-01' }
      return (await insertOccupancy(t.db, o)).id
    },
  },
})

async function freshCustomer(propertyId: string) {
  const { orgId } = await one(t.db.select().from(properties).where(eq(properties.id, propertyId)))
  const customer = { orgId, propertyId, kind: 'person' as const, name: '误录客户' }
  return (await insertCustomer(t.db, customer)).id
}

/** A complaint of the refs' building and customer. */
const caseOf = (refs: Refs) => ({
  type: 'complaint',
  propertyId: refs.property,
  customerId: refs.customer,
})
/** A fresh case in the caller's department queue, opened by the organisation's admin. */
async function freshCase(refs: Refs, c: Ctx) {
  const [user] = await t.db.select().from(users).where(eq(users.username, c.username))
  const department = user?.department ?? 'customer_service'
  // The customer's own building (the refs' building may be another, to be out of scope).
  const [customer] = await t.db.select().from(customers).where(eq(customers.id, refs.customer))
  const propertyId = customer?.propertyId ?? refs.property
  const body = { ...caseOf(refs), propertyId, title: '矩阵工单', department }
  return created(await adminOf(refs).post('/api/v1/cases', body))
}
/** A fresh fit-out of the refs' customer, in a new office of the customer's building. */
async function freshFitOut(refs: Refs, c: Ctx) {
  const [customer] = await t.db.select().from(customers).where(eq(customers.id, refs.customer))
  if (!customer) throw new Error('fixture record missing')
  const floor = await one(
    t.db.select().from(floors).where(eq(floors.propertyId, customer.propertyId)),
  )
  const body = {
    ...{ type: 'fit_out', propertyId: customer.propertyId, customerId: customer.id },
    ...{ unitId: await c.fresh.unit(floor.id), title: '矩阵装修' },
    data: {
      contractor: {
        name: '矩阵装饰',
        licenceNumber: 'M0001',
        siteLead: '何工',
        siteLeadPhone: '13611112222',
      },
      ...{ scope: ['partitions'], startDate: '2026-12-01', endDate: '2026-12-31', workerCount: 1 },
    },
  }
  return created(await adminOf(refs).post('/api/v1/cases', body))
}
/** A pass of a fresh fit-out, as security issues one (written as the engine's effect writes it). */
async function freshPass(refs: Refs, c: Ctx) {
  const caseId = await freshFitOut(refs, c)
  const [fitOut] = await t.db.select().from(cases).where(eq(cases.id, caseId))
  const issuer = await one(t.db.select().from(users).where(eq(users.orgId, fitOut!.orgId)))
  const at = t.clock.now()
  const [pass] = await t.db
    .insert(fitOutPasses)
    .values({
      ...{ orgId: fitOut!.orgId, propertyId: fitOut!.propertyId, caseId },
      ...{ number: `${fitOut!.number}-01`, workerName: '王师傅', workerRole: '电工' },
      ...{ idNumber: '110101199003071234', phone: '13812345678' },
      ...{ validFrom: '2026-12-01', validTo: '2026-12-31', issuedBy: issuer.id },
      ...{ issuedAt: at, updatedAt: at },
    })
    .returning()
  return pass!.id
}
/** The caller's own saved view at home; the other organisation admin's one away. */
async function freshView(refs: Refs, c: Ctx) {
  const home = matrixRoles.find((r) => r.username === c.username)?.home() === refs
  const owner = home ? clients[c.username]! : adminOf(refs)
  return created(await owner.post('/api/v1/cases/views', { name: `视图${c.seq()}`, query: {} }))
}
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)
/** A photo on the case, visible to the customer, uploaded by the organisation's admin. */
async function attachPhoto(refs: Refs, caseId: string) {
  const b = '----matrix'
  const body = Buffer.concat([
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="visibleToCustomer"\r\n\r\ntrue\r\n`,
    ),
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\n`),
    Buffer.from('Content-Type: image/png\r\n\r\n'),
    PNG,
    Buffer.from(`\r\n--${b}--\r\n`),
  ])
  const res = await adminOf(refs).request('POST', `/api/v1/cases/${caseId}/attachments`, body, {
    'content-type': `multipart/form-data; boundary=${b}`,
  })
  return created(res)
}

const key = () => ({ 'idempotency-key': randomUUID() })
const money = (client: Client, what: string, body: object) =>
  client.request('POST', `/api/v1/billing/${what}`, body, key())
const adminOf = (refs: Refs) =>
  clients[refs.organisation === other.organisation ? OTHER_ORG.admin : 'admin']!

/** The one row a fixture query finds. */
async function one<T>(rows: PromiseLike<T[]>) {
  const [row] = await rows
  if (!row) throw new Error('fixture record missing')
  return row
}

async function floorId(propertyCode: string, label: string) {
  const propertyId = await t.ids.property(propertyCode)
  const where = and(eq(floors.propertyId, propertyId), eq(floors.label, label))
  const [row] = await t.db.select().from(floors).where(where)
  if (!row) throw new Error(`no floor ${label} in ${propertyCode}`)
  return row.id
}

async function organisationName(client: Client) {
  return (await client.get('/api/v1/organisation')).json<{ name: string }>().name
}

async function created(res: { statusCode: number; body: string; json: () => unknown }) {
  if (res.statusCode !== 201) throw new Error(`fixture failed: ${res.statusCode} ${res.body}`)
  return (res.json() as { id: string }).id
}

/** A custom role and a target user of one organisation: rows change them, never a demo login. */
async function orgFixtures(admin: Client, prefix: string, propertyId: string) {
  const probe = { code: `${prefix}_probe`, name: '探针', permissions: ['unit.read'] }
  const role = await created(await admin.post('/api/v1/roles', probe))
  const target = {
    username: `${prefix}.target`,
    displayName: '目标',
    kind: 'staff',
    password: PASSWORD,
  }
  const user = await created(
    await admin.post('/api/v1/users', { ...target, roleId: role, propertyIds: [propertyId] }),
  )
  return { role, user }
}

/** A customer's overdue charge, reminder and deposit, made by their organisation's admin. */
async function moneyFixtures(admin: Client, customerId: string, chargeItem: string) {
  const post = async (what: string, body: object) => created(await money(admin, what, body))
  await post('charges', {
    customerId,
    chargeItemId: chargeItem,
    amount: 100,
    dueDate: '2026-01-01',
  })
  const reminder = await post(`customers/${customerId}/reminders`, { level: 'first' })
  const held = { customerId, type: 'fit_out', amount: 10_000, method: 'cash' }
  return { chargeItem, reminder, deposit: await post('deposits', held) }
}

async function chargeItem(admin: Client, code: string, kind = 'fixed_fee') {
  return created(await admin.post('/api/v1/billing/charge-items', { code, name: '矩阵', kind }))
}

beforeAll(async () => {
  t = await startTestApp()
  for (const role of matrixRoles) clients[role.username] = await t.signIn(role.username)
  const admin = clients['admin']!
  const [sl, ot] = [await t.ids.property('SL'), await t.ids.property('OT')]
  slbId = await t.ids.property('SLB')
  const [office, external] = [
    await t.ids.customerOf('tenant.office'),
    await t.ids.customer('外部公司'),
  ]
  demo = {
    ...{ property: sl, floor: await floorId('SL', '2F'), unit: await t.ids.unit('201') },
    ...{ customer: office },
    ...(await orgFixtures(admin, 'matrix', sl)),
    ...(await moneyFixtures(admin, office, await chargeItem(admin, 'matrix_item'))),
    organisation: await organisationName(admin),
  }
  const them = clients[OTHER_ORG.admin]!
  other = {
    ...{ property: ot, floor: await floorId('OT', '1F'), unit: await t.ids.unit('101', 'OT') },
    ...{ customer: external },
    ...(await orgFixtures(them, 'other', ot)),
    ...(await moneyFixtures(them, external, await chargeItem(them, 'other_item'))),
    organisation: await organisationName(them),
  }
  // The other organisation bills nothing yet: a management-fee rate lets its admin run bills.
  const fee = { chargeItemId: await chargeItem(them, 'management_fee', 'management_fee') }
  const rate = { ...fee, propertyId: ot, basis: 'per_m2_month', amount: 2500 }
  await created(await them.post('/api/v1/billing/rates', { ...rate, effectiveFrom: '2026-01-01' }))
  // 示例公寓B座 has no customers in the demo data: give it one, living in B101.
  const unit = await t.ids.unit('B101', 'SLB')
  const resident = { propertyId: slbId, kind: 'person', name: 'B座住户' }
  const customer = await created(await admin.post('/api/v1/customers', resident))
  const since = { unitId: unit, role: 'owner', fromDate: '2025-01-01' }
  await created(await admin.post(`/api/v1/customers/${customer}/occupancies`, since))
  const floor = await floorId('SLB', '1F')
  const slbMoney = await moneyFixtures(admin, customer, demo.chargeItem)
  slb = { ...demo, property: slbId, floor, unit, customer, ...slbMoney }
  const neighbour = await t.ids.customerOf('tenant.apartment')
  const neighbourMoney = await moneyFixtures(admin, neighbour, demo.chargeItem)
  otherCustomer = { ...slb, unit: await t.ids.unit('1201'), customer: neighbour, ...neighbourMoney }
})
afterAll(() => t.close())

async function send(client: Client, row: Row, refs: Refs | null, ctx: Ctx) {
  // No refs: the path parameter is an id nobody has, and the body is empty.
  const id = refs && row.id ? await row.id(refs, ctx) : randomUUID()
  const body = refs && row.body ? await row.body(refs, ctx) : row.method === 'POST' ? {} : undefined
  const query = refs && row.query ? `?${await row.query(refs, ctx)}` : ''
  const values: Record<string, string> = {}
  for (const [param, value] of Object.entries(row.params ?? {}))
    values[param] =
      typeof value === 'string' ? value : refs ? await value(refs, ctx, id) : randomUUID()
  const more = (name: string, param: string) => values[param] ?? name
  const path = `/api/v1${row.path.replace(/:\w+/, id).replace(/:(\w+)/g, more)}${query}`
  return { path, res: await client.request(row.method, path, body, row.money ? key() : {}) }
}

const allowed = (row: Row, role: Role) =>
  !(row.staffOnly && role.role === 'customer') &&
  (row.permission === 'public' ||
    row.permission === 'signed-in' ||
    (builtinRoles[role.role]?.permissions ?? []).includes(row.permission))

for (const row of rows) {
  describe(`${row.method} ${row.path}`, () => {
    for (const role of matrixRoles) {
      const who = role.username
      const aways = row.scope
        ? role.away.filter((a) => row.scope === 'property' || a.level === 'org')
        : []
      if (!allowed(row, role)) {
        it(`${who}: cannot ${row.what}, whatever the record (403)`, async () => {
          const refs = row.scope ? [null, role.home(), ...aways.map((a) => a.refs())] : [null]
          for (const r of refs) {
            const { path, res } = await send(clients[who]!, row, r, ctxOf(who))
            expect(res.statusCode, `${path}: ${res.body}`).toBe(403)
            expect(res.json()).toMatchObject({ code: 'forbidden', permission: row.permission })
          }
        })
        continue
      }
      it(`${who}: can ${row.what} (${row.ok})`, async () => {
        const client = row.freshSession
          ? await t.signIn(who)
          : row.permission === 'public'
            ? t.anonymous
            : clients[who]!
        const { res } = await send(client, row, role.home(), ctxOf(who))
        expect(res.statusCode, res.body).toBe(row.ok)
        if (row.type) expect(res.headers['content-type']).toBe(row.type)
        for (const leak of role.leaks()) expect(res.body).not.toContain(leak)
      })
      for (const away of aways) {
        const expected = (away.level === 'org' && row.away) || { status: 404, code: 'not_found' }
        it(`${who}: cannot ${row.what} of ${away.label} (${expected.status})`, async () => {
          const { res } = await send(clients[who]!, row, away.refs(), ctxOf(who))
          expect(res.statusCode, res.body).toBe(expected.status)
          expect(res.json()).toMatchObject({ code: expected.code })
          for (const leak of role.leaks()) expect(res.body).not.toContain(leak)
        })
      }
    }
  })
}

describe('every route', () => {
  const signedIn = rows.filter((row) => row.permission !== 'public')
  it.each(signedIn)('anyone: cannot $method $path without a session (401)', async (row) => {
    const { res } = await send(t.anonymous, row, null, ctxOf(''))
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({ code: 'auth.unauthenticated' })
  })

  const unsafe = signedIn.filter((row) => row.method !== 'GET')
  it.each(unsafe)('admin: cannot $method $path without the CSRF token (403)', async (row) => {
    const noCsrf = new Client(t.app, { ...clients['admin']!.cookies, atrium_csrf: '' })
    const { res } = await send(noCsrf, row, null, ctxOf('admin'))
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'auth.csrf' })
  })

  it('every login of the matrix holds exactly the permissions of its built-in role', async () => {
    for (const role of matrixRoles) {
      const me = (await clients[role.username]!.get('/api/v1/me')).json<{
        permissions: string[]
        role: { code: string }
      }>()
      expect(me.role.code, role.username).toBe(role.role)
      expect(me.permissions, role.username).toEqual(
        [...builtinRoles[role.role]!.permissions].sort(),
      )
    }
  })

  // The live stream never ends, and app.inject waits for the end: only its refusal is checked
  // here. Who receives what on it is tested over a real socket in notifications.test.ts.
  const streams = ['GET /api/v1/events']
  it('anyone: cannot open the live stream without a session (401)', async () => {
    const res = await t.anonymous.get('/api/v1/events')
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({ code: 'auth.unauthenticated' })
  })

  it('every /api/v1 route of the OpenAPI document has a row, and every row a route', async () => {
    const doc = await t.anonymous.get('/api/openapi.json')
    const paths = doc.json<{ paths: Record<string, Record<string, unknown>> }>().paths
    const documented = Object.entries(paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .filter((route) => !streams.includes(route))
    const inMatrix = rows.map(
      (row) => `${row.method} /api/v1${row.path.replace(/:(\w+)/g, '{$1}')}`,
    )
    expect(documented.sort()).toEqual(inMatrix.sort())
  })
})
