// Three app instances on one PostgreSQL, jobs on in each: they start together on an empty database,
// a deadline that falls due is escalated exactly once whichever instance sweeps it, pg-boss files
// each cron occurrence once, and a live event caused on one instance reaches a client on another.
// PostgreSQL only (ATRIUM_TEST_DB=postgres): PGlite is one process's database.
import { afterAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { adminQuery, testDbKind, uniqueDbName, urlOfDatabase } from '../support/test-db'
import { brokenInvariants } from './support/invariants'
import { signInOver, startServer, stopAllServers, type ServerProcess } from './support/server'

const FULL = process.env.RELIABILITY === 'full'
/** Deadlines pushed into the past before the instances restart together. */
const DUE = FULL ? 40 : 12
const SWEEP = 'cases.deadline-sweep'

let name = ''
let client: pg.Client | undefined
afterAll(async () => {
  await stopAllServers()
  await client?.end()
  if (name) await adminQuery(`drop database if exists ${name} with (force)`)
})

async function until<T>(probe: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** Reads an SSE stream into a string until stopped. */
async function listen(url: string, cookie: string) {
  const controller = new AbortController()
  const res = await fetch(`${url}/api/v1/events`, {
    headers: { cookie },
    signal: controller.signal,
  })
  expect(res.status).toBe(200)
  let text = ''
  const reading = (async () => {
    const decoder = new TextDecoder()
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>)
        text += decoder.decode(chunk, { stream: true })
    } catch {
      // aborted
    }
  })()
  return {
    text: () => text,
    close: async () => {
      controller.abort()
      await reading
    },
  }
}

describe.skipIf(testDbKind() !== 'postgres')('three instances on one PostgreSQL', () => {
  it(
    'start together; each due deadline escalates once; no cron occurrence runs twice; SSE crosses instances',
    async () => {
      name = uniqueDbName('atrium_multi')
      await adminQuery(`create database ${name}`)
      const env = { DATABASE_URL: urlOfDatabase(name), SESSION_SECRET: 'm'.repeat(40) }
      client = new pg.Client({ connectionString: env.DATABASE_URL })
      await client.connect()
      const db = client
      const query = async (text: string) => (await db.query<Record<string, unknown>>(text)).rows

      // 1. three instances start at once on an empty database: one migrates and seeds, all answer
      let servers: ServerProcess[] = await Promise.all([1, 2, 3].map(() => startServer(env)))
      const [orgs] = await query(`select count(*)::int as n from organisations`)
      expect(orgs!['n']).toBe(1)

      // 2. an event caused on A reaches a client connected to B
      const [a, b] = servers as [ServerProcess, ServerProcess, ServerProcess]
      const watcher = await signInOver(b.url, 'admin')
      const stream = await listen(b.url, watcher.cookie)
      await until(async () => (stream.text().includes('ready') ? true : undefined), 10_000, 'ready')
      const agent = await signInOver(a.url, 'cs.agent')
      const properties = (await agent.request('GET', '/api/v1/properties')).body['items'] as {
        id: string
        code: string
      }[]
      const crossedMs = Date.now()
      const created = await agent.request('POST', '/api/v1/cases', {
        propertyId: properties.find((p) => p.code === 'SL')!.id,
        type: 'complaint',
        title: '跨实例事件',
      })
      expect(created.status).toBe(201)
      const caseId = created.body['id'] as string
      await until(
        async () => (stream.text().includes(caseId) ? true : undefined),
        15_000,
        'the event on B',
      )
      console.log(
        `reliability multi-instance: an event caused on A reached B ${Date.now() - crossedMs} ms after the request was sent`,
      )
      await stream.close()

      // 3. deadlines fall due while the instances are down; all three restart and sweep at once
      await Promise.all(servers.map((s) => s.stop()))
      const due = await query(`
        update case_deadlines set due_at = now() - interval '1 minute', started_at = now() - interval '2 hours'
        where id in (select d.id from case_deadlines d join cases c on c.id = d.case_id
                     where d.status = 'running' and d.overdue_at is null and c.escalation_level = 0
                     order by d.id limit ${DUE})
        returning id::text, case_id::text, name`)
      expect(due.length).toBeGreaterThan(0)
      const caseIds = [...new Set(due.map((d) => d['case_id'] as string))]
      const list = caseIds.map((id) => `'${id}'`).join(',')
      servers = await Promise.all([1, 2, 3].map(() => startServer(env)))
      const swept = await until(
        async () => {
          const [row] = await query(
            `select count(distinct case_id)::int as n from case_events where kind = 'overdue' and case_id in (${list})`,
          )
          return row!['n'] === caseIds.length ? true : undefined
        },
        90_000,
        'the sweep',
      )
      expect(swept).toBe(true)
      // let the other instances' start sweeps run too; the long form waits for two cron occurrences
      await new Promise((r) => setTimeout(r, 5_000))
      if (FULL)
        await until(
          async () => {
            const [row] = await query(
              `select count(distinct singleton_on)::int as n from pgboss.job where name = '${SWEEP}' and singleton_on is not null and state = 'completed'`,
            )
            return (row!['n'] as number) >= 2 ? true : undefined
          },
          180_000,
          'two cron occurrences',
        )

      const overdue = await query(`
        select case_id, data->>'deadline' as deadline, count(*)::int as n from case_events
        where kind = 'overdue' and case_id in (${list}) group by 1, 2`)
      const escalated = await query(`
        select c.id, c.escalation_level,
               (select count(*)::int from case_events e where e.case_id = c.id and e.kind = 'escalated') as n
        from cases c where c.id in (${list})`)
      const duplicateOverdue = overdue.filter((r) => r['n'] !== 1)
      const duplicateEscalations = escalated.filter(
        (r) => r['n'] !== 1 || r['escalation_level'] !== 1,
      )
      const cron = await query(`
        select singleton_on::text, count(*)::int as n, array_agg(state::text) as states from pgboss.job
        where name = '${SWEEP}' and singleton_on is not null group by 1 order by 1`)
      const duplicateCron = cron.filter((r) => r['n'] !== 1)
      const [runs] = await query(
        `select count(*) filter (where state = 'completed')::int as completed, count(*)::int as jobs from pgboss.job where name = '${SWEEP}'`,
      )
      const duplicates =
        duplicateOverdue.length + duplicateEscalations.length + duplicateCron.length
      console.log(
        `reliability multi-instance: ${due.length} deadlines fell due on ${caseIds.length} cases, ${overdue.length} marked overdue, ${escalated.length} escalated; sweep jobs ${runs!['jobs']} (${runs!['completed']} completed), cron occurrences ${cron.length}; duplicate job runs ${duplicates}`,
      )
      expect(duplicateOverdue).toEqual([])
      expect(duplicateEscalations).toEqual([])
      expect(duplicateCron).toEqual([])
      expect(await brokenInvariants(query)).toEqual({})
      await Promise.all(servers.map((s) => s.stop()))
    },
    FULL ? 900_000 : 300_000,
  )
})
