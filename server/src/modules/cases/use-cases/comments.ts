// Comments are timeline events: internal notes for staff, or visible to the customer too.
import { recordAudit } from '../../../platform/audit'
import { forbidden, notFound } from '../../../platform/errors'
import type { Deps, RequestContext } from '../../../platform/http/context'
import { kickOutbox } from '../../../platform/outbox'
import * as repo from '../cases.repository'
import { caseChanged, notify } from './effects'

export async function addComment(
  { db, clock }: Deps,
  ctx: RequestContext,
  caseId: string,
  body: { text: string; visibleToCustomer?: boolean },
) {
  const event = await db.transaction(async (tx) => {
    const c = await repo.findCase(tx, ctx.actor, caseId, true)
    if (!c) throw notFound('case')
    if (!ctx.actor.permissions.has('case.comment')) throw forbidden('case.comment')
    const now = clock.now()
    // A customer's words are always theirs to see; staff choose.
    const visible = ctx.actor.kind === 'customer' || Boolean(body.visibleToCustomer)
    const created = await repo.insertEvent(tx, {
      orgId: c.orgId,
      caseId: c.id,
      at: now,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      kind: 'comment',
      visibility: visible ? 'customer' : 'internal',
      data: { text: body.text },
    })
    await recordAudit(tx, clock, ctx, {
      action: 'case.comment',
      entityType: 'case',
      entityId: c.id,
      diff: { eventId: created.id, visibleToCustomer: visible },
    })
    const to =
      ctx.actor.kind === 'customer'
        ? { assignee: true as const, creator: true as const }
        : {
            assignee: true as const,
            creator: true as const,
            ...(visible ? { customer: true as const } : {}),
          }
    await notify(tx, now, c, to, 'case.commented', { exclude: ctx.actor.userId })
    await caseChanged(tx, now, c, 'comment')
    return created
  })
  kickOutbox()
  return {
    id: event.id,
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorName: event.actorName,
    kind: event.kind,
    action: null,
    fromState: null,
    toState: null,
    reason: null,
    visibility: event.visibility,
    data: event.data,
  }
}
