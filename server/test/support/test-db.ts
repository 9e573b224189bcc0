import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { openPglite, openPostgres, type Database } from '../../src/platform/db'

export type TestDbKind = 'pglite' | 'postgres'

export const testDbKind = (): TestDbKind =>
  process.env.ATRIUM_TEST_DB === 'postgres' ? 'postgres' : 'pglite'

export const serverUrl = () =>
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** The URL of another database on the same server. */
export function urlOfDatabase(name: string) {
  const url = new URL(serverUrl())
  url.pathname = `/${name}`
  return url.toString()
}

export async function adminQuery(query: string) {
  const client = new pg.Client({ connectionString: serverUrl(), connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    return await client.query(query)
  } finally {
    await client.end()
  }
}

export const uniqueDbName = (prefix: string) =>
  `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`

/**
 * A database for one test file, copied from the template that global setup migrated and seeded:
 * PGlite loads the template's data-dir dump; PostgreSQL creates a database from the template.
 */
export async function openTestDatabase(template: string): Promise<Database> {
  if (testDbKind() === 'pglite') {
    const blob = new Blob([readFileSync(template)])
    const { database } = await openPglite({ loadDataDir: blob })
    return database
  }
  const name = uniqueDbName('atrium_test')
  await adminQuery(`create database ${name} template ${template}`)
  const database = openPostgres(urlOfDatabase(name), 5)
  return {
    ...database,
    close: async () => {
      await database.close()
      await adminQuery(`drop database if exists ${name} with (force)`)
    },
  }
}
