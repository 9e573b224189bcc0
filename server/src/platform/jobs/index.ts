// Background jobs: a deadline that fires at its time, a sweep on a cron, a retried failure.
// pg-boss keeps them in PostgreSQL (schema `pgboss`), so every app instance shares them, and
// a job due while the server was stopped still runs after it starts again. On embedded PGlite
// pg-boss shares the app's one PGlite client. No pg-boss type leaves this folder.
import type { Database } from '../db'
import type { StartJobsOptions } from './start-jobs'

export type { StartJobsOptions } from './start-jobs'

export const JOB_SCHEMA = 'pgboss'

/**
 * Starts pg-boss on the app's database (creating or migrating its schema) and returns our API.
 * pg-boss and the date and cron libraries it brings are loaded here, when jobs start, rather than
 * with the server: they are a fifth of the server bundle and nothing before the first job needs them.
 */
export async function startJobs(database: Database, options?: StartJobsOptions): Promise<Jobs> {
  const { startPgBoss } = await import('./start-jobs')
  return startPgBoss(database, options)
}

export type JobHandler<T> = (data: T) => Promise<void>

export type Jobs = {
  /**
   * Runs `name` with `data` at `at` (or now); a singletonKey makes a repeat a no-op while one is
   * queued. Returns the job id, or null when deduplicated.
   *
   * Call it after the transaction that caused it has committed, never inside one: on PGlite a
   * transaction holds the only connection, so pg-boss would wait for the transaction that waits
   * for pg-boss.
   */
  schedule<T extends object>(
    name: string,
    data: T,
    options?: { at?: Date; singletonKey?: string },
  ): Promise<string | null>
  /** Registers the handler of a queue (creates the queue if missing). */
  work<T extends object>(name: string, handler: JobHandler<T>): Promise<void>
  /**
   * Runs `name` on a cron expression (minute resolution, in `tz`, default Asia/Shanghai), for
   * sweeps. Idempotent across restarts and instances; after downtime the missed run happens once.
   */
  every(name: string, cron: string, options?: { tz?: string }): Promise<void>
  /** Lets running handlers finish (up to a few seconds), then stops polling. */
  stop(): Promise<void>
}

/**
 * The Jobs of a pg-boss that is still starting: each call waits for `started`. main.ts starts
 * pg-boss a moment after the server listens (its start is a fraction of a second of statements on
 * PGlite's one connection, which the first requests need not wait behind) and hands the app this
 * meanwhile, so a request that queues a job early waits, and is not lost. `onUse`, called with
 * every call, lets such a request start pg-boss at once rather than when its moment comes.
 */
export function jobsWhenStarted(started: Promise<Jobs>, onUse: () => void = () => {}): Jobs {
  const whenStarted = () => {
    onUse()
    return started
  }
  return {
    schedule: async (name, data, options) => (await whenStarted()).schedule(name, data, options),
    work: async (name, handler) => (await whenStarted()).work(name, handler),
    every: async (name, cron, options) => (await whenStarted()).every(name, cron, options),
    stop: async () => (await whenStarted()).stop(),
  }
}

/** Registers the handlers of one domain; the list lives in src/jobs.ts. */
export type JobRegistrar = (jobs: Jobs) => Promise<void>

/** Pino's logger fits; so does Fastify's `app.log`. */
export type JobsLogger = {
  warn(details: object, message: string): void
  error(details: object, message: string): void
}
