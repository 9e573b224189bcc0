import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite, type PGliteOptions } from '@electric-sql/pglite'
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

// PostgreSQL's buffer cache inside PGlite's wasm memory. initdb's 128 MB is zeroed page by page on
// every open (~0.3 s of a 2-core machine's start) and stays resident; 32 MB holds the demo database
// (13 MB) twice over, and pages beyond it are read from the OS's cache (docs/decisions/0005).
const PGLITE_SHARED_BUFFERS = '32MB'

/** PGlite's wasm module, when main.ts started compiling it ahead (pglite-preload.ts). */
export type PgliteArtifacts = {
  wasmModule: Promise<NonNullable<PGliteOptions['pgliteWasmModule']>>
}

export async function openPglite(
  options: { dataDir?: string; loadDataDir?: Blob; artifacts?: PgliteArtifacts } = {},
) {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true })
  const { artifacts } = options
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    ...(artifacts ? { pgliteWasmModule: await artifacts.wasmModule } : {}),
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  })
  const db = drizzlePglite(client, { schema }) as unknown as Db
  const database: Database = { kind: 'pglite', db, pglite: client, close: () => client.close() }
  return { database, client }
}

/**
 * A connection that prepares each statement once: every parameterised query is sent as a named
 * statement (the name is a hash of its text), so PostgreSQL parses and plans it once per
 * connection instead of on every request. Drizzle's statements are fixed texts with parameters,
 * so a connection sees a bounded set; past `MAX_PREPARED` distinct texts (long `in (…)` lists,
 * bulk inserts) it sends the rest unnamed, as before.
 */
const MAX_PREPARED = 1000
const statementNames = new Map<string, string>()
/** A prepared statement's name for a text: a hash of it (the same text, the same name). */
export function statementName(text: string) {
  let name = statementNames.get(text)
  if (!name) {
    if (statementNames.size >= 10 * MAX_PREPARED) statementNames.clear()
    name = `a${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`
    statementNames.set(text, name)
  }
  return name
}
class PreparingClient extends pg.Client {
  #prepared = new Set<string>()
  constructor(config?: pg.ClientConfig) {
    super(config)
    const query = this.query.bind(this) as (...args: unknown[]) => unknown
    this.query = ((config: unknown, ...rest: unknown[]) => {
      if (
        typeof config === 'object' &&
        config !== null &&
        'text' in config &&
        typeof config.text === 'string' &&
        !('name' in config && config.name) &&
        !('submit' in config) &&
        config.text.length < 16_384
      ) {
        const name = statementName(config.text)
        if (this.#prepared.has(name) || this.#prepared.size < MAX_PREPARED) {
          this.#prepared.add(name)
          return query({ ...config, name }, ...rest)
        }
      }
      return query(config, ...rest)
    }) as typeof this.query
  }
}

export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, Client: PreparingClient })
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {})
  const db = drizzlePg(pool, { schema }) as unknown as Db
  return { kind: 'postgres', db, url, close: () => pool.end() }
}

export async function openDatabase(
  config: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string },
  pgliteArtifacts?: PgliteArtifacts,
): Promise<Database> {
  if (config.kind === 'postgres') return openPostgres(config.url)
  const artifacts = pgliteArtifacts ? { artifacts: pgliteArtifacts } : {}
  return (await openPglite({ dataDir: config.dataDir, ...artifacts })).database
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
