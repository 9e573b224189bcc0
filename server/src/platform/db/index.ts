import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import pg from 'pg'
import * as schema from '../../db/schema'
import { serverRoot } from '../server-root'

export type Schema = typeof schema
/** A database handle or a transaction: repositories accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>

export type Database = {
  kind: 'pglite' | 'postgres'
  db: Db
  /** Set for a PostgreSQL server; migrations take a connection of their own from it. */
  url?: string
  /** Set for embedded PGlite: the one client, which pg-boss shares with Drizzle. */
  pglite?: PGlite
  close(): Promise<void>
}

export const migrationsFolder = join(serverRoot, 'drizzle')

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}) {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true })
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  })
  const db = drizzlePglite(client, { schema }) as unknown as Db
  const database: Database = { kind: 'pglite', db, pglite: client, close: () => client.close() }
  return { database, client }
}

export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize })
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {})
  const db = drizzlePg(pool, { schema }) as unknown as Db
  return { kind: 'postgres', db, url, close: () => pool.end() }
}

export async function openDatabase(
  config: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string },
): Promise<Database> {
  if (config.kind === 'postgres') return openPostgres(config.url)
  return (await openPglite({ dataDir: config.dataDir })).database
}

// Several app instances may start at once against one server: one migrates, the others wait.
const MIGRATION_LOCK = 7_300_001

export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as Parameters<typeof migratePglite>[0], { migrationsFolder })
    return
  }
  // A session-level lock needs one connection for lock, migrate and unlock.
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])
    await migratePg(drizzlePg(client), { migrationsFolder })
  } finally {
    await client.end()
  }
}

export async function migrationLevel(db: Db): Promise<number> {
  const result = (await db.execute(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  )) as {
    rows: { n: number }[]
  }
  return Number(result.rows[0]?.n ?? 0)
}
