import type { Clock } from '../clock'
import type { Database } from '../db'
import { encodeEvent, EventTooLargeError, type BusEvent, type EventBus, type Log } from '../events'
import { onOutboxKick } from './enqueue'
import {
  claimPendingOutbox,
  deleteDeliveredOutbox,
  hasPendingOutbox,
  markOutboxDelivered,
  markOutboxFailed,
  type OutboxRow,
} from './outbox.repository'

declare module 'fastify' {
  interface FastifyInstance {
    /** The outbox of this instance: tests drain it to see what a commit sent. */
    outbox: { drain(): Promise<void> }
  }
}

export type OutboxDispatcher = {
  /** Stops waking up and waits for a delivery in progress. */
  stop(): Promise<void>
  /** Delivers everything due now (rows another instance holds are left to it). */
  drain(): Promise<void>
}

export type DispatcherOptions = {
  /** Rows written by other instances are found by looking this often. */
  pollMs?: number
  batchSize?: number
  /** After this many failures a row stays undelivered, with its last error, for someone to read. */
  maxAttempts?: number
  /** Delivered rows are deleted this long after delivery. */
  keepDeliveredMs?: number
}

const DAY_MS = 24 * 3600_000

/**
 * Delivers the outbox: claims due rows in id order (FOR UPDATE SKIP LOCKED, so instances share
 * the work), publishes each on the bus and marks it delivered in the same transaction — the
 * NOTIFY leaves with the commit, so a row is published exactly when it is marked. A row that
 * cannot be published counts an attempt and its error, and waits before the next try.
 * Woken by kickOutbox() after a commit here, and by polling for rows written elsewhere.
 */
export function startOutboxDispatcher(
  database: Database,
  clock: Clock,
  bus: EventBus,
  log: Log,
  options: DispatcherOptions = {},
): OutboxDispatcher {
  const { db } = database
  const pollMs = options.pollMs ?? 1000
  const batchSize = options.batchSize ?? 100
  const maxAttempts = options.maxAttempts ?? 10
  const keepDeliveredMs = options.keepDeliveredMs ?? 7 * DAY_MS
  let stopped = false
  let prunedAt = 0
  // One pass at a time in this instance: a pass waits for the one before it.
  let chain: Promise<unknown> = Promise.resolve()
  let queued: Promise<Pass> | null = null

  type Pass = { claimed: number; delivered: number }

  async function pass(): Promise<Pass> {
    const now = clock.now()
    if (!(await hasPendingOutbox(db, now, maxAttempts))) return { claimed: 0, delivered: 0 }
    let claimedIds: number[] = []
    try {
      return await db.transaction(async (tx) => {
        const rows = await claimPendingOutbox(tx, { now, limit: batchSize, maxAttempts })
        claimedIds = rows.map((row) => row.id)
        const sendable: OutboxRow[] = []
        const refused: { id: number; error: string }[] = []
        for (const row of rows) {
          try {
            encodeEvent(eventOf(row))
            sendable.push(row)
          } catch (error) {
            // Refused before any SQL ran (too large): only this row fails.
            if (!(error instanceof EventTooLargeError)) throw error
            refused.push({ id: row.id, error: error.message })
          }
        }
        // One statement for the batch. A database error aborts the transaction: the whole batch
        // fails and is tried again.
        await bus.publishAll(sendable.map(eventOf), tx)
        const delivered = sendable.map((row) => row.id)
        await markOutboxDelivered(tx, delivered, now)
        for (const { id, error } of refused) await markOutboxFailed(tx, [id], error)
        for (const { id, error } of refused) logUndelivered(rows, id, error)
        return { claimed: rows.length, delivered: delivered.length }
      })
    } catch (error) {
      log.error({ err: error, rows: claimedIds.length }, 'outbox delivery failed')
      await markOutboxFailed(db, claimedIds, errorText(error)).catch(() => {})
      return { claimed: claimedIds.length, delivered: 0 }
    }
  }

  function logUndelivered(rows: OutboxRow[], id: number, error: string) {
    const row = rows.find((r) => r.id === id)
    // the last attempt is an error someone must look at; earlier ones may still succeed
    const level = row && row.attempts + 1 >= maxAttempts ? 'error' : 'warn'
    log[level]({ outboxId: id, topic: row?.topic, error }, 'an outbox message was not delivered')
  }

  async function prune() {
    const now = clock.now().getTime()
    if (now - prunedAt < 3600_000) return
    prunedAt = now
    await deleteDeliveredOutbox(db, new Date(now - keepDeliveredMs))
  }

  /** Runs a pass after the current one; passes asked for meanwhile share one run. */
  function schedule(): Promise<Pass> {
    if (queued) return queued
    const next = chain.then(async () => {
      queued = null
      if (stopped) return { claimed: 0, delivered: 0 }
      try {
        return await pass()
      } catch (error) {
        // hasPendingOutbox failed: the database is away or the schema is missing
        log.error({ err: error }, 'outbox poll failed')
        return { claimed: 0, delivered: 0 }
      }
    })
    queued = next
    chain = next
    return next
  }

  const wake = () => void schedule()
  const unsubscribe = onOutboxKick(wake)
  const timer = setInterval(() => {
    wake()
    prune().catch((error: unknown) => log.warn({ err: error }, 'outbox pruning failed'))
  }, pollMs)
  timer.unref()
  wake()

  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      unsubscribe()
      await chain
    },
    async drain() {
      // Until a pass finds nothing, or delivers nothing (what is left failed and waits its turn).
      for (;;) {
        const { claimed, delivered } = await schedule()
        if (stopped || claimed === 0 || delivered === 0) return
      }
    },
  }
}

function eventOf(row: OutboxRow): BusEvent {
  return { orgId: row.orgId, topic: row.topic, payload: row.payload } as BusEvent
}

function errorText(error: unknown) {
  return error instanceof Error ? error.message : String(error)
}
