// kill -9 during a write load: the real server as a child process, several clients registering
// complaints, assigning them and posting payments; SIGKILL mid-load, restart on the same data.
// Every write that got a 2xx must be there, no case may be half-written, the ledgers must balance.
// Runs on the database of ATRIUM_TEST_DB: PGlite (a data dir) or PostgreSQL (a fresh database).
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { openPglite } from '../../src/platform/db'
import { adminQuery, testDbKind, uniqueDbName, urlOfDatabase } from '../support/test-db'
import { brokenInvariants, type Query } from './support/invariants'
import {
  signInOver,
  startServer,
  stopAllServers,
  type Http,
  type ServerProcess,
} from './support/server'

const FULL = process.env.RELIABILITY === 'full'
const CRASHES = FULL ? 3 : 1
/** The kill comes at a random moment after this many acknowledged writes (or this long). */
const MIN_ACKED = FULL ? 200 : 20
const MAX_LOAD_MS = 30_000
const kind = testDbKind()

type Acked = {
  cases: { id: string; number: string }[]
  actions: { caseId: string; version: number }[]
  payments: { id: string; receiptNumber: string }[]
}

const cleanups: (() => Promise<void> | void)[] = []
afterAll(async () => {
  await stopAllServers()
  for (const cleanup of cleanups.reverse()) await cleanup()
})

/** Where the server keeps its data: env for the child, and a way to read it when it is stopped. */
async function dataPlace(): Promise<{
  env: Record<string, string>
  read: <T>(work: (query: Query) => Promise<T>) => Promise<T>
}> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'atrium-crash-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    // Start from the seeded template (global setup), not from an empty database: seconds, not a minute.
    const { client } = await openPglite({
      dataDir: join(dir, 'pglite'),
      loadDataDir: new Blob([readFileSync(inject('dbTemplate'))]),
    })
    await client.close()
    return {
      env: { ATRIUM_DATA_DIR: dir },
      // PGlite is single-process: read its files only while no server holds them.
      read: async <T>(work: (query: Query) => Promise<T>) => {
        const { client } = await openPglite({ dataDir: join(dir, 'pglite') })
        try {
          return await work(
            async (text) => (await client.query<Record<string, unknown>>(text)).rows,
          )
        } finally {
          await client.close()
        }
      },
    }
  }
  const name = uniqueDbName('atrium_crash')
  await adminQuery(`create database ${name} template ${inject('dbTemplate')}`)
  cleanups.push(async () => {
    await adminQuery(`drop database if exists ${name} with (force)`)
  })
  const url = urlOfDatabase(name)
  return {
    env: { DATABASE_URL: url, SESSION_SECRET: 'r'.repeat(40) },
    read: async <T>(work: (query: Query) => Promise<T>) => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        return await work(async (text) => (await client.query<Record<string, unknown>>(text)).rows)
      } finally {
        await client.end()
      }
    },
  }
}

