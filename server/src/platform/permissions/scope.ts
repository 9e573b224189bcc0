import { and, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import type { Actor } from './actor'

/**
 * How a scope takes the caller's values: inline (false), as placeholders (true: the buildings as
 * one array, one statement for every caller of a kind), or 'listed' (one placeholder per building:
 * a statement per number of buildings, which the planner can walk an index by — `= any(array)`
 * of a generic plan cannot give rows in an index's order).
 */
export type Prepared = boolean | 'listed'

/**
 * The query filter for property data the caller may see: their organisation and, unless they
 * serve every property, the properties they serve. Access returns a filter, never a boolean, so
 * an out-of-scope record is simply not found.
 */
export function propertyScope(
  actor: Actor,
  orgIdColumn: PgColumn,
  propertyIdColumn: PgColumn,
  prepared: Prepared = false,
): SQL {
  const org = eq(orgIdColumn, prepared ? sql.placeholder('scopeOrg') : actor.orgId)
  if (actor.allProperties) return org
  if (actor.propertyIds.length === 0) return sql`false`
  const mine =
    prepared === 'listed'
      ? inArray(
          propertyIdColumn,
          actor.propertyIds.map((_, i) => sql.placeholder(`scopeProperty${i}`)),
        )
      : prepared
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
    ...Object.fromEntries(actor.propertyIds.map((id, i) => [`scopeProperty${i}`, id])),
    scopeUser: actor.userId,
    scopeCustomer: actor.customerId ?? null,
    scopeDepartment: actor.department ?? null,
  }
}
