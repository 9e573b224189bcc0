// pg-boss's semantics as Atrium relies on them, on PGlite and on PostgreSQL alike: deadlines
// (scheduled jobs) must fire on time, once, after a restart, and again after a failure.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest'
import { sql } from 'drizzle-orm'
import { buildApp } from '../../src/app'
import { loadConfig } from '../../src/config'
import { systemClock } from '../../src/platform/clock'
import type { Database } from '../../src/platform/db'
import { JOB_SCHEMA, type Jobs } from '../../src/platform/jobs'
import { openTestDatabase } from '../support/test-db'
import { startTestJobs, type LoggedLine } from '../support/jobs'

const WAIT = { timeout: 8_000, interval: 25 }

let database: Database
let jobs: Jobs
let logged: LoggedLine[]

beforeAll(async () => {
  database = await openTestDatabase(inject('dbTemplate'))
  ;({ jobs, logged } = await startTestJobs(database))
})
afterAll(async () => {
  await jobs?.stop()
  await database?.close()
})

async function storedJobs(queue: string) {
  const result = (await database.db.execute(
    sql`select count(*)::int as n from ${sql.identifier(JOB_SCHEMA)}.job where name = ${queue}`,
  )) as { rows: { n: number }[] }
  return Number(result.rows[0]?.n ?? 0)
}

describe('background jobs', () => {
  it('a job scheduled now runs with its data', async () => {
    const seen: unknown[] = []
    await jobs.work<{ caseId: string }>('test.now', async (data) => {
      seen.push(data)
    })
    const id = await jobs.schedule('test.now', { caseId: 'c-1' })
    expect(id).toEqual(expect.any(String))
    await vi.waitFor(() => expect(seen).toEqual([{ caseId: 'c-1' }]), WAIT)
  })

  it('a job scheduled for later does not run before its time, and runs after it', async () => {
    const ranAt: number[] = []
    await jobs.work('test.later', async () => {
      ranAt.push(Date.now())
    })
    const at = new Date(Date.now() + 1_500)
    await jobs.schedule('test.later', {}, { at })
    await vi.waitFor(() => expect(ranAt).toHaveLength(1), WAIT)
    // pg-boss compares with the database's clock; on one machine it is this one.
    expect(ranAt[0]).toBeGreaterThanOrEqual(at.getTime() - 50)
  })

  it('a singletonKey makes a repeat a no-op while the first is queued; jobs without one never dedupe', async () => {
    const at = new Date(Date.now() + 60_000)
    const first = await jobs.schedule('test.dedupe', { n: 1 }, { at, singletonKey: 'case-1' })
    const repeat = await jobs.schedule('test.dedupe', { n: 2 }, { at, singletonKey: 'case-1' })
    const otherKey = await jobs.schedule('test.dedupe', { n: 3 }, { at, singletonKey: 'case-2' })
    const plain = [await jobs.schedule('test.dedupe', {}), await jobs.schedule('test.dedupe', {})]
    expect(first).toEqual(expect.any(String))
    expect(repeat).toBeNull()
    expect(otherKey).toEqual(expect.any(String))
    expect(plain).toEqual([expect.any(String), expect.any(String)])
    expect(await storedJobs('test.dedupe')).toBe(4)
  })

  it('a job that came due while pg-boss was stopped runs when a fresh pg-boss starts', async () => {
    const { jobs: before } = await startTestJobs(database)
    const at = new Date(Date.now() + 300)
    await before.schedule('test.restart', { deadline: 'resolve' }, { at })
    await before.stop()
    await vi.waitFor(() => expect(Date.now()).toBeGreaterThan(at.getTime()), WAIT)

    const { jobs: after } = await startTestJobs(database)
    try {
      const seen: unknown[] = []
      await after.work('test.restart', async (data) => {
        seen.push(data)
      })
      await vi.waitFor(() => expect(seen).toEqual([{ deadline: 'resolve' }]), WAIT)
    } finally {
      await after.stop()
    }
  })

  it('a handler that throws is logged and retried, and the process carries on', async () => {
    let attempts = 0
    let done = false
    await jobs.work('test.flaky', async () => {
      attempts += 1
      if (attempts === 1) throw new Error('the database blinked')
      done = true
    })
    await jobs.schedule('test.flaky', {})
    await vi.waitFor(() => expect(done).toBe(true), WAIT)
    expect(attempts).toBe(2)
    expect(logged).toContainEqual({
      level: 'warn',
      message: 'jobs: test.flaky failed; it will be retried',
      details: expect.objectContaining({ queue: 'test.flaky', attempt: 1 }),
    })
  })

  it('handlers and app transactions share the database without waiting on each other forever', async () => {
    // On PGlite a Drizzle transaction holds the only connection, even across awaits: pg-boss's
    // polls queue behind it and must get through once it ends.
    const pause = () => new Promise((resolve) => setTimeout(resolve, 100))
    const handled: number[] = []
    await jobs.work<{ n: number }>('test.shared', async ({ n }) => {
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`)
        await pause()
        await tx.execute(sql`select ${n}`)
      })
      handled.push(n)
    })
    const appWork = [1, 2, 3].map(async (n) => {
      await jobs.schedule('test.shared', { n })
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`)
        await pause()
      })
    })
    await Promise.all(appWork)
    await vi.waitFor(() => expect([...handled].sort()).toEqual([1, 2, 3]), WAIT)
  })

  it('the app hands the jobs to its routes as app.jobs', async () => {
    const config = loadConfig({
      SESSION_SECRET: 't'.repeat(40),
      DATABASE_URL: 'postgres://unused/none',
    })
    const app = await buildApp({
      config,
      database,
      clock: systemClock,
      webRoot: false,
      logger: false,
      jobs,
    })
    try {
      expect(app.jobs).toBe(jobs)
    } finally {
      await app.close()
    }
  })

  it('every registers a sweep once, however often it is called', async () => {
    await jobs.every('test.sweep', '*/5 * * * *')
    await jobs.every('test.sweep', '*/5 * * * *')
    const result = (await database.db.execute(
      sql`select cron, timezone from ${sql.identifier(JOB_SCHEMA)}.schedule where name = 'test.sweep'`,
    )) as { rows: { cron: string; timezone: string }[] }
    expect(result.rows).toEqual([{ cron: '*/5 * * * *', timezone: 'Asia/Shanghai' }])
  })
})
