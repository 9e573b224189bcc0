import type { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import type { Log } from './event-bus'

/** A LISTEN in place on one channel; close() ends it. */
export type Listener = { close(): Promise<void> }

/** Embedded: the one PGlite instance delivers its own NOTIFYs after each commit. */
export async function listenOnPglite(
  pglite: PGlite,
  channel: string,
  deliver: (payload: string) => void,
): Promise<Listener> {
  const unlisten = await pglite.listen(channel, deliver)
  return {
    async close() {
      // The database may be closed already (a test tearing down in another order).
      if (!pglite.closed) await unlisten()
    },
  }
}

const RECONNECT_MIN_MS = 500
const RECONNECT_MAX_MS = 30_000

/**
 * A PostgreSQL server: a dedicated connection (a pooled one may be handed to a transaction and
 * would miss notifications). When it drops, it comes back with a growing delay, and `resync` tells
 * the subscribers that events of the gap were lost.
 */
export async function listenOnPostgres(
  url: string,
  channel: string,
  deliver: (payload: string) => void,
  resync: () => void,
  log: Log,
): Promise<Listener> {
  let client: pg.Client | null = null
  let closing = false
  let delay = RECONNECT_MIN_MS
  let timer: NodeJS.Timeout | null = null

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url, keepAlive: true })
    let lost = false
    const onLost = (error?: Error) => {
      if (lost) return
      lost = true
      if (client === next) client = null
      next.removeAllListeners('notification')
      next.end().catch(() => {})
      if (closing) return
      log.warn({ err: error }, 'the event bus lost its PostgreSQL connection; reconnecting')
      schedule()
    }
    next.on('error', onLost)
    next.on('end', () => onLost())
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) deliver(message.payload)
    })
    try {
      await next.connect()
      await next.query(`LISTEN ${channel}`)
    } catch (error) {
      onLost(error as Error)
      throw error
    }
    client = next
  }

  function schedule() {
    if (timer || closing) return
    timer = setTimeout(() => {
      timer = null
      connect().then(
        () => {
          delay = RECONNECT_MIN_MS
          log.info('the event bus is listening again')
          resync()
        },
        () => {
          // onLost has scheduled the next try already
          delay = Math.min(delay * 2, RECONNECT_MAX_MS)
        },
      )
    }, delay)
    timer.unref()
  }

  try {
    await connect()
  } catch (error) {
    // The first connection must work: a bus that never listened would fail silently.
    closing = true
    if (timer) clearTimeout(timer)
    throw error
  }

  return {
    async close() {
      closing = true
      if (timer) clearTimeout(timer)
      timer = null
      const current = client
      client = null
      if (current) {
        current.removeAllListeners('notification')
        await current.end().catch(() => {})
      }
    },
  }
}
