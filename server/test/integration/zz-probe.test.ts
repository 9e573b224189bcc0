import { afterAll, beforeAll, it } from 'vitest'
import { startTestApp, type Client, type TestApp } from '../support/app'

let t: TestApp
let admin: Client
beforeAll(async () => {
  t = await startTestApp()
  admin = await t.signIn('admin')
})
afterAll(() => t.close())
const cur = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')

it('probe', async () => {
  const sl = await t.ids.property('SL')
  const u = await t.ids.unit('201')
  const cases: [string, string, unknown?, Record<string, string>?][] = [
    ['GET', `/api/v1/units?cursor=${cur([1e20, 'x', crypto.randomUUID()])}`],
    ['GET', `/api/v1/units?cursor=${cur([1.5, 'x', crypto.randomUUID()])}`],
    ['GET', `/api/v1/units?cursor=${cur([1, 'x', 'nope'])}`],
    ['GET', `/api/v1/customers?cursor=${cur(['a', 'nope'])}`],
    ['GET', `/api/v1/customers?cursor=${cur(['a\u0000', crypto.randomUUID()])}`],
    ['GET', `/api/v1/users?cursor=${cur(['a', 'nope'])}`],
    ['GET', `/api/v1/audit?cursor=${cur(['not-a-date', 1])}`],
    ['GET', `/api/v1/audit?cursor=${cur(['2026-01-01T00:00:00Z', 1e300])}`],
    ['GET', `/api/v1/audit?cursor=${cur(['2026-01-01T00:00:00Z', 1.5])}`],
    ['GET', `/api/v1/audit?from=2026-02-30T00:00:00Z`],
    ['GET', `/api/v1/audit?entityId=%00`],
    ['GET', `/api/v1/customers?q=%00`],
    ['GET', `/api/v1/units?q=%00`],
    ['GET', `/api/v1/users?q=%00`],
    ['GET', `/api/v1/units?limit=1e9`],
    ['GET', `/api/v1/units?limit=1.5`],
    ['GET', `/api/v1/units?limit=-1`],
    ['GET', `/api/v1/units?limit=abc&limit=3`],
    ['GET', `/api/v1/units?propertyId=nope`],
    ['GET', `/api/v1/units?extra=1`],
    ['POST', '/api/v1/customers', { propertyId: sl, kind: 'company', name: 'a\u0000b' }],
    ['POST', '/api/v1/customers', { propertyId: crypto.randomUUID(), kind: 'company', name: 'ab' }],
    ['POST', '/api/v1/customers', { propertyId: sl, kind: 'company', name: 'ab', notes: 'x'.repeat(10000) }],
    ['POST', '/api/v1/auth/login', { username: 'a\u0000', password: 'x' }],
    ['POST', `/api/v1/customers/${crypto.randomUUID()}/occupancies`, { unitId: u, role: 'owner', fromDate: '2026-02-30' }],
    ['POST', `/api/v1/customers/${crypto.randomUUID()}/occupancies`, { unitId: u, role: 'owner', fromDate: '0000-01-01' }],
    ['POST', `/api/v1/customers/${crypto.randomUUID()}/occupancies`, { unitId: u, role: 'owner', fromDate: '99999-01-01' }],
    ['POST', '/api/v1/customers', '{bad', { 'content-type': 'application/json' }],
    ['POST', '/api/v1/customers', '', { 'content-type': 'application/json' }],
    ['POST', '/api/v1/customers', 'hello', { 'content-type': 'text/plain' }],
    ['POST', '/api/v1/customers', '<a/>', { 'content-type': 'application/xml' }],
    ['POST', '/api/v1/customers', '{"__proto__":{"x":1}}', { 'content-type': 'application/json' }],
    ['POST', '/api/v1/customers', '{"constructor":{"prototype":{"x":1}}}', { 'content-type': 'application/json' }],
    ['POST', '/api/v1/customers', 'null', { 'content-type': 'application/json' }],
    ['POST', '/api/v1/customers', '[]', { 'content-type': 'application/json' }],
    ['POST', '/api/v1/customers', '"x"', { 'content-type': 'application/json' }],
    ['GET', '/api/v1/units/not-a-uuid'],
    ['GET', '/api/v1/units/' + 'x'.repeat(10000)],
    ['PATCH', `/api/v1/units/${u}`, { version: 1, areaM2: 1e-9 }],
    ['PATCH', `/api/v1/units/${u}`, { version: 99999999999 }],
    ['PATCH', `/api/v1/units/${u}`, { version: 1.5 }],
    ['PATCH', `/api/v1/units/${u}`, { version: '1' }],
    ['PATCH', `/api/v1/units/${u}`, { version: [1] }],
    ['PATCH', `/api/v1/units/${u}`, { version: true }],
    ['POST', '/api/v1/roles', { code: 'abc', name: 'x', permissions: ['nope'] }],
    ['POST', '/api/v1/roles', { code: 'abcd', name: 'x\u0000', permissions: [] }],
    ['POST', '/api/v1/customers/' + u + '/reveal', 'hello', { 'content-type': 'text/plain' }],
    ['POST', '/api/v1/customers', { propertyId: sl, kind: 'company', name: 'ab', email: 'a@b' }],
    ['POST', '/api/v1/customers', { propertyId: sl, kind: 'company', name: 'ab', contacts: [{ name: 'x', phone: '\u0000' }] }],
    ['POST', '/api/v1/customers', { propertyId: sl, kind: 'company', name: '\ud800' }],
  ]
  for (const [m, url, body, headers] of cases) {
    const res = await admin.request(m as 'GET', url, body, headers)
    console.log(m, url.slice(0, 90), JSON.stringify(body)?.slice(0, 60), '→', res.statusCode, res.headers['content-type'], res.body.slice(0, 200))
  }
})
