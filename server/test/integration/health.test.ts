import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app'
import { readFileSync } from 'node:fs'
import { testDbKind } from '../support/test-db'

const journal = JSON.parse(
  readFileSync(new URL('../../drizzle/meta/_journal.json', import.meta.url), 'utf8'),
) as { entries: unknown[] }

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('platform', () => {
  it('anyone: /api/health reports the database kind and the migration level', async () => {
    const res = await t.anonymous.get('/api/health')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      status: 'ok',
      database: testDbKind(),
      migrationLevel: journal.entries.length,
    })
  })

  it('anyone: /api/openapi.json is OpenAPI 3.1 and documents every /api/v1 route', async () => {
    const res = await t.anonymous.get('/api/openapi.json')
    expect(res.statusCode).toBe(200)
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>()
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/customers/{id}/reveal',
        '/api/v1/units',
      ]),
    )
  })

  it('anyone: /api/docs serves the API reference', async () => {
    const res = await t.anonymous.get('/api/docs/')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/html')
  })

  it('anyone: an unknown API route is a problem+json 404 carrying the request id', async () => {
    const res = await t.anonymous.request('GET', '/api/nothing-here', undefined, {
      'x-request-id': 'req-abc',
    })
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json()).toMatchObject({ code: 'not_found', status: 404, requestId: 'req-abc' })
    expect(res.headers['x-request-id']).toBe('req-abc')
  })

  it('anyone: an API call without a session is 401 auth.unauthenticated', async () => {
    const res = await t.anonymous.get('/api/v1/customers')
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({ code: 'auth.unauthenticated' })
  })
})
