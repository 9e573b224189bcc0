// Primary keys. A row's id is a UUID whose first 48 bits are its creation time in milliseconds
// (RFC 9562, version 7), made by the app; the column's database default (gen_random_uuid) stays
// for rows written by SQL alone. Time-ordered ids land at the right-hand end of the primary-key
// index instead of on a random page of it: a write dirties one hot page rather than a page that
// must first be read and then logged whole after every checkpoint (bench/RESULTS.md).
import { randomFillSync } from 'node:crypto'
import { uuid } from 'drizzle-orm/pg-core'

const POOL_IDS = 256
const pool = Buffer.alloc(POOL_IDS * 10)
let used = POOL_IDS

const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** A version-7 UUID: 48 bits of Unix time in ms, the version, 74 random bits, the variant. */
export function uuidv7(now = Date.now()): string {
  if (used === POOL_IDS) {
    randomFillSync(pool)
    used = 0
  }
  const r = used++ * 10
  const b = new Array<number>(16)
  let t = now
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256
    t = Math.floor(t / 256)
  }
  b[6] = 0x70 | (pool[r]! & 0x0f)
  b[7] = pool[r + 1]!
  b[8] = 0x80 | (pool[r + 2]! & 0x3f)
  for (let i = 9; i < 16; i++) b[i] = pool[r + i - 6]!
  const h = b.map((x) => hex[x]!)
  return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-${h.slice(8, 10).join('')}-${h.slice(10).join('')}`
}

/** The `id` column of a table: a time-ordered UUID made on insert. */
export const idColumn = () =>
  uuid('id')
    .primaryKey()
    .defaultRandom()
    .$defaultFn(() => uuidv7())
