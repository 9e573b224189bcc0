import { PgTransaction } from 'drizzle-orm/pg-core'
import type { Db } from '.'

const memos = new WeakMap<object, Map<string, Promise<unknown>>>()

/**
 * Reads a transaction repeats (the deadline policy, the building's calendar — a new case asks for
 * them three times) are looked up once per transaction. Outside a transaction every call reads:
 * nothing is cached across requests, so a changed setting applies to the next one on every
 * instance. A transaction that changes what it memoised must not read it again through this.
 */
export function onceInTransaction<T>(db: Db, key: string, load: () => Promise<T>): Promise<T> {
  if (!(db instanceof PgTransaction)) return load()
  let memo = memos.get(db)
  if (!memo) {
    memo = new Map()
    memos.set(db, memo)
  }
  let found = memo.get(key) as Promise<T> | undefined
  if (!found) {
    found = load()
    memo.set(key, found)
    // A failed read is not remembered.
    found.catch(() => memo.delete(key))
  }
  return found
}
