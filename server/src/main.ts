// Boots config → database → migrations → demo data → app → listen → jobs, and shuts down cleanly
// on a signal.
import { pgliteArtifacts } from './pglite-preload' // first: see there
import { readFileSync } from 'node:fs'
import pino from 'pino'
import { ConfigError, loadConfig, type Config } from './config'
import { openDatabase, runMigrations } from './platform/db'
import { shiftableClock, systemClock } from './platform/clock'
import { jobsWhenStarted, startJobs } from './platform/jobs'
import { buildApp } from './app'
import { jobRegistrars } from './jobs'
import { syncBuiltinRoles } from './modules/identity'
import { DEMO_PASSWORD, demoUsers, seedDemo } from './demo/seed-demo'
import { hasDemoLogins } from './demo/demo.repository'
import { serializeError, sourceMappedStack } from './bundle-stack-traces'

// ATRIUM_STARTUP_TRACE=1 prints each boot step's time since the process started (bench/startup.mjs),
// and how long the main thread spent on a CPU and waiting for one (Linux): on a machine busy with
// other work the wall time stretches, the CPU time much less.
const traceOn = process.env['ATRIUM_STARTUP_TRACE'] === '1'
let traceLast = { at: 0, cpu: 0, queued: 0 }
function mainThreadSchedule() {
  try {
    const [cpu = 0, queued = 0] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8')
      .split(' ')
      .map((ns) => Number(ns) / 1e6)
    return { cpu, queued }
  } catch {
    return { cpu: 0, queued: 0 }
  }
}
function trace(step: string) {
  if (!traceOn) return
  const now = { at: performance.now(), ...mainThreadSchedule() }
  const ms = (key: keyof typeof now) => (now[key] - traceLast[key]).toFixed(0)
  process.stdout.write(
    `[startup] ${step}: ${now.at.toFixed(0)} ms (+${ms('at')}; main thread: CPU +${ms('cpu')}, ` +
      `waiting for a CPU +${ms('queued')})\n`,
  )
  traceLast = now
}
trace('modules loaded')

function banner(config: Config, seeded: boolean, demoLogins: boolean) {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  const url = config.publicUrl ?? `http://${host}:${config.port}`
  const db =
    config.database.kind === 'pglite'
      ? `PGlite in ${config.database.dataDir}`
      : 'PostgreSQL (DATABASE_URL)'
  const lines = [
    '',
    `  Atrium is running: ${url}`,
    `  Database: ${db}${seeded ? ' — demo building 示例大厦 created' : ''}`,
    `  API docs: ${url}/api/docs`,
  ]
  if (demoLogins) {
    lines.push(`  Demo logins (password ${DEMO_PASSWORD}):`)
    lines.push(`    ${demoUsers.map((u) => u.username).join(', ')}`)
  }
  lines.push('')
  process.stdout.write(lines.join('\n') + '\n')
}

// pg-boss starts this long after the server listens, unless a request queues a job sooner.
const JOBS_START_DELAY_MS = 1000

async function main() {
  let config: Config
  try {
    config = loadConfig()
    trace('loadConfig')
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(2)
    }
    throw error
  }
  const database = await openDatabase(config.database, pgliteArtifacts)
  trace('openDatabase')
  await runMigrations(database)
  trace('runMigrations')
  await syncBuiltinRoles(database.db)
  trace('syncBuiltinRoles')
  const testClock = config.testClock ? shiftableClock() : undefined
  const clock = testClock ?? systemClock
  const seeded = config.demo === 'auto' ? await seedDemo(database.db, clock) : false
  trace('seedDemo')
  // pg-boss starts a second after the server listens: its start (its schema check, its maintenance
  // and cron set-up) is half a second of statements on PGlite's one connection, which the first
  // requests (a health check, the console's first page) need not wait behind. A request that
  // queues a job before then starts it at once and waits for it (jobsWhenStarted). With
  // ATRIUM_JOBS=off this process only queues jobs and an `atrium worker` runs them.
  let jobsAsked = false
  let askForJobs = () => {}
  const jobsStarted = new Promise<void>((resolve) => (askForJobs = resolve)).then(() =>
    startJobs(database, {
      logger: pino({ level: config.logLevel, serializers: { err: serializeError } }).child({
        component: 'jobs',
      }),
      runJobs: config.jobs === 'on',
    }),
  )
  jobsStarted.catch(() => {}) // awaited after listen below, where a failure stops the server
  const startJobsNow = () => {
    jobsAsked = true
    askForJobs()
  }
  const jobs = jobsWhenStarted(jobsStarted, startJobsNow)
  const app = await buildApp({
    config,
    database,
    clock,
    jobs,
    ...(testClock ? { testClock } : {}),
  })
  trace('buildApp')

  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    await app.close()
    if (jobsAsked) await jobs.stop().catch(() => {})
    await database.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  await app.listen({ port: config.port, host: config.host })
  trace('listen')
  banner(config, seeded, await hasDemoLogins(database.db))
  trace('banner')
  setTimeout(startJobsNow, JOBS_START_DELAY_MS)
  await jobsStarted
  trace('startJobs')
  if (config.jobs === 'on') {
    const deps = { db: database.db, clock, config }
    for (const register of jobRegistrars(deps)) await register(jobs)
  }
  trace('job registration')
}

// Run from the bundle, a crash also prints its stack mapped to server/src, before Node's own.
process.on('uncaughtExceptionMonitor', (error) => {
  const stack = String(error?.stack ?? error)
  const mapped = sourceMappedStack(stack)
  if (mapped !== stack) process.stderr.write(`Uncaught, in server/src terms: ${mapped}\n`)
})

main().catch((error: unknown) => {
  process.stderr.write(
    `Atrium failed to start: ${error instanceof Error ? sourceMappedStack(error.stack ?? error.message) : String(error)}\n`,
  )
  process.exit(1)
})
