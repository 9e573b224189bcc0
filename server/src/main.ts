// Boots config → database → migrations → demo data → jobs → app, and shuts down cleanly on a signal.
import pino from 'pino'
import { ConfigError, loadConfig, type Config } from './config'
import { openDatabase, runMigrations } from './platform/db'
import { shiftableClock, systemClock } from './platform/clock'
import { startJobs } from './platform/jobs'
import { buildApp } from './app'
import { jobRegistrars } from './jobs'
import { syncBuiltinRoles } from './modules/identity'
import { DEMO_PASSWORD, demoUsers, seedDemo } from './demo/seed-demo'
import { hasDemoLogins } from './demo/demo.repository'

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
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(2)
    }
    throw error
  }
  const database = await openDatabase(config.database)
  await runMigrations(database)
  await syncBuiltinRoles(database.db)
  const testClock = config.testClock ? shiftableClock() : undefined
  const clock = testClock ?? systemClock
  const seeded = config.demo === 'auto' ? await seedDemo(database.db, clock) : false
  // pg-boss starts before the app so a request can queue a job; with ATRIUM_JOBS=off this process
  // only queues them and an `atrium worker` runs them.
  const jobs = await startJobs(database, {
    logger: pino({ level: config.logLevel }).child({ component: 'jobs' }),
    runJobs: config.jobs === 'on',
  })
  const app = await buildApp({
    config,
    database,
    clock,
    jobs,
    ...(testClock ? { testClock } : {}),
  })

  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    await app.close()
    await jobs.stop()
    await database.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  await app.listen({ port: config.port, host: config.host })
  if (config.jobs === 'on') {
    const deps = { db: database.db, clock, config }
    for (const register of jobRegistrars(deps)) await register(jobs)
  }
  banner(config, seeded, await hasDemoLogins(database.db))
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Atrium failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exit(1)
})
