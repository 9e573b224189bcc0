import { and, eq } from 'drizzle-orm'
import { idempotencyKeys } from '../../db/schema'
import type { Db } from '../db'

/** Claims a key; false when it was claimed before (the caller then reads the stored answer). */
export async function claimKey(
  db: Db,
  row: { orgId: string; key: string; route: string; requestHash: string; createdAt: Date },
) {
  const inserted = await db
    .insert(idempotencyKeys)
    .values(row)
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key })
  return inserted.length === 1
}

export async function findKey(db: Db, orgId: string, key: string) {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key)))
  return row
}

export async function storeResponse(
  db: Db,
  orgId: string,
  key: string,
  status: number,
  response: unknown,
) {
  await db
    .update(idempotencyKeys)
    .set({ status, response })
    .where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key)))
}
