import { sql, type SQL } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'

// Whole statements compiled once are platform/db/statements.ts (runStatement).

const dialect = new PgDialect()

/**
 * A piece of SQL without values, compiled to its text once (at load): nested in a statement it is
 * one chunk of text instead of one per column reference.
 */
export function compiledOnce(piece: SQL): SQL {
  const { sql: text, params } = dialect.sqlToQuery(piece)
  if (params.length > 0) throw new Error('compiledOnce takes SQL without values')
  return sql.raw(text)
}
