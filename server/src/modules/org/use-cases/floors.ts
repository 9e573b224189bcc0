import type { Deps, RequestContext } from '../../../platform/http/context'
import { AppError, notFound, staleVersion } from '../../../platform/errors'
import { diffOf, recordAudit } from '../../../platform/audit'
import { localDate } from '../../../platform/clock/local-date'
import * as repo from '../org.repository'
import type { CreateFloorBody, Floor, UpdateFloorBody } from '../org.schemas'

const toFloor = (f: repo.FloorRow, unitCount = 0): Floor => ({
  id: f.id,
  propertyId: f.propertyId,
  label: f.label,
  level: f.level,
  kind: f.kind,
  unitCount,
  version: f.version,
})

export async function listFloors({ db, clock }: Deps, ctx: RequestContext, propertyId: string) {
  if (!(await repo.findProperty(db, ctx.actor, propertyId))) throw notFound('property')
  const rows = await repo.listFloors(db, ctx.actor, propertyId, localDate(clock.now()))
  // A customer sees only the floors of their own units.
  const visible = ctx.actor.kind === 'customer' ? rows.filter((r) => r.unitCount > 0) : rows
  return visible.map((r) => toFloor(r.floor, r.unitCount))
}

export async function createFloor(
  { db, clock }: Deps,
  ctx: RequestContext,
  propertyId: string,
  input: CreateFloorBody,
) {
  return db.transaction(async (tx) => {
    const property = await repo.findProperty(tx, ctx.actor, propertyId)
    if (!property) throw notFound('property')
    const created = await repo.insertFloor(tx, { ...input, propertyId, orgId: property.orgId })
    await recordAudit(tx, clock, ctx, {
      action: 'floor.create',
      entityType: 'floor',
      entityId: created.id,
      diff: { after: { propertyId, ...input } },
    })
    return toFloor(created)
  })
}

export async function updateFloor(
  { db, clock }: Deps,
  ctx: RequestContext,
  id: string,
  input: UpdateFloorBody,
) {
  return db.transaction(async (tx) => {
    const current = await repo.findFloor(tx, ctx.actor, id, true)
    if (!current) throw notFound('floor')
    if (current.version !== input.version) throw staleVersion()
    const { version: _version, ...patch } = input
    const updated = await repo.updateFloor(tx, id, patch)
    await recordAudit(tx, clock, ctx, {
      action: 'floor.update',
      entityType: 'floor',
      entityId: id,
      diff: diffOf(current, patch),
    })
    return toFloor(updated, await repo.countUnitsOnFloor(tx, id))
  })
}

export async function deleteFloor({ db, clock }: Deps, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const current = await repo.findFloor(tx, ctx.actor, id, true)
    if (!current) throw notFound('floor')
    if ((await repo.countUnitsOnFloor(tx, id)) > 0) {
      throw new AppError('org.floor_has_units', 'Move or remove the units of this floor first.')
    }
    await repo.deleteFloor(tx, id)
    await recordAudit(tx, clock, ctx, {
      action: 'floor.delete',
      entityType: 'floor',
      entityId: id,
      diff: { before: { label: current.label, level: current.level } },
    })
  })
}
