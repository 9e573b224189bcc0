// The one list of background-job handlers. `npm start` (ATRIUM_JOBS=on) and `atrium worker` both
// register exactly these, so a handler runs the same in-process or in a worker of its own.
import type { Deps } from './platform/http/context'
import type { JobRegistrar } from './platform/jobs'
import { sweepDeadlines } from './modules/cases'

/** H-FD-8, H-IS-19, H-IS-25: overdue work is never silent — marked, escalated, notified. */
const DEADLINE_SWEEP = 'cases.deadline-sweep'

export function jobRegistrars(deps: Deps): JobRegistrar[] {
  return [
    async (jobs) => {
      await jobs.work(DEADLINE_SWEEP, async () => {
        await sweepDeadlines(deps)
      })
      // Every minute, and once now: deadlines that passed while the server was stopped escalate
      // as soon as it is back.
      await jobs.every(DEADLINE_SWEEP, '* * * * *')
      await jobs.schedule(DEADLINE_SWEEP, {}, { singletonKey: 'start' })
    },
  ]
}
