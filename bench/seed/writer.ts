// Batched multi-row inserts: each table collects rows column by column and sends a batch as one
// `insert … select * from unnest($1::uuid[], $2::text[], …)`, a few batches in flight at once.
import type pg from 'pg'

export type Column = readonly [name: string, pgType: string]
type Value = string | number | boolean | null

export const BATCH_ROWS = 5_000
const MAX_IN_FLIGHT = 3

export class Writer {
  private inFlight = new Set<Promise<void>>()
  readonly counts = new Map<string, number>()

  constructor(private readonly pool: pg.Pool) {}

  /** Sends one batch; waits first while too many are in flight. */
  async send(table: string, columns: readonly Column[], data: Value[][]) {
    if ((data[0]?.length ?? 0) === 0) return
    while (this.inFlight.size >= MAX_IN_FLIGHT) await Promise.race(this.inFlight)
    const names = columns.map(([name]) => name).join(', ')
    const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')
    const text = `insert into ${table} (${names}) select * from unnest(${arrays})`
    const rows = data[0]?.length ?? 0
    const done = this.pool.query(text, data).then(() => {
      this.counts.set(table, (this.counts.get(table) ?? 0) + rows)
    })
    const tracked = done.finally(() => this.inFlight.delete(tracked))
    this.inFlight.add(tracked)
    // A failed batch surfaces at the next flush (drain), not as an unhandled rejection.
    tracked.catch(() => {})
    return undefined
  }

  /** Waits for every batch sent so far; throws the first failure. */
  async drain() {
    const pending = [...this.inFlight]
    this.inFlight.clear()
    await Promise.all(pending)
  }
}

/** Rows of one table, kept as columns; sent to the writer every BATCH_ROWS rows. */
export class TableBatch {
  private data: Value[][]

  constructor(
    private readonly writer: Writer,
    readonly table: string,
    readonly columns: readonly Column[],
  ) {
    this.data = columns.map(() => [])
  }

  get size() {
    return this.data[0]?.length ?? 0
  }

  add(row: readonly Value[]) {
    if (row.length !== this.columns.length) throw new Error(`${this.table}: row of ${row.length}`)
    for (const [i, value] of row.entries()) this.data[i]?.push(value)
  }

  /** Sends the rows once a batch is full (for tables nothing else waits on). */
  async maybeFlush() {
    if (this.size >= BATCH_ROWS) await this.flush()
  }

  /** Sends every row collected, in batches of BATCH_ROWS. */
  async flush() {
    const data = this.data
    this.data = this.columns.map(() => [])
    const rows = data[0]?.length ?? 0
    for (let from = 0; from < rows; from += BATCH_ROWS)
      await this.writer.send(
        this.table,
        this.columns,
        data.map((column) => column.slice(from, from + BATCH_ROWS)),
      )
  }
}
