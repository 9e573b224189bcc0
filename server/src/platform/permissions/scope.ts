import { and, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import type { Actor } from './actor'

/**
 * The query filter for property data the caller may see: their organisation and, unless they
 * serve every property, the properties they serve. Access returns a filter, never a boolean, so
 * an out-of-scope record is simply not found.
 */
export function propertyScope(
  actor: Actor,
  orgIdColumn: PgColumn,
  propertyIdColumn: PgColumn,
): SQL {
  const org = eq(orgIdColumn, actor.orgId)
  if (actor.allProperties) return org
  if (actor.propertyIds.length === 0) return sql`false`
  return and(org, inArray(propertyIdColumn, [...actor.propertyIds])) ?? sql`false`
}
