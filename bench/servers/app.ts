// The app as the bench runs it: a child process on the bench database, jobs off (this process
// only queues them), no logger, the login rate limit raised so sign-in can be measured.
import { loadConfig } from '../../server/src/config'
import { openDatabase, runMigrations } from '../../server/src/platform/db'
import { systemClock } from '../../server/src/platform/clock'
import { startJobs } from '../../server/src/platform/jobs'
import { buildApp } from '../../server/src/app'
import pino from 'pino'

async function main() {
  const config = loadConfig({
    ...process.env,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ATRIUM_DEMO: 'off',
    ATRIUM_JOBS: 'off',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
  })
  const database = await openDatabase(config.database)
  await runMigrations(database)
  const jobs = await startJobs(database, { logger: pino({ level: 'silent' }), runJobs: false })
  const app = await buildApp({
    config,
    database,
    clock: systemClock,
    jobs,
    logger: false,
    webRoot: false,
  })
  await app.listen({ port: config.port, host: config.host })
  process.stdout.write(`ready ${config.port}\n`)
  const stop = async () => {
    await app.close()
    await jobs.stop()
    await database.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop())
  process.on('SIGINT', () => void stop())
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench app failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  )
  process.exit(1)
})
