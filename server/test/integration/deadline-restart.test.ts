import { afterAll, beforeAll, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { buildApp } from '../../src/app'
import { cases, notifications, users } from '../../src/db/schema'
import { jobRegistrars } from '../../src/jobs'
import { fixedClock } from '../../src/platform/clock'
import { json, startTestApp, TEST_NOW, type TestApp } from '../support/app'
import { startTestJobs } from '../support/jobs'

// H-IS-25: a deadline that passes while the server is stopped still escalates after a restart —
// the jobs the new process starts sweep what fell due in between.

let t: TestApp

beforeAll(async () => {
  t = await startTestApp()
})
afterAll(async () => {
  await t?.database.close()
})

async function until<T>(probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 200))
  }
}

it('H-IS-25 H-FD-8 a deadline that passed while the server was stopped escalates after restart', async () => {
  const agent = await t.signIn('cs.agent')
  const res = await agent.post('/api/v1/cases', {
    type: 'complaint',
    propertyId: await t.ids.property('SL'),
    title: '停机期间超时的投诉',
  })
  expect(res.statusCode, res.body).toBe(201)
  const created = json<{ id: string; deadlines: { dueAt: string }[] }>(res)
  // The server stops; the respond deadline passes; a new process starts on the same database.
  await t.app.close()
  const later = fixedClock(new Date(Date.parse(created.deadlines[0]!.dueAt) + 3600_000))
  expect(later.now() > TEST_NOW).toBe(true)
  const { jobs } = await startTestJobs(t.database)
  const app = await buildApp({
    config: t.config,
    database: t.database,
    clock: later,
    webRoot: false,
    logger: false,
    jobs,
  })
  try {
    await app.ready()
    for (const register of jobRegistrars({ db: t.db, clock: later, config: t.config }))
      await register(jobs)
    const escalated = await until(async () => {
      const [row] = await t.db.select().from(cases).where(eq(cases.id, created.id))
      return row && row.overdue && row.escalationLevel >= 1 ? row : undefined
    })
    expect(escalated).toMatchObject({ overdue: true, escalationLevel: 1 })
    const [supervisor] = await t.db.select().from(users).where(eq(users.username, 'cs.supervisor'))
    const told = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, supervisor!.id))
    expect(told.some((n) => n.caseId === created.id && n.template === 'case.escalated')).toBe(true)
  } finally {
    await jobs.stop()
    await app.close()
  }
}, 40_000)
