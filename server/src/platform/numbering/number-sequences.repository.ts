import { sql } from 'drizzle-orm'
import { numberSequences } from '../../db/schema'
import type { Db } from '../db'
import { runStatement } from '../db/statements'

/** The next number of a sequence (receipts, bills, case numbers): atomic, gap-free per scope. */
export async function nextNumber(db: Db, orgId: string, scope: string): Promise<number> {
  const [row] = await runStatement<{ next: number }[]>(
    db,
    'next number',
    (d) =>
      d
        .insert(numberSequences)
        .values({ orgId: sql.placeholder('orgId'), scope: sql.placeholder('scope'), next: 2 })
        .onConflictDoUpdate({
          target: [numberSequences.orgId, numberSequences.scope],
          set: { next: sql`${numberSequences.next} + 1` },
        })
        .returning({ next: numberSequences.next }),
    { orgId, scope },
  )
  return (row?.next ?? 2) - 1
}
