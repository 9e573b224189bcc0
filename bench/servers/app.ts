// The app as the bench runs it: a child process on the bench database, jobs off (this process
// only queues them), no logger, the login rate limit raised so sign-in can be measured.
// BENCH_APP_PROCESSES=N (`npm run bench -- --app-processes N`): N instances of the app share the
// port through node:cluster, as N stateless instances behind a balancer share one database
// (ARCHITECTURE "Scaling out"); this process then only starts them and reports ready.
import cluster from 'node:cluster'
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
  if (cluster.isWorker) process.send?.('ready')
  else process.stdout.write(`ready ${config.port}\n`)
  const stop = async () => {
    await app.close()
    await jobs.stop()
    await database.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop())
  process.on('SIGINT', () => void stop())
}

const processes = Number(process.env['BENCH_APP_PROCESSES'] ?? '1')

function primary() {
  let ready = 0
  for (let i = 0; i < processes; i++) {
    // Each instance migrates as `npm start` would; the first to take the lock does the work.
    const worker = cluster.fork()
    worker.on('message', (message: unknown) => {
      if (message === 'ready' && ++ready === processes)
        process.stdout.write(`ready ${process.env['PORT']}\n`)
    })
    worker.on('exit', (code) => {
      if (code !== 0) process.exit(1)
    })
  }
  const stop = () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM')
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
    })
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

const start = processes > 1 && cluster.isPrimary ? async () => primary() : main
start().catch((error: unknown) => {
  process.stderr.write(
    `bench app failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  )
  process.exit(1)
})
