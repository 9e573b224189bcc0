import { randomUUID } from 'node:crypto'
import { PgBoss, fromPglite, type ConstructorOptions, type JobResult, type Queue } from 'pg-boss'
import type { Database } from '../db'
import { JOB_SCHEMA, type JobHandler, type Jobs, type JobsLogger } from './index'

export type StartJobsOptions = {
  /** How often an idle queue looks for due jobs; a job due now starts within about this long. */
  pollSeconds?: number
  logger?: JobsLogger
  /**
   * false: this process only queues jobs (ATRIUM_JOBS=off, `atrium worker` runs them): no handler,
   * no cron pass, no pg-boss maintenance here. Default true.
   */
  runJobs?: boolean
}

// Every queue alike. `short` keeps one *queued* job per singleton key (an active or retrying one
// does not block a new one); a job sent without a key gets a unique one, so only keyed jobs dedupe.
// A failed handler is retried 10 times, 1–2 s after the first failure and doubling up to 10 min
// apart (17–27 minutes in all): a database hiccup or a deploy passes; a bug ends in an error line.
const QUEUE_OPTIONS: Omit<Queue, 'name'> = {
  policy: 'short',
  retryLimit: 10,
  retryDelay: 1,
  retryBackoff: true,
  retryDelayMax: 600,
}

// A queue drains up to this many due jobs per fetch, one after another, and fetches again at once
// while batches come back full: after a restart a backlog of deadlines clears in seconds, not one
// job per poll.
const BATCH_SIZE = 10

// Within main.ts's 10 s shutdown budget: running handlers get this long, the rest go back to retry.
const STOP_TIMEOUT_MS = 5_000

const consoleLogger: JobsLogger = {
  warn: (details, message) => console.warn(message, details),
  error: (details, message) => console.error(message, details),
}

function connectionOf(database: Database): ConstructorOptions {
  if (database.kind === 'postgres') {
    if (!database.url) throw new Error('jobs: a PostgreSQL database needs its url')
    return { connectionString: database.url, max: 4, application_name: 'atrium-jobs' }
  }
  // PGlite is one connection: pg-boss's statements queue behind Drizzle's (a Drizzle transaction
  // holds the client until it ends), so they never interleave with an app transaction.
  if (!database.pglite) throw new Error('jobs: an embedded database needs its PGlite client')
  return { db: fromPglite(database.pglite), backend: 'pglite' }
}

const errorOutput = (error: unknown) =>
  error instanceof Error
    ? { message: error.message, stack: error.stack }
    : { message: String(error) }

/** startJobs (index.ts), once pg-boss is loaded. */
export async function startPgBoss(
  database: Database,
  options: StartJobsOptions = {},
): Promise<Jobs> {
  const logger = options.logger ?? consoleLogger
  const pollingIntervalSeconds = options.pollSeconds ?? 1
  const runJobs = options.runJobs ?? true
  const boss = new PgBoss({
    ...connectionOf(database),
    schema: JOB_SCHEMA,
    supervise: runJobs,
    schedule: runJobs,
  })
  // Without an 'error' listener an EventEmitter error would crash the process.
  boss.on('error', (error) => logger.error({ err: error }, 'jobs: pg-boss error'))
  boss.on('warning', (warning) => logger.warn({ data: warning.data }, `jobs: ${warning.message}`))
  await boss.start()

  const queues = new Map<string, Promise<void>>()
  const ensureQueue = (name: string) => {
    let created = queues.get(name)
    if (!created) {
      // createQueue is a no-op for a queue that exists (another instance, an earlier run).
      created = boss.createQueue(name, QUEUE_OPTIONS)
      created.catch(() => queues.delete(name))
      queues.set(name, created)
    }
    return created
  }
  const handled = new Set<string>()

  return {
    async schedule(name, data, { at, singletonKey } = {}) {
      await ensureQueue(name)
      return boss.send(name, data, {
        singletonKey: singletonKey ?? randomUUID(),
        ...(at ? { startAfter: at } : {}),
      })
    },

    async work<T extends object>(name: string, handler: JobHandler<T>) {
      if (!runJobs) throw new Error(`jobs: this process does not run jobs (${name})`)
      if (handled.has(name)) throw new Error(`jobs: ${name} already has a handler`)
      handled.add(name)
      await ensureQueue(name)
      const workOptions = {
        batchSize: BATCH_SIZE,
        burstWhenBatchFull: true,
        pollingIntervalSeconds,
        includeMetadata: true,
        perJobResults: true,
      } as const
      await boss.work<T, unknown, typeof workOptions>(name, workOptions, async (batch) => {
        const results: JobResult[] = []
        for (const job of batch) {
          try {
            await handler(job.data)
            results.push({ id: job.id, status: 'completed' })
          } catch (error) {
            // Logged, never thrown: pg-boss records the failure and retries the job.
            const final = job.retryCount >= job.retryLimit
            const details = { queue: name, jobId: job.id, attempt: job.retryCount + 1, err: error }
            if (final) logger.error(details, `jobs: ${name} failed for good`)
            else logger.warn(details, `jobs: ${name} failed; it will be retried`)
            results.push({ id: job.id, status: 'failed', output: errorOutput(error) })
          }
        }
        return results
      })
    },

    async every(name, cron, { tz = 'Asia/Shanghai' } = {}) {
      await ensureQueue(name)
      await boss.schedule(name, cron, {}, { tz, missed: 'once' })
    },

    async stop() {
      await boss.stop({ graceful: true, timeout: STOP_TIMEOUT_MS })
    },
  }
}
