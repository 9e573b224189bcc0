// `npm run bench [-- --quick] [-- --scale S|M|L] [-- --duration 20] [-- --app-processes 2] [-- --tcp]`: starts the app and the bare
// baseline as child processes on the bench database, runs every scenario with autocannon (16
// connections) and prints req/s, p50/p95/p99, errors and the ratio to the matching baseline.
// The bench database is kept (seeded once, reused); `npm run bench:seed` recreates it.
import { mkdirSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { cpus } from 'node:os'
import pg from 'pg'
import { databaseUrl, flag, hasFlag, scaleOf } from './lib/options'
import { databaseExists } from './lib/database'
import { startChild, type Child } from './lib/children'
import { CONNECTIONS, runScenario, type Figures, type Scenario } from './lib/load'
import { getJson, signIn } from './lib/session'
import { seedBench } from './seed'
import { staffLogin } from './seed/org'
import { BENCH_PASSWORD } from './seed/spec'
import {
  actionScenario,
  baselineScenarios,
  complaintScenario,
  paymentScenario,
  readScenarios,
  signInScenario,
  type Fixtures,
  type Sessions,
  type Target,
} from './scenarios'

const argv = process.argv.slice(2)
const quick = hasFlag(argv, 'quick')
const scale = quick ? 'S' : scaleOf(argv, 'M')
const duration = Number(flag(argv, 'duration') ?? (quick ? 10 : 20))
/** `--app-processes N`: N instances of the app on the one port (node:cluster); 1 by default. */
const appProcesses = Number(flag(argv, 'app-processes') ?? 1)
/** `--only detail,search`: run the scenarios whose names contain one of these words. */
const only = flag(argv, 'only')?.split(',')
const wanted = (name: string) => !only || only.some((word) => name.includes(word))
/** `--tcp`: reach PostgreSQL over loopback TCP even where its local socket exists. */
const url = databaseUrl(scale, hasFlag(argv, 'tcp') ? 'tcp' : 'socket')
const APP_PORT = Number(process.env['BENCH_APP_PORT'] ?? 3902)
const BASELINE_PORT = Number(process.env['BENCH_BASELINE_PORT'] ?? 3901)
const say = (line: string) => process.stdout.write(`${line}\n`)

async function seeded(): Promise<boolean> {
  if (!(await databaseExists(url))) return false
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const result = await client.query(
      `select 1 from information_schema.tables where table_name = 'users'`,
    )
    if ((result.rowCount ?? 0) === 0) return false
    const bench = await client.query(`select 1 from users where username = 'bench.admin'`)
    return (bench.rowCount ?? 0) > 0
  } finally {
    await client.end()
  }
}

/**
 * Every run adds thousands of cases, actions and payments. A server with autovacuum (the default)
 * vacuums them soon after; without it (this machine's CI server sets `autovacuum = off`) nothing
 * marks their pages all-visible, the dashboards' index-only scans fetch heap rows again, and each
 * run is slower than the one before. So then the bench vacuums first, as autovacuum would have.
 */
async function vacuumUnlessAutovacuum(): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const setting = await client.query<{ autovacuum: string }>('show autovacuum')
    if (setting.rows[0]?.autovacuum === 'on') return
    const started = performance.now()
    await client.query('vacuum (analyze)')
    const took = ((performance.now() - started) / 1000).toFixed(1)
    say(
      `autovacuum is off on this server: vacuumed and analyzed first (${took} s), as it would have`,
    )
  } finally {
    await client.end()
  }
}

