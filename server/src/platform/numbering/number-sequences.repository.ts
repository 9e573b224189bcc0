import { sql } from 'drizzle-orm'
import { numberSequences } from '../../db/schema'
import type { Db } from '../db'

/** The next number of a sequence (receipts, bills, case numbers): atomic, gap-free per scope. */
export async function nextNumber(db: Db, orgId: string, scope: string): Promise<number> {
  const [row] = await db
    .insert(numberSequences)
    .values({ orgId, scope, next: 2 })
    .onConflictDoUpdate({
      target: [numberSequences.orgId, numberSequences.scope],
      set: { next: sql`${numberSequences.next} + 1` },
    })
    .returning({ next: numberSequences.next })
  return (row?.next ?? 2) - 1
}
