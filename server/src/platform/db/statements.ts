import { eq, getTableColumns, getTableName, is, Param, Placeholder, sql, SQL } from 'drizzle-orm'
import { PgDialect, type PgColumn, type PgTable } from 'drizzle-orm/pg-core'
import { statementName, type Db } from './index'

/**
 * Statements the query builder compiles once per process and that run on any handle, a
 * transaction's included. Building SQL with the query builder costs 0.2–0.4 ms of CPU a statement
 * (its type checks and text building), more than PostgreSQL takes to run a small insert, and a
 * write is a transaction of a dozen statements. Drizzle's own prepared queries keep their text but
 * are bound to the handle they were made on, and each transaction is a new handle; here the
 * compiled query is kept and only the connection it runs on is swapped.
 *
 * A statement's shape (its text) must depend only on what `key` says: its values come as
 * placeholders (`sql.placeholder(name)`) and are given at each run.
 */
type PreparedQuery = {
  execute(values?: Record<string, unknown>): Promise<unknown>
  params: unknown[]
  client: unknown
}
type Buildable = { prepare(name: string): unknown; toSQL(): { sql: string } }

type Compiled = {
  prepared: PreparedQuery
  /** How each of the statement's parameters is taken from the values at a run. */
  fill: ((values: Record<string, unknown>) => unknown)[]
}

type Session = {
  client: unknown
  constructor: object
  prepareQuery(
    query: { sql: string; params: unknown[] },
    fields: undefined,
    name: string,
    isResponseInArrayMode: boolean,
  ): unknown
}
const sessionOf = (db: Db) => (db as unknown as { session: Session }).session

/** Each driver (PGlite, node-postgres) prepares its own kind of query: kept per session class. */
const compiled = new Map<object, Map<string, Compiled>>()

function compile(db: Db, build: (db: Db) => Buildable): Compiled {
  const builder = build(db)
  const prepared = builder.prepare(statementName(builder.toSQL().sql)) as PreparedQuery
  const fill = prepared.params.map((p): Compiled['fill'][number] => {
    if (is(p, Placeholder)) return (values) => values[p.name] ?? null
    if (is(p, Param) && is(p.value, Placeholder)) {
      const { name } = p.value
      const encoder = p.encoder as { mapToDriverValue(v: unknown): unknown } | undefined
      // A null or missing value is SQL NULL, as the query builder writes it (a jsonb column's
      // encoder would make JSON's null of it, a timestamp's would fail).
      return (values) => {
        const value = values[name]
        return value === null || value === undefined
          ? null
          : encoder
            ? encoder.mapToDriverValue(value)
            : value
      }
    }
    return () => p
  })
  return { prepared, fill }
}

/** Runs a statement kept under `key` (compiled by `build` the first time) on `db`. */
export function runStatement<R>(
  db: Db,
  key: string,
  build: (db: Db) => Buildable,
  values: Record<string, unknown>,
): Promise<R> {
  const session = sessionOf(db)
  let kept = compiled.get(session.constructor)
  if (!kept) {
    kept = new Map()
    compiled.set(session.constructor, kept)
  }
  let statement = kept.get(key)
  if (!statement) {
    statement = compile(db, build)
    kept.set(key, statement)
  }
  // The kept query, on this handle's connection, with this run's values.
  const bound = Object.create(statement.prepared) as PreparedQuery
  bound.client = session.client
  bound.params = statement.fill.map((f) => f(values))
  return bound.execute() as Promise<R>
}

const placeholders = (keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)]))

/** The keys of a row that carry a value, in the table's column order, or null if one is SQL. */
function valueKeys(columns: Record<string, PgColumn>, row: Record<string, unknown>) {
  const keys: string[] = []
  for (const key of Object.keys(columns)) {
    const value = row[key]
    if (value === undefined) continue
    if (
      typeof value === 'object' &&
      value !== null &&
      !(value instanceof Date) &&
      (is(value, SQL) || is(value, Placeholder))
    )
      return null
    keys.push(key)
  }
  return keys
}

const columnsOf = new WeakMap<PgTable, Record<string, PgColumn>>()
function columns(table: PgTable) {
  let found = columnsOf.get(table)
  if (!found) {
    found = getTableColumns(table) as Record<string, PgColumn>
    columnsOf.set(table, found)
  }
  return found
}

/** A row's values with the `$defaultFn` of each column left out called, as the query builder does. */
function withDefaults(cols: Record<string, PgColumn>, row: object) {
  const values: Record<string, unknown> = { ...(row as Record<string, unknown>) }
  for (const [key, column] of Object.entries(cols))
    if (values[key] === undefined && column.defaultFn) values[key] = column.defaultFn()
  return values
}

