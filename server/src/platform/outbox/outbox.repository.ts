import { and, asc, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm'
import type { Db } from '../db'
import { insertRow } from '../db/statements'
import { outbox } from '../../db/schema'

export type OutboxRow = typeof outbox.$inferSelect

export async function insertOutbox(db: Db, row: typeof outbox.$inferInsert) {
  await insertRow(db, outbox, row)
}

// A failed row waits 2^attempts seconds after it was written before the next try (2 s, 4 s, …
// 17 min after the tenth), and is left alone with its last error once it has failed `maxAttempts`.
function due(now: Date, maxAttempts: number) {
  return and(
    isNull(outbox.deliveredAt),
    lt(outbox.attempts, maxAttempts),
    or(
      sql`${outbox.attempts} = 0`,
      sql`${outbox.createdAt} + make_interval(secs => power(2, ${outbox.attempts})) <= ${now.toISOString()}::timestamptz`,
    ),
  )
}

/** Whether any row waits for delivery now: a cheap look before taking locks. */
export async function hasPendingOutbox(db: Db, now: Date, maxAttempts: number) {
  const rows = await db.select({ id: outbox.id }).from(outbox).where(due(now, maxAttempts)).limit(1)
  return rows.length > 0
}

/**
 * The oldest rows due for delivery, locked until the caller's transaction ends. Rows another
 * instance is delivering are skipped, so N dispatchers share the work without waiting.
 */
export async function claimPendingOutbox(
  tx: Db,
  options: { now: Date; limit: number; maxAttempts: number },
): Promise<OutboxRow[]> {
  return tx
    .select()
    .from(outbox)
    .where(due(options.now, options.maxAttempts))
    .orderBy(asc(outbox.id))
    .limit(options.limit)
    .for('update', { skipLocked: true })
}

export async function markOutboxDelivered(tx: Db, ids: number[], at: Date) {
  if (ids.length === 0) return
  await tx
    .update(outbox)
    .set({ deliveredAt: at, attempts: sql`${outbox.attempts} + 1`, lastError: null })
    .where(inArray(outbox.id, ids))
}

export async function markOutboxFailed(db: Db, ids: number[], error: string) {
  if (ids.length === 0) return
  await db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, lastError: error.slice(0, 2000) })
    .where(and(inArray(outbox.id, ids), isNull(outbox.deliveredAt)))
}

/** Delivered rows are history nobody reads: they go after a while. */
export async function deleteDeliveredOutbox(db: Db, before: Date) {
  await db.delete(outbox).where(and(isNotNull(outbox.deliveredAt), lte(outbox.deliveredAt, before)))
}
