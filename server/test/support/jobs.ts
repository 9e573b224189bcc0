import type { Database } from '../../src/platform/db'
import { startJobs, type JobsLogger } from '../../src/platform/jobs'

export type LoggedLine = { level: 'warn' | 'error'; message: string; details: object }

/** pg-boss on a test database, polling fast, with what it logs kept for assertions. */
export async function startTestJobs(database: Database) {
  const logged: LoggedLine[] = []
  const logger: JobsLogger = {
    warn: (details, message) => logged.push({ level: 'warn', message, details }),
    error: (details, message) => logged.push({ level: 'error', message, details }),
  }
  const jobs = await startJobs(database, { pollSeconds: 0.5, logger })
  return { jobs, logged }
}
