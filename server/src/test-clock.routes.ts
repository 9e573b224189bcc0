// The journeys' clock (ATRIUM_TEST_CLOCK=on only): an admin moves the server's "now" to reach a
// day months ahead — the refund of a fit-out deposit three months after acceptance (H-FO-15) —
// and the deadline sweep runs at once, as the minute job would on that day. Not in the API
// documentation and never registered otherwise.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Clock } from './platform/clock'
import type { Deps } from './platform/http/context'
import { sweepDeadlines } from './modules/cases'

export const testClockRoutes: FastifyPluginAsyncTypebox<{
  deps: Deps
  clock: Clock & { setNow(d: Date | null): void }
}> = async (app, { deps, clock }) => {
  app.post(
    '/api/test/clock',
    {
      config: { permission: 'role.manage', staffOnly: true },
      schema: {
        hide: true,
        body: Type.Object(
          { now: Type.Optional(Type.String({ format: 'date-time' })) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      clock.setNow(req.body.now ? new Date(req.body.now) : null)
      const swept = await sweepDeadlines({ db: deps.db, clock })
      return { now: clock.now().toISOString(), swept }
    },
  )
}
