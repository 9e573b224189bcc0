import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Deps } from '../../platform/http/context'
import { contextOf, loadActor } from '../../platform/auth'
import { openSseStream, type EventBus, type SseStream } from '../../platform/events'
import { LiveEvent } from './notifications.schemas'
import { liveEventFor, readyEvent } from './use-cases/live-feed'

export type LiveEventOptions = {
  deps: Deps
  /** Null when the app runs without live delivery: the stream then only keeps itself alive. */
  bus: EventBus | null
  heartbeatMs?: number
}

export const liveEventRoutes: FastifyPluginAsyncTypebox<LiveEventOptions> = async (
  app,
  { deps, bus, heartbeatMs },
) => {
  const streams = new Set<SseStream>()
  // Open streams would keep server.close() waiting for ever: end them first.
  app.addHook('preClose', async () => {
    for (const stream of [...streams]) stream.close()
  })

  app.get(
    '/events',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Live updates for the caller (server-sent events)',
        description:
          'A text/event-stream that stays open: `ready` first, then `notification` for new ' +
          'messages to the caller and `case` for changes of cases the caller may see. A comment ' +
          'line every 25 s keeps proxies from closing it; the stream ends with the session.',
        response: {
          200: {
            description: 'The event stream; each event’s JSON is the `data` below.',
            content: { 'text/event-stream': { schema: LiveEvent } },
          },
        },
      },
    },
    async (req, reply) => {
      let actor = contextOf(req).actor
      const stream = openSseStream(req, reply, {
        ...(heartbeatMs ? { heartbeatMs } : {}),
        onHeartbeat: () => push(recheckSession),
      })
      streams.add(stream)

      // One message at a time, in arrival order: the unread counts must not overtake each other.
      let queue: Promise<void> = Promise.resolve()
      function push(work: () => Promise<LiveEvent | null>) {
        queue = queue
          .then(async () => {
            if (stream.closed) return
            const message = await work()
            if (message && !stream.closed) stream.send(message.event, message.data)
          })
          .catch((error: unknown) => req.log.error({ err: error }, 'a live event failed'))
      }

      // A session that ended (sign-out, expiry, a disabled account) ends the stream; a changed
      // role or scope applies from the next heartbeat on.
      async function recheckSession() {
        req.actor = null
        await loadActor(deps, req)
        if (req.actor) actor = req.actor
        else stream.close()
        return null
      }

      const unsubscribe = bus?.subscribe((event) => {
        if (event.orgId === actor.orgId) push(() => liveEventFor(deps, actor, event))
      })
      const unresync = bus?.onResync(() => push(async () => ({ event: 'resync', data: {} })))
      stream.onClose(() => {
        unsubscribe?.()
        unresync?.()
        streams.delete(stream)
      })
      push(() => readyEvent(deps, actor))
      return reply
    },
  )
}
