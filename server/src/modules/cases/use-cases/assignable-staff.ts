// Whom a case may be dispatched to: active staff serving the building, by department.
import type { Db } from '../../../platform/db'
import { notFound } from '../../../platform/errors'
import type { Deps, RequestContext } from '../../../platform/http/context'
import { inPropertyScope } from '../../../platform/permissions'
import * as repo from '../cases.repository'

/** A building of the caller's organisation and scope; 404 otherwise. */
export async function propertyInScope(db: Db, ctx: RequestContext, propertyId: string) {
  const property = await repo.propertyOf(db, propertyId)
  if (!property || property.orgId !== ctx.actor.orgId || !inPropertyScope(ctx.actor, propertyId))
    throw notFound('property')
  return property
}

export async function assignableStaff(
  { db }: Deps,
  ctx: RequestContext,
  q: { propertyId: string; department?: string },
) {
  await propertyInScope(db, ctx, q.propertyId)
  return repo.staffOfProperty(db, ctx.actor.orgId, q.propertyId, q.department)
}
