import { inject } from 'vitest'
import { and, eq } from 'drizzle-orm'
import type { LightMyRequestResponse } from 'fastify'
import { buildApp, type App } from '../../src/app'
import { loadConfig, type Config } from '../../src/config'
import { fixedClock } from '../../src/platform/clock'
import type { Database } from '../../src/platform/db'
import { customers, properties, units, users } from '../../src/db/schema'
import { openTestDatabase } from './test-db'

export const TEST_NOW = new Date('2026-11-29T02:00:00Z')
export const DEMO_PASSWORD = 'demo1234'

export type TestApp = Awaited<ReturnType<typeof startTestApp>>

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/** A signed-in caller: carries the session cookie and sends the CSRF header on unsafe methods. */
export class Client {
  constructor(
    private readonly app: App,
    readonly cookies: Record<string, string>,
  ) {}

  get csrf() {
    return this.cookies['atrium_csrf'] ?? ''
  }

  request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.app.inject({
      method,
      url,
      cookies: this.cookies,
      headers: { ...(method === 'GET' ? {} : { 'x-csrf-token': this.csrf }), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    })
  }

  get = (url: string) => this.request('GET', url)
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {})
  patch = (url: string, body: unknown) => this.request('PATCH', url, body)
  delete = (url: string) => this.request('DELETE', url)
}

export const json = <T = Record<string, unknown>>(res: LightMyRequestResponse) => res.json<T>()

export async function startTestApp(overrides: Partial<Config> = {}) {
  const database: Database = await openTestDatabase(inject('dbTemplate'))
  const clock = fixedClock(TEST_NOW)
  const config: Config = {
    ...loadConfig({
      SESSION_SECRET: 't'.repeat(40),
      DATABASE_URL: 'postgres://unused/none',
      LOG_LEVEL: 'silent',
    }),
    loginRateLimitPerMinute: 1000,
    // The test clock stands still: kept figures would never refresh.
    dashboardRatesTtlSeconds: 0,
    testClock: false,
    ...overrides,
  }
  // ATRIUM_TEST_LOG=1 shows server errors (5xx stacks) while debugging a test.
  const logger = process.env.ATRIUM_TEST_LOG ? { level: 'error' } : false
  const app = await buildApp({ config, database, clock, webRoot: false, logger })
  await app.ready()
  const { db } = database

  async function signIn(username: string, password = DEMO_PASSWORD) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    })
    if (res.statusCode !== 200)
      throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`)
    const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]))
    return new Client(app, cookies)
  }

  /** Ids of the seeded records, looked up by their readable keys. */
  const ids = {
    property: async (code: string) => {
      const [row] = await db.select().from(properties).where(eq(properties.code, code))
      if (!row) throw new Error(`no property ${code}`)
      return row.id
    },
    unit: async (number: string, propertyCode = 'SL') => {
      const propertyId = await ids.property(propertyCode)
      const [row] = await db
        .select()
        .from(units)
        .where(and(eq(units.number, number), eq(units.propertyId, propertyId)))
      if (!row) throw new Error(`no unit ${number}`)
      return row.id
    },
    customer: async (name: string) => {
      const [row] = await db.select().from(customers).where(eq(customers.name, name))
      if (!row) throw new Error(`no customer ${name}`)
      return row.id
    },
    user: async (username: string) => {
      const [row] = await db.select().from(users).where(eq(users.username, username))
      if (!row) throw new Error(`no user ${username}`)
      return row.id
    },
    customerOf: async (username: string) => {
      const [row] = await db.select().from(users).where(eq(users.username, username))
      if (!row?.customerId) throw new Error(`${username} is not a customer account`)
      return row.customerId
    },
  }

  return {
    app,
    db,
    database,
    clock,
    config,
    signIn,
    ids,
    anonymous: new Client(app, {}),
    close: async () => {
      await app.close()
      await database.close()
    },
  }
}
