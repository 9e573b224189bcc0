// Every operation of the OpenAPI document, fuzzed: path parameters, query strings, headers and
// bodies of the right shape and malformed, sent as the demo admin and as a customer (with the CSRF
// token). Never a 5xx; every 4xx is problem+json with a code, and a field where a field is wrong.
// Short form in `npm test`; RELIABILITY=full sends about ten times as many.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fc } from '@fast-check/vitest'
import { sql } from 'drizzle-orm'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { workflows } from '../../src/modules/cases/workflows'
import { startTestApp, type Client, type TestApp } from '../support/app'
import {
  malformedArb,
  nastyString,
  validArb,
  wrongValue,
  type IdPool,
  type JsonSchema,
} from './support/arbitraries'

const FULL = process.env.RELIABILITY === 'full'
/** Requests per operation and caller. */
const RUNS = FULL ? 120 : 14
// The short form is the same every run; the long one explores (RELIABILITY_SEED replays a run).
const SEED = Number(process.env.RELIABILITY_SEED ?? (FULL ? Date.now() % 1_000_000_007 : 20261129))

// Not fuzzed: the SSE stream never ends (its own tests cover it), sign-out ends the fuzzing session.
const SKIP = new Set(['GET /api/v1/events', 'POST /api/v1/auth/logout'])

type Parameter = {
  in: 'path' | 'query' | 'header'
  name: string
  required?: boolean
  schema: JsonSchema
}
type Operation = {
  method: string
  path: string
  parameters: Parameter[]
  body?: { required: boolean; types: string[]; schema: JsonSchema | undefined }
}
type Sent = { inject: InjectOptions; summary: string }
type Problem = { code?: unknown; field?: unknown; errors?: { field?: unknown }[] }

let t: TestApp
let callers: { name: string; client: Client; signIn: () => Promise<Client> }[]
let operations: Operation[]
const ids: IdPool = { all: [] }
const actionNames = [...new Set(Object.values(workflows).flatMap((w) => Object.keys(w.actions)))]
const fuzzed = { requests: 0, serverErrors: 0, byStatus: new Map<number, number>() }

function operationsOf(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }) {
  const out: Operation[] = []
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (SKIP.has(`${method.toUpperCase()} ${path}`)) continue
      const requestBody = op['requestBody'] as
        { required?: boolean; content: Record<string, { schema?: JsonSchema }> } | undefined
      out.push({
        method: method.toUpperCase(),
        path,
        parameters: (op['parameters'] as Parameter[] | undefined) ?? [],
        ...(requestBody
          ? {
              body: {
                required: requestBody.required ?? false,
                types: Object.keys(requestBody.content),
                schema: Object.values(requestBody.content)[0]?.schema,
              },
            }
          : {}),
      })
    }
  }
  return out
}

// A case action's input is open-ended in the document; these are the fields actions take.
const actionInput: JsonSchema = {
  type: 'object',
  properties: {
    version: { type: 'integer', minimum: 1, maximum: 5 },
    department: { enum: ['engineering', 'cleaning', 'security', 'customer_service', 'nope'] },
    assigneeId: { type: 'string', format: 'uuid' },
    reason: { type: 'string', maxLength: 30 },
    note: { type: 'string', maxLength: 30 },
    result: { type: 'string', maxLength: 30 },
    satisfied: { type: 'boolean' },
    dueAt: { type: 'string', format: 'date-time' },
    date: { type: 'string', format: 'date' },
  },
}

/** encodeURIComponent, except that a lone surrogate goes out as the bytes it would have been. */
function encodeSegment(v: string) {
  try {
    return encodeURIComponent(v)
  } catch {
    return v
      .split('')
      .map((ch) => (/[\uD800-\uDFFF]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch)))
      .join('')
  }
}

function paramArb(p: Parameter, op: Operation): fc.Arbitrary<string> {
  const schema =
    p.name === 'action' && op.path.includes('/actions/')
      ? { enum: [...actionNames, 'fly_away'] }
      : p.schema
  const valid = validArb(schema, ids).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
  return fc.oneof({ weight: 3, arbitrary: valid }, nastyString)
}

