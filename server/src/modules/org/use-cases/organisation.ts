import type { Deps, RequestContext } from '../../../platform/http/context'
import { notFound } from '../../../platform/errors'
import { recordAudit } from '../../../platform/audit'
import * as repo from '../org.repository'

export async function getOrganisation({ db }: Deps, ctx: RequestContext) {
  const org = await repo.findOrganisation(db, ctx.actor.orgId)
  if (!org) throw notFound('organisation')
  return { id: org.id, name: org.name }
}

export async function renameOrganisation(deps: Deps, ctx: RequestContext, name: string) {
  await deps.db.transaction(async (tx) => {
    const org = await repo.findOrganisation(tx, ctx.actor.orgId)
    if (!org) throw notFound('organisation')
    await repo.renameOrganisation(tx, org.id, name)
    await recordAudit(tx, deps.clock, ctx, {
      action: 'organisation.update',
      entityType: 'organisation',
      entityId: org.id,
      diff: { name: [org.name, name] },
    })
  })
  return getOrganisation(deps, ctx)
}