async function fixtures(base: string, engHead: Sessions['engHead']): Promise<Fixtures> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const property = await client.query<{ id: string }>(
      `select id from properties where code = 'B001'`,
    )
    const propertyId = property.rows[0]?.id
    if (!propertyId) throw new Error('building B001 missing: reseed with npm run bench:seed')
    const buildings = await client.query<{ id: string }>(`select id from properties order by code`)
    const caseIds = await client.query<{ id: string }>(
      `select id from cases where property_id = $1 order by random() limit 2000`,
      [propertyId],
    )
    const occupancies = await client.query<{
      propertyId: string
      unitId: string
      customerId: string
    }>(
      `select property_id as "propertyId", unit_id as "unitId", customer_id as "customerId"
       from occupancies order by random() limit 2000`,
    )
    const customers = await client.query<{ id: string }>(
      `select id from customers order by random() limit 2000`,
    )
    const now = new Date()
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
    // The deep page: follow nextCursor through the department's whole queue, 20 pages in.
    let cursor: string | null = null
    let page = 1
    for (; page < 20; page++) {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
      const body = await getJson<{ nextCursor: string | null }>(
        base,
        engHead,
        `/api/v1/cases?department=engineering${query}`,
      )
      if (!body.nextCursor) break
      cursor = body.nextCursor
    }
    return {
      propertyId,
      propertyIds: buildings.rows.map((r) => r.id),
      caseIds: caseIds.rows.map((r) => r.id),
      occupancies: occupancies.rows,
      customerIds: customers.rows.map((r) => r.id),
      period: lastMonth.toISOString().slice(0, 7),
      deepCursor: cursor,
      deepPage: page,
    }
  } finally {
    await client.end()
  }
}

/** Registered complaints no one has touched yet (version 1), for the action scenario. */
async function freshComplaints(managerId: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const result = await client.query<{ id: string }>(
      `select id from cases where type = 'complaint' and state = 'registered' and version = 1
       and created_by = $1 order by created_at`,
      [managerId],
    )
    return result.rows.map((r) => r.id)
  } finally {
    await client.end()
  }
}

async function userId(username: string): Promise<string> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const result = await client.query<{ id: string }>(`select id from users where username = $1`, [
      username,
    ])
    const id = result.rows[0]?.id
    if (!id) throw new Error(`user ${username} missing`)
    return id
  } finally {
    await client.end()
  }
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–')

function verdict(f: Figures, target: Target | undefined, ratio: number | null) {
  if (!target) return ''
  const misses: string[] = []
  if (target.p95Max !== undefined && f.p95 > target.p95Max) misses.push('p95')
  if (target.rpsMin !== undefined && f.rps < target.rpsMin) misses.push('req/s')
  if (ratio !== null && ratio < target.ratioMin) misses.push('ratio')
  if (f.non2xx > 0 || f.errors > 0) misses.push('errors')
  return misses.length ? `MISSED (${misses.join(', ')})` : 'met'
}

function table(rows: { figures: Figures; target?: Target; ratio: number | null }[]) {
  const head = [
    'scenario',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'non-2xx',
    'errors',
    'vs baseline',
    'target',
    '',
  ]
  const lines = rows.map(({ figures: f, target, ratio }) => [
    f.name,
    f.rps.toFixed(0),
    ms(f.p50),
    ms(f.p95),
    ms(f.p99),
    String(f.non2xx),
    String(f.errors),
    ratio === null ? '–' : `${(ratio * 100).toFixed(0)}%`,
    target?.label ?? '',
    verdict(f, target, ratio),
  ])
  return [head, head.map(() => '---'), ...lines]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n')
}

