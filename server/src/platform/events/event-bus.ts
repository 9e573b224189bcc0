import { sql } from 'drizzle-orm'
import type { FastifyBaseLogger } from 'fastify'
import type { Database, Db } from '../db'
import type { OutboxMessage } from '../outbox'
import { listenOnPglite, listenOnPostgres, type Listener } from './listeners'

// Publish/subscribe across app instances over PostgreSQL LISTEN/NOTIFY: every instance LISTENs on
// one channel and hands what arrives to its local subscribers (the SSE streams). A NOTIFY sent
// inside a transaction leaves when it commits, so the outbox dispatcher marks a row delivered and
// publishes it atomically.

export const EVENTS_CHANNEL = 'atrium_events'
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more: events carry ids, not documents. */
export const MAX_EVENT_BYTES = 7999

/** An outbox message on its way to the live streams, with the organisation it belongs to. */
export type BusEvent = OutboxMessage & { orgId: string }

export type Log = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>

declare module 'fastify' {
  interface FastifyInstance {
    /** This instance's bus; null when the app runs without live events. */
    eventBus: EventBus | null
  }
}

export type EventBus = {
  /**
   * Sends an event to the subscribers of every instance. Through a transaction it leaves when the
   * transaction commits, and not at all if it rolls back.
   */
  publish(event: BusEvent, db?: Db): Promise<void>
  /**
   * Sends several events in one statement, in their order, as publish() would one by one. Each is
   * encoded first: one too large throws before any is sent.
   */
  publishAll(events: readonly BusEvent[], db?: Db): Promise<void>
  /** Called for every event that arrives, from this instance or another. Returns the unsubscribe. */
  subscribe(listener: (event: BusEvent) => void): () => void
  /**
   * Called after the listening connection was lost and is back: events sent meanwhile are gone,
   * so subscribers should tell their clients to reload what they show.
   */
  onResync(listener: () => void): () => void
  /** Subscribers and resync listeners now held: a stream that ended must leave none behind. */
  listenerCount(): number
  close(): Promise<void>
}

export class EventTooLargeError extends Error {
  constructor(bytes: number) {
    super(`An event of ${bytes} bytes exceeds the NOTIFY limit of ${MAX_EVENT_BYTES}.`)
    this.name = 'EventTooLargeError'
  }
}

/** The NOTIFY payload of an event; throws before any SQL runs when it would not fit. */
export function encodeEvent(event: BusEvent): string {
  const text = JSON.stringify({ orgId: event.orgId, topic: event.topic, payload: event.payload })
  const bytes = Buffer.byteLength(text)
  if (bytes > MAX_EVENT_BYTES) throw new EventTooLargeError(bytes)
  return text
}

/** A payload from the channel, or null when it is not one of ours (someone NOTIFYing by hand). */
export function decodeEvent(text: string): BusEvent | null {
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null) return null
    const { orgId, topic, payload } = value as Record<string, unknown>
    if (typeof orgId !== 'string' || typeof topic !== 'string') return null
    if (typeof payload !== 'object' || payload === null) return null
    return { orgId, topic, payload } as BusEvent
  } catch {
    return null
  }
}

/**
 * Starts listening on the channel: a connection of its own on a PostgreSQL server (reconnecting
 * when it drops), the one PGlite instance when embedded. Resolves once LISTEN is in place.
 */
export async function startEventBus(database: Database, log: Log): Promise<EventBus> {
  const subscribers = new Set<(event: BusEvent) => void>()
  const resyncs = new Set<() => void>()

  const deliver = (text: string) => {
    const event = decodeEvent(text)
    if (!event) {
      log.warn({ channel: EVENTS_CHANNEL }, 'ignored a notification that is not an Atrium event')
      return
    }
    for (const subscriber of [...subscribers]) {
      try {
        subscriber(event)
      } catch (error) {
        log.error({ err: error, topic: event.topic }, 'an event subscriber failed')
      }
    }
  }
  const resync = () => {
    for (const listener of [...resyncs]) {
      try {
        listener()
      } catch (error) {
        log.error({ err: error }, 'a resync listener failed')
      }
    }
  }

  let listener: Listener
  if (database.kind === 'pglite') {
    if (!database.pglite) throw new Error('An embedded database without its PGlite instance.')
    listener = await listenOnPglite(database.pglite, EVENTS_CHANNEL, deliver)
  } else {
    if (!database.url) throw new Error('A PostgreSQL database without its URL.')
    listener = await listenOnPostgres(database.url, EVENTS_CHANNEL, deliver, resync, log)
  }

  return {
    async publish(event, db = database.db) {
      const text = encodeEvent(event)
      await db.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${text})`)
    },
    async publishAll(events, db = database.db) {
      const texts = events.map(encodeEvent)
      if (texts.length === 0) return
      // A function scan yields the array's elements in order, and NOTIFYs keep the order sent.
      const list = sql.join(
        texts.map((text) => sql`${text}`),
        sql`, `,
      )
      await db.execute(
        sql`select pg_notify(${EVENTS_CHANNEL}, t.text) from unnest(array[${list}]::text[]) as t(text)`,
      )
    },
    subscribe(subscriber) {
      subscribers.add(subscriber)
      return () => void subscribers.delete(subscriber)
    },
    onResync(listener) {
      resyncs.add(listener)
      return () => void resyncs.delete(listener)
    },
    listenerCount: () => subscribers.size + resyncs.size,
    async close() {
      subscribers.clear()
      resyncs.clear()
      await listener.close()
    },
  }
}
