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
  prepared = false,
): SQL {
  const org = eq(orgIdColumn, prepared ? sql.placeholder('scopeOrg') : actor.orgId)
  if (actor.allProperties) return org
  if (actor.propertyIds.length === 0) return sql`false`
  const mine = prepared
    ? sql`${propertyIdColumn} = any(${sql.placeholder('scopeProperties')}::uuid[])`
    : inArray(propertyIdColumn, [...actor.propertyIds])
  return and(org, mine) ?? sql`false`
}

/**
 * The caller's values for a scope built with `prepared` (placeholders instead of values): a
 * prepared statement takes them at execution, so one statement serves every caller of its shape.
 */
export function scopeValues(actor: Actor): Record<string, unknown> {
  return {
    scopeOrg: actor.orgId,
    scopeProperties: [...actor.propertyIds],
    scopeUser: actor.userId,
    scopeCustomer: actor.customerId ?? null,
    scopeDepartment: actor.department ?? null,
  }
}
