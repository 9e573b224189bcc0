import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fc, test as fcTest } from '@fast-check/vitest'
import { eq } from 'drizzle-orm'
import type { LightMyRequestResponse } from 'fastify'
import { floors, occupancies, users } from '../../src/db/schema'
import { startTestApp, type Client, type TestApp } from '../support/app'
import { OTHER_ORG } from '../support/other-org'

// Bad input gets 4xx problem+json, never 500 and never another organisation's data. Every case
// is sent by the demo admin, who holds every permission: only the input decides the answer.

const kinds = ['property', 'floor', 'unit', 'customer', 'occupancy', 'user', 'role'] as const
type Ids = Record<(typeof kinds)[number], string>
type Body = Record<string, unknown>
type Spec = {
  route: string
  /** The path parameter: a record of the caller's own organisation. */
  id?: keyof Ids
  /** A valid body: `body` holds the required fields, `optional` the others. */
  body?: (x: Ids) => Body
  optional?: (x: Ids) => Body
  /** Body fields that name a record: which kind, and the status of an id nobody may use. */
  refs?: Record<string, [keyof Ids, number]>
  /** Query parameters that must be refused (400 with the parameter as the field). */
  query?: string[]
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

const specs: Spec[] = [
  { route: 'POST /auth/login', body: () => ({ username: 'admin', password: 'demo1234' }) },
  { route: 'POST /auth/logout' },
  { route: 'POST /me/password', body: () => ({ currentPassword: 'demo1234', newPassword: 'x1' }) },
  { route: 'GET /users', query: [...common, `q=${LONG}`] },
  { route: 'GET /users/:id', id: 'user' },
  {
    route: 'POST /users',
    body: (x) => ({
      username: 'new.one',
      displayName: '新',
      kind: 'staff',
      roleId: x.role,
      password: 'Matrix12345',
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
    id: 'user',
    body: version,
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
    id: 'role',
    body: version,
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
    id: 'property',
    body: version,
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
    id: 'floor',
    body: version,
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
    id: 'unit',
    body: version,
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
    id: 'customer',
    body: version,
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

async function occupancyOf(customerId: string) {
  const [row] = await t.db.select().from(occupancies).where(eq(occupancies.customerId, customerId))
  if (!row) throw new Error(`no occupancy of ${customerId}`)
  return row.id
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
  }
  theirs = {
    ...{ property: ot, floor: await firstFloor(ot), unit: await t.ids.unit('101', 'OT') },
    ...{ customer: external, occupancy: await occupancyOf(external) },
    ...{ user: await t.ids.user(OTHER_ORG.admin), role: await roleOf(OTHER_ORG.admin) },
  }
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

const methodOf = (spec: Spec) => spec.route.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'DELETE'
const urlOf = (spec: Spec, id: string) =>
  `/api/v1${spec.route.split(' ')[1]!.replace(/:\w+/, encodeURIComponent(id))}`
const paramOf = (spec: Spec) => /:(\w+)/.exec(spec.route)?.[1] ?? 'id'
const send = (spec: Spec, id: string, body?: unknown, headers?: Record<string, string>) =>
  admin.request(methodOf(spec), urlOf(spec, id), body, headers)
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
    ]
    for (const url of queries) {
      const res = await admin.get(url)
      expect(res.statusCode, url).toBe(200)
      expect(res.json<{ items: unknown[] }>().items, url).toEqual([])
      for (const leak of LEAKS) expect(res.body, url).not.toContain(leak)
    }
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
      const res = await admin.get(`${urlOf(spec, '')}?${query}`)
      expectProblem(res, 400, query.split('=')[0])
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
