import type { Deps, RequestContext } from '../../../platform/http/context'
import { notFound, staleVersion } from '../../../platform/errors'
import { diffOf, recordAudit } from '../../../platform/audit'
import * as repo from '../org.repository'
import type { CreatePropertyBody, Property, UpdatePropertyBody } from '../org.schemas'

const toProperty = (p: repo.PropertyRow, floorCount = 0, unitCount = 0): Property => ({
  id: p.id,
  code: p.code,
  name: p.name,
  address: p.address,
  timezone: p.timezone,
  floorCount,
  unitCount,
  version: p.version,
})

export async function listProperties({ db }: Deps, ctx: RequestContext): Promise<Property[]> {
  const rows = await repo.listProperties(db, ctx.actor)
  return rows.map((r) => toProperty(r.property, r.floorCount, r.unitCount))
}

export async function getProperty(deps: Deps, ctx: RequestContext, id: string): Promise<Property> {
  const found = (await listProperties(deps, ctx)).find((p) => p.id === id)
  if (!found) throw notFound('property')
  return found
}

export async function createProperty(
  { db, clock }: Deps,
  ctx: RequestContext,
  input: CreatePropertyBody,
) {
  return db.transaction(async (tx) => {
    const created = await repo.insertProperty(tx, {
      orgId: ctx.actor.orgId,
      code: input.code,
      name: input.name,
      address: input.address ?? '',
      timezone: input.timezone ?? 'Asia/Shanghai',
    })
    await recordAudit(tx, clock, ctx, {
      action: 'property.create',
      entityType: 'property',
      entityId: created.id,
      diff: { after: input },
    })
    return toProperty(created)
  })
}

export async function updateProperty(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: UpdatePropertyBody,
) {
  await deps.db.transaction(async (tx) => {
    const current = await repo.findProperty(tx, ctx.actor, id, true)
    if (!current) throw notFound('property')
    if (current.version !== input.version) throw staleVersion()
    const { version: _version, ...patch } = input
    await repo.updateProperty(tx, id, patch)
    await recordAudit(tx, deps.clock, ctx, {
      action: 'property.update',
      entityType: 'property',
      entityId: id,
      diff: diffOf(current, patch),
    })
  })
  return getProperty(deps, ctx, id)
}
