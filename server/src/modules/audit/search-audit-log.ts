import type { Static } from 'typebox'
import type { Deps, RequestContext } from '../../platform/http/context'
import { searchAudit } from '../../platform/audit'
import { forbidden } from '../../platform/errors'
import { decodeCursor, page } from '../../platform/http/cursor'
import type { AuditQuery } from './audit.routes'

export async function searchAuditLog(
  { db }: Deps,
  ctx: RequestContext,
  q: Static<typeof AuditQuery>,
) {
  // Audit rows span every building of the organisation: only someone who serves them all reads them.
  if (!ctx.actor.allProperties) throw forbidden('audit.read (every building)')
  const limit = q.limit ?? 50
  const cursor = decodeCursor(q.cursor, ['iso', 'int'])
  const rows = await searchAudit(db, ctx.actor.orgId, {
    limit: limit + 1,
    ...(q.actorId ? { actorId: q.actorId } : {}),
    ...(q.action ? { action: q.action } : {}),
    ...(q.entityType ? { entityType: q.entityType } : {}),
    ...(q.entityId ? { entityId: q.entityId } : {}),
    ...(q.from ? { from: new Date(q.from) } : {}),
    ...(q.to ? { to: new Date(q.to) } : {}),
    ...(cursor ? { after: { at: new Date(String(cursor[0])), id: Number(cursor[1]) } } : {}),
  })
  const { items, nextCursor } = page(rows, limit, (r) => [r.at.toISOString(), r.id])
  return {
    items: items.map((r) => ({ ...r, at: r.at.toISOString() })),
    nextCursor,
  }
}