async function main() {
  say(
    `Atrium bench — scale ${scale}, ${duration} s a scenario, ${CONNECTIONS} connections, ${appProcesses} app process${appProcesses === 1 ? '' : 'es'}`,
  )
  say(
    `Node ${process.version}, ${cpus().length} cores, database ${url.replace(/:[^:@/]*@/, ':***@')}`,
  )
  if (!(await seeded())) {
    say(`The bench database of scale ${scale} is missing: seeding it first.`)
    await seedBench(scale, url)
  }
  await vacuumUnlessAutovacuum()
  const env = {
    DATABASE_URL: url,
    SESSION_SECRET: randomBytes(32).toString('hex'),
  }
  const children: Child[] = []
  const stopAll = () => Promise.all(children.map((c) => c.stop()))
  try {
    children.push(
      await startChild('bench/servers/baseline.ts', { ...env, PORT: String(BASELINE_PORT) }),
    )
    // BENCH_CPU_PROF=<dir>: the app writes a V8 CPU profile there when it stops (for finding causes).
    const profile = process.env['BENCH_CPU_PROF']
    children.push(
      await startChild(
        'bench/servers/app.ts',
        { ...env, PORT: String(APP_PORT), BENCH_APP_PROCESSES: String(appProcesses) },
        profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
      ),
    )
    const app = `http://127.0.0.1:${APP_PORT}`
    const baseline = `http://127.0.0.1:${BASELINE_PORT}`
    const sessions: Sessions = {
      agent: await signIn(app, staffLogin(0, 'agent1'), BENCH_PASSWORD),
      engHead: await signIn(app, staffLogin(0, 'eng.head'), BENCH_PASSWORD),
      manager: await signIn(app, 'bench.manager', BENCH_PASSWORD),
      finance: await signIn(app, 'bench.finance', BENCH_PASSWORD),
    }
    const f = await fixtures(app, sessions.engHead)
    const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`
    const rows: { figures: Figures; target?: Target; ratio: number | null }[] = []
    const measure = async (scenario: Scenario, target?: Target) => {
      process.stdout.write(`  ${scenario.name} … `)
      const figures = await runScenario(scenario, duration)
      say(`${figures.rps.toFixed(0)} req/s, p95 ${ms(figures.p95)} ms`)
      rows.push({ figures, ...(target ? { target } : {}), ratio: null })
      return figures
    }

    const [selectBase, insertBase] = baselineScenarios(baseline, f)
    if (!selectBase || !insertBase) throw new Error('baseline scenarios missing')
    const select = await measure(selectBase)
    const insert = await measure(insertBase)
    for (const [scenario, target] of readScenarios(app, f, sessions))
      if (wanted(scenario.name)) await measure(scenario, target)
    if (wanted('sign-in'))
      await measure(...signInScenario(app, staffLogin(0, 'agent2'), BENCH_PASSWORD))
    let complaintRps = 0
    if (wanted('complaint'))
      complaintRps = (await measure(...complaintScenario(app, f, sessions))).rps
    if (wanted('action')) {
      let fresh = await freshComplaints(await userId('bench.manager'))
      // Enough untouched complaints for the action scenario to run about as long as the others
      // (if actions are as fast as registering), at least 200.
      const needed = Math.ceil(Math.max(complaintRps * duration * 1.5, 200))
      if (fresh.length < needed) {
        process.stdout.write(
          `  (registering ${needed - fresh.length} more complaints for the action scenario, not measured)\n`,
        )
        const [topUp] = complaintScenario(app, f, sessions)
        await runScenario({ ...topUp, amount: needed - fresh.length }, duration)
        fresh = await freshComplaints(await userId('bench.manager'))
      }
      await measure(...actionScenario(app, fresh.slice(0, needed), sessions))
    }
    if (wanted('payment')) await measure(...paymentScenario(app, f, sessions, run))

    for (const row of rows) {
      if (row.figures.kind === 'read') row.ratio = row.figures.rps / select.rps
      if (row.figures.kind === 'write') row.ratio = row.figures.rps / insert.rps
    }
    say('')
    say(table(rows))
    say('')
    say(`Ratios: reads to "${select.name}", writes to "${insert.name}" (req/s, same run).`)
    const out = new URL('./out/', import.meta.url)
    mkdirSync(out, { recursive: true })
    const file = new URL(
      `bench-${scale}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
      out,
    )
    writeFileSync(
      file,
      JSON.stringify(
        { scale, duration, connections: CONNECTIONS, appProcesses, node: process.version, rows },
        null,
        2,
      ),
    )
    say(`Figures saved to ${file.pathname}`)
  } finally {
    await stopAll()
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exitCode = 1
})
