// Boots config → database → migrations → demo data → app → listen → jobs, and shuts down cleanly
// on a signal.
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

// ATRIUM_STARTUP_TRACE=1 prints each boot step's time since the process started (bench/startup.mjs).
const traceOn = process.env['ATRIUM_STARTUP_TRACE'] === '1'
let traceLast = 0
function trace(step: string) {
  if (!traceOn) return
  const now = performance.now()
  process.stdout.write(
    `[startup] ${step}: ${now.toFixed(0)} ms (+${(now - traceLast).toFixed(0)})\n`,
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
  const database = await openDatabase(config.database)
  trace('openDatabase')
  await runMigrations(database)
  trace('runMigrations')
  await syncBuiltinRoles(database.db)
  trace('syncBuiltinRoles')
  const testClock = config.testClock ? shiftableClock() : undefined
  const clock = testClock ?? systemClock
  const seeded = config.demo === 'auto' ? await seedDemo(database.db, clock) : false
  trace('seedDemo')
  // pg-boss starts once the server listens: its start (its schema check, its maintenance and cron
  // set-up) is half a second of statements on PGlite that need not delay the first page. Until it
  // has started, a request that queues a job waits for it (jobsWhenStarted). With ATRIUM_JOBS=off
  // this process only queues jobs and an `atrium worker` runs them.
  let startNow = () => {}
  const jobsStarted = new Promise<void>((resolve) => (startNow = resolve)).then(() =>
    startJobs(database, {
      logger: pino({ level: config.logLevel }).child({ component: 'jobs' }),
      runJobs: config.jobs === 'on',
    }),
  )
  jobsStarted.catch(() => {}) // awaited after listen below, where a failure stops the server
  const jobs = jobsWhenStarted(jobsStarted)
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
    startNow()
    await jobs.stop().catch(() => {})
    await database.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  await app.listen({ port: config.port, host: config.host })
  trace('listen')
  banner(config, seeded, await hasDemoLogins(database.db))
  trace('banner')
  startNow()
  await jobsStarted
  trace('startJobs')
  if (config.jobs === 'on') {
    const deps = { db: database.db, clock, config }
    for (const register of jobRegistrars(deps)) await register(jobs)
  }
  trace('job registration')
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Atrium failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exit(1)
})