/**
 * Inserts one row and returns it whole, as `db.insert(table).values(row).returning()` does: a
 * column left out takes its default (a `$defaultFn` is called here, as the query builder would).
 */
export async function insertRow<T extends PgTable>(
  db: Db,
  table: T,
  row: T['$inferInsert'],
): Promise<T['$inferSelect']> {
  const cols = columns(table)
  const values = withDefaults(cols, row)
  const keys = valueKeys(cols, values)
  if (!keys) {
    const [inserted] = (await db.insert(table).values(row).returning()) as T['$inferSelect'][]
    return inserted as T['$inferSelect']
  }
  const rows = await runStatement<T['$inferSelect'][]>(
    db,
    `insert ${getTableName(table)} ${keys.join(',')}`,
    (d) =>
      d
        .insert(table)
        .values(placeholders(keys) as T['$inferInsert'])
        .returning(),
    values,
  )
  const [inserted] = rows
  if (!inserted) throw new Error(`insert into ${getTableName(table)} returned no row`)
  return inserted
}

type WithId = PgTable & { id: PgColumn }

/** Updates the row with this id and returns it whole (undefined if there is none). */
export async function updateRowById<T extends WithId>(
  db: Db,
  table: T,
  id: string,
  patch: Partial<T['$inferInsert']>,
): Promise<T['$inferSelect'] | undefined> {
  const keys = valueKeys(columns(table), patch as Record<string, unknown>)
  if (!keys || keys.length === 0 || keys.includes('id')) {
    const rows = (await db
      .update(table)
      .set(patch)
      .where(eq(table.id, id))
      .returning()) as T['$inferSelect'][]
    return rows[0]
  }
  const rows = await runStatement<T['$inferSelect'][]>(
    db,
    `update ${getTableName(table)} ${keys.join(',')}`,
    (d) =>
      d
        .update(table)
        .set(placeholders(keys) as Partial<T['$inferInsert']>)
        .where(eq(table.id, sql.placeholder('id')))
        .returning(),
    { ...(patch as Record<string, unknown>), id },
  )
  return rows[0]
}

/** The row with this id (undefined if there is none). */
export async function rowById<T extends WithId>(
  db: Db,
  table: T,
  id: string,
): Promise<T['$inferSelect'] | undefined> {
  const rows = await runStatement<T['$inferSelect'][]>(
    db,
    `select ${getTableName(table)} by id`,
    (d) =>
      d
        .select()
        .from(table as PgTable)
        .where(eq(table.id, sql.placeholder('id'))),
    { id },
  )
  return rows[0]
}

const dialect = new PgDialect()

/**
 * Inserts rows into several tables in one statement (one round trip) and returns nothing: the
 * writes a transaction ends with (its audit row, its outbox message). Each insert is a
 * data-modifying `with` part; they all happen or none does.
 */
export async function insertRows(db: Db, rows: { table: PgTable; row: object }[]): Promise<void> {
  const parts = rows.map(({ table, row }) => {
    const cols = columns(table)
    const values = withDefaults(cols, row)
    return { table, values, keys: valueKeys(cols, values) }
  })
  if (parts.some((p) => !p.keys)) {
    for (const { table, row } of rows) await db.insert(table).values(row)
    return
  }
  const key = `insert rows ${parts.map((p) => `${getTableName(p.table)}(${p.keys!.join(',')})`).join(' ')}`
  const values: Record<string, unknown> = {}
  parts.forEach((p, i) => {
    for (const k of p.keys!) values[`${i}.${k}`] = p.values[k]
  })
  await runStatement(
    db,
    key,
    (d) => {
      const inserts = parts.map((p, i) =>
        d
          .insert(p.table)
          .values(
            Object.fromEntries(p.keys!.map((k) => [k, sql.placeholder(`${i}.${k}`)])) as never,
          ),
      )
      const withParts = sql.join(
        inserts.map((insert, i) => sql`${sql.raw(`w${i}`)} as (${insert.getSQL()})`),
        sql`, `,
      )
      return sqlStatement(d, sql`with ${withParts} select 1`)
    },
    values,
  )
}

/**
 * A statement written as SQL (with `sql.placeholder` for its values), for `runStatement`: rows come
 * back as the driver gives them (column names as written, timestamps as text), as `db.execute`.
 */
export function sqlStatement(db: Db, statement: SQL): Buildable {
  return {
    toSQL: () => dialect.sqlToQuery(statement),
    prepare: (name: string) =>
      sessionOf(db).prepareQuery(dialect.sqlToQuery(statement), undefined, name, false),
  }
}