/** Several clients writing as fast as they can until the server dies under them. */
async function writeLoad(server: ServerProcess) {
  const [agent, supervisor, fin] = await Promise.all(
    ['cs.agent', 'cs.supervisor', 'fin.staff'].map((u) => signInOver(server.url, u)),
  )
  const property = (
    (await agent!.request('GET', '/api/v1/properties')).body['items'] as {
      id: string
      code: string
    }[]
  ).find((p) => p.code === 'SL')!.id
  const customers = (
    (await fin!.request('GET', '/api/v1/customers?limit=20')).body['items'] as { id: string }[]
  ).map((c) => c.id)
  const acked: Acked = { cases: [], actions: [], payments: [] }
  const toAssign: { id: string; version: number }[] = []
  let attempted = 0
  let alive = true

  const loop = async (work: (i: number) => Promise<void>) => {
    for (let i = 0; alive; i++) {
      try {
        await work(i)
      } catch {
        // the server is gone: this write got no answer, so nothing is owed for it
        if (!alive) return
      }
    }
  }
  const register = (who: Http) => async (i: number) => {
    attempted++
    const res = await who.request('POST', '/api/v1/cases', {
      propertyId: property,
      type: 'complaint',
      title: `崩溃测试投诉 ${i}`,
      description: '写入负载',
    })
    if (res.status === 201) {
      const c = res.body as { id: string; number: string; version: number }
      acked.cases.push({ id: c.id, number: c.number })
      toAssign.push({ id: c.id, version: c.version })
    } else if (alive) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`)
  }
  const assign = async () => {
    const c = toAssign.shift()
    if (!c) return void (await new Promise((r) => setTimeout(r, 5)))
    attempted++
    const res = await supervisor!.request('POST', `/api/v1/cases/${c.id}/actions/assign`, {
      version: c.version,
      department: 'engineering',
    })
    if (res.status === 200)
      acked.actions.push({ caseId: c.id, version: res.body['version'] as number })
  }
  const pay = (i: number) => async () => {
    attempted++
    const res = await fin!.request(
      'POST',
      '/api/v1/billing/payments',
      { customerId: customers[i % customers.length], amount: 100 + i, method: 'cash' },
      { 'idempotency-key': randomUUID() },
    )
    if (res.status === 201) {
      const p = res.body as { id: string; receiptNumber: string }
      acked.payments.push({ id: p.id, receiptNumber: p.receiptNumber })
    }
  }
  const count = () => acked.cases.length + acked.actions.length + acked.payments.length
  const started = Date.now()
  let killedAfterMs = 0
  const killer = (async () => {
    while (count() < MIN_ACKED && Date.now() - started < MAX_LOAD_MS)
      await new Promise((r) => setTimeout(r, 20))
    await new Promise((r) => setTimeout(r, Math.random() * 1000))
    killedAfterMs = Date.now() - started
    await server.kill9()
    alive = false
  })()
  await Promise.all([
    loop(register(agent!)),
    loop(register(agent!)),
    loop(assign),
    loop(assign),
    loop((i) => pay(i)()),
    loop((i) => pay(i + 100_000)()),
    killer,
  ])
  return { acked, attempted, killedAfterMs }
}

async function missingAfterRestart(query: Query, acked: Acked) {
  const missing: string[] = []
  const list = (values: string[]) => values.map((v) => `'${v}'`).join(',') || `'none'`
  const cases = await query(
    `select id::text, number from cases where id in (${list(acked.cases.map((c) => c.id))})`,
  )
  const numbers = new Map(cases.map((r) => [r['id'] as string, r['number'] as string]))
  for (const c of acked.cases) if (numbers.get(c.id) !== c.number) missing.push(`case ${c.number}`)
  const assigned = await query(`
    select c.id::text, c.version from cases c
    where c.id in (${list(acked.actions.map((a) => a.caseId))})
      and exists (select 1 from case_events e where e.case_id = c.id and e.action = 'assign')`)
  const versions = new Map(assigned.map((r) => [r['id'] as string, Number(r['version'])]))
  for (const a of acked.actions)
    if (!((versions.get(a.caseId) ?? 0) >= a.version)) missing.push(`assign of ${a.caseId}`)
  const payments = await query(
    `select id::text, receipt_number from payments where id in (${list(acked.payments.map((p) => p.id))})`,
  )
  const receipts = new Map(payments.map((r) => [r['id'] as string, r['receipt_number'] as string]))
  for (const p of acked.payments)
    if (receipts.get(p.id) !== p.receiptNumber) missing.push(`payment ${p.receiptNumber}`)
  return missing
}

describe(`crash (${kind})`, () => {
  it(
    'kill -9 mid-load: every acknowledged write is there after a restart; no half-written case; ledgers balance',
    async () => {
      const place = await dataPlace()
      let server = await startServer(place.env)
      const total = { acknowledged: 0, found: 0, attempted: 0 }
      for (let crash = 0; crash < CRASHES; crash++) {
        const { acked, attempted, killedAfterMs } = await writeLoad(server)
        const acknowledged = acked.cases.length + acked.actions.length + acked.payments.length
        expect(acknowledged, server.output()).toBeGreaterThan(0)

        const restarting = Date.now()
        server = await startServer(place.env)
        const restartSeconds = (Date.now() - restarting) / 1000
        // the restarted server answers, and shows an acknowledged case
        const agent = await signInOver(server.url, 'cs.agent')
        const sample = acked.cases.at(-1)!
        const shown = await agent.request('GET', `/api/v1/cases/${sample.id}`)
        expect(shown.status).toBe(200)
        expect(shown.body['number']).toBe(sample.number)

        if (kind === 'pglite') await server.stop()
        const { missing, broken } = await place.read(async (query) => ({
          missing: await missingAfterRestart(query, acked),
          broken: await brokenInvariants(query),
        }))
        if (kind === 'pglite' && crash < CRASHES - 1) server = await startServer(place.env)
        const found = acknowledged - missing.length
        total.acknowledged += acknowledged
        total.found += found
        total.attempted += attempted
        console.log(
          `reliability crash ${crash + 1} (${kind}): killed after ${(killedAfterMs / 1000).toFixed(1)} s of load; ${attempted} writes attempted, ${acknowledged} acknowledged (${acked.cases.length} cases, ${acked.actions.length} actions, ${acked.payments.length} payments), ${found} found after restart; restart ready in ${restartSeconds.toFixed(1)} s`,
        )
        expect(missing).toEqual([])
        expect(broken).toEqual({})
      }
      if (kind === 'postgres') await server.stop()
      console.log(
        `reliability crash (${kind}): ${total.acknowledged} writes acknowledged, ${total.found} found after ${CRASHES} kill -9`,
      )
    },
    FULL ? 1_800_000 : 300_000,
  )
})