function requestArb(op: Operation): fc.Arbitrary<Sent> {
  const pathParams = op.parameters.filter((p) => p.in === 'path')
  const queryParams = op.parameters.filter((p) => p.in === 'query')
  const headerParams = op.parameters.filter((p) => p.in === 'header')
  const bodySchema: JsonSchema = op.path.endsWith('/actions/{action}')
    ? actionInput
    : (op.body?.schema ?? { type: 'object' })

  const path = fc.tuple(...pathParams.map((p) => paramArb(p, op)), fc.boolean()).map((values) => {
    const raw = values.pop() as boolean // sometimes the value goes into the URL unencoded
    let url = op.path
    pathParams.forEach((p, i) => {
      const v = values[i] as string
      url = url.replace(`{${p.name}}`, raw ? v.replace(/[/?#]/g, '') : encodeSegment(v))
    })
    return url
  })
  const query = fc
    .tuple(
      fc.record(Object.fromEntries(queryParams.map((p) => [p.name, paramArb(p, op)])), {
        requiredKeys: [],
      }),
      fc.option(
        fc.tuple(fc.constantFrom('unexpected', 'limit', 'cursor', '__proto__'), nastyString),
      ),
      fc.boolean(),
    )
    .map(([values, extra, repeat]) => {
      const search = new URLSearchParams()
      for (const [k, v] of Object.entries(values)) {
        search.append(k, String(v))
        if (repeat) search.append(k, String(v)) // ?a=1&a=1: an array where a string is expected
      }
      if (extra) search.append(extra[0], extra[1])
      const s = search.toString()
      return s ? `?${s}` : ''
    })
  const headers = fc
    .record(
      {
        idempotency: fc.oneof(
          { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z0-9_.:-]{8,100}$/) },
          nastyString.map((s) => s.replace(/[^\x20-\x7e]/g, '').slice(0, 2000)),
        ),
        requestId: fc.option(nastyString.map((s) => s.replace(/[^\x20-\x7e]/g, '').slice(0, 300))),
        accept: fc.option(fc.constantFrom('*/*', 'text/html', 'application/xml', 'nonsense')),
        sendKey: fc.boolean(),
      },
      { requiredKeys: ['sendKey', 'idempotency'] },
    )
    .map(({ idempotency, requestId, accept, sendKey }) => {
      const h: Record<string, string> = {}
      if (headerParams.some((p) => p.name === 'idempotency-key') && (sendKey || !requestId))
        h['idempotency-key'] = idempotency
      if (requestId) h['x-request-id'] = requestId
      if (accept) h['accept'] = accept
      return h
    })
  type Body = { payload?: string | Buffer; contentType?: string; note: string }
  const json = (v: unknown, note: string): Body => ({
    payload: JSON.stringify(v) ?? 'null',
    contentType: 'application/json',
    note,
  })
  const body: fc.Arbitrary<Body> = fc.oneof(
    { weight: 5, arbitrary: validArb(bodySchema, ids).map((v) => json(v, 'valid')) },
    { weight: 5, arbitrary: malformedArb(bodySchema, ids).map((v) => json(v, 'malformed')) },
    fc.constantFrom<Body>(
      { payload: '{"a":', contentType: 'application/json', note: 'bad json' },
      { payload: '', contentType: 'application/json', note: 'empty json' },
      { payload: '\uFEFF{}', contentType: 'application/json', note: 'bom' },
      { payload: '{"a":1}', contentType: 'text/plain', note: 'text/plain' },
      { payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded', note: 'form' },
      { payload: '--x\r\n\r\n', contentType: 'multipart/form-data; boundary=x', note: 'multipart' },
      { payload: '{}', contentType: 'application/json; charset=latin1', note: 'charset' },
      { note: 'no body' },
    ),
    fc.constant<Body>({
      payload: JSON.stringify({ a: 'x'.repeat(1_100_000) }),
      contentType: 'application/json',
      note: 'too large',
    }),
    wrongValue.map((v) => json(v, 'wrong type')),
  )
  return fc.tuple(path, query, headers, body).map(([url, search, h, b]) => {
    const sendsBody = op.method !== 'GET' && op.method !== 'DELETE'
    const headersOut = {
      ...h,
      ...(sendsBody && b.contentType ? { 'content-type': b.contentType } : {}),
    }
    return {
      inject: {
        method: op.method as InjectOptions['method'],
        url: `${url}${search}`,
        headers: headersOut,
        ...(sendsBody && b.payload !== undefined ? { payload: b.payload } : {}),
      },
      summary: `${op.method} ${url}${search.slice(0, 200)} [${b.note}] ${
        sendsBody && b.payload !== undefined ? String(b.payload).slice(0, 300) : ''
      }`,
    }
  })
}

function check(res: LightMyRequestResponse, sent: Sent, caller: string): string | null {
  const where = `${caller}: ${sent.summary} → ${res.statusCode}`
  if (res.statusCode >= 500) return `${where} ${res.body.slice(0, 300)}`
  if (res.statusCode < 400) return null
  const type = String(res.headers['content-type'] ?? '')
  if (!type.startsWith('application/problem+json')) return `${where} content-type ${type}`
  let problem: Problem
  try {
    problem = JSON.parse(res.body) as Problem
  } catch {
    return `${where} body is not JSON`
  }
  if (typeof problem.code !== 'string' || !problem.code) return `${where} no code: ${res.body}`
  // A problem that lists field errors names the first one as its field.
  if (problem.errors?.length && typeof problem.field !== 'string')
    return `${where} field errors without a field: ${res.body.slice(0, 300)}`
  if (problem.errors?.some((e) => typeof e.field !== 'string'))
    return `${where} a field error without its field: ${res.body.slice(0, 300)}`
  return null
}

async function poolOfIds() {
  // Real records of every kind, so that valid-shaped requests reach the use-cases. The fuzzing
  // accounts' own user, roles and customer are left out: fuzzing must not lock itself out.
  const rows = (await t.db.execute(sql`
    select id::text from cases union all select id::text from customers
      where id not in (select customer_id from users where username = 'tenant.office' and customer_id is not null)
    union all select id::text from units union all select id::text from properties
    union all select id::text from floors union all select id::text from charges
    union all select id::text from payments union all select id::text from deposits
    union all select id::text from charge_items union all select id::text from occupancies
    union all select id::text from notifications union all select id::text from users
      where username not in ('admin', 'tenant.office')`)) as unknown as { rows: { id: string }[] }
  return rows.rows.map((r) => r.id)
}

beforeAll(async () => {
  t = await startTestApp()
  ids.all = await poolOfIds()
  const admin = { name: 'admin', signIn: () => t.signIn('admin') }
  const tenant = { name: 'customer', signIn: () => t.signIn('tenant.office') }
  callers = [
    { ...admin, client: await admin.signIn() },
    { ...tenant, client: await tenant.signIn() },
  ]
  const doc = t.app.swagger() as unknown as Parameters<typeof operationsOf>[0]
  operations = operationsOf(doc)
}, 120_000)

afterAll(async () => {
  const statuses = [...fuzzed.byStatus.entries()].sort(([a], [b]) => a - b)
  console.log(
    `reliability fuzz (${FULL ? 'full' : 'short'}, seed ${SEED}): ${fuzzed.requests} requests fuzzed over ${operations?.length ?? 0} operations, ${fuzzed.serverErrors} 5xx seen; by status ${statuses.map(([s, n]) => `${s}×${n}`).join(' ')}`,
  )
  await t?.close()
})

describe('fuzzing every route', () => {
  it('the document has the routes to fuzz', () => {
    expect(operations.length).toBeGreaterThan(80)
  })

  it(
    'admin and customer: no request gets a 5xx; every 4xx is problem+json with a code',
    async () => {
      const failures: string[] = []
      let seed = SEED
      for (const op of operations) {
        const requests = fc.sample(requestArb(op), { numRuns: RUNS * callers.length, seed: seed++ })
        for (const [i, sent] of requests.entries()) {
          const caller = callers[i % callers.length]!
          const { client } = caller
          // The customer forgets the CSRF token now and then: a 403, never a 5xx.
          const csrf = caller.name === 'customer' && i % 29 === 0 ? 'wrong' : client.csrf
          const res = await t.app.inject({
            ...sent.inject,
            cookies: client.cookies,
            headers: { 'x-csrf-token': csrf, ...(sent.inject.headers as Record<string, string>) },
          })
          fuzzed.requests++
          fuzzed.byStatus.set(res.statusCode, (fuzzed.byStatus.get(res.statusCode) ?? 0) + 1)
          if (res.statusCode >= 500) fuzzed.serverErrors++
          const failure = check(res, sent, caller.name)
          if (failure && failures.length < 40) failures.push(failure)
          // A fuzzed request may end the session (a password change): sign in again.
          if (res.statusCode === 401 && !op.path.startsWith('/api/v1/auth')) {
            const fresh = await t.app.inject({
              method: 'GET',
              url: '/api/v1/me',
              cookies: client.cookies,
            })
            if (fresh.statusCode === 401) caller.client = await caller.signIn()
          }
        }
      }
      expect(failures).toEqual([])
      expect(fuzzed.serverErrors).toBe(0)
    },
    FULL ? 3_600_000 : 240_000,
  )
})
