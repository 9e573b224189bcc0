// Saved queue views (我的视图): a user's named filters.
import { AppError, notFound } from '../../../platform/errors'
import type { Deps, RequestContext } from '../../../platform/http/context'
import * as repo from '../cases.repository'

const toView = (v: { id: string; name: string; query: Record<string, string> }) => ({
  id: v.id,
  name: v.name,
  query: v.query,
})

export async function listViews({ db }: Deps, ctx: RequestContext) {
  return (await repo.viewsOf(db, ctx.actor.userId)).map(toView)
}

export async function saveView(
  { db, clock }: Deps,
  ctx: RequestContext,
  body: { name: string; query: Record<string, string> },
) {
  const created = await repo.insertView(db, {
    orgId: ctx.actor.orgId,
    userId: ctx.actor.userId,
    name: body.name.trim(),
    query: body.query,
    createdAt: clock.now(),
  })
  if (!created)
    throw new AppError('conflict.duplicate', 'You have a view by this name already.', {
      field: 'name',
    })
  return toView(created)
}

export async function deleteView({ db }: Deps, ctx: RequestContext, id: string) {
  if (!(await repo.deleteView(db, ctx.actor.userId, id))) throw notFound('view')
}
