import type { Deps, RequestContext } from '../../../platform/http/context'
import { AppError, notFound, staleVersion } from '../../../platform/errors'
import { diffOf, recordAudit } from '../../../platform/audit'
import { localDate } from '../../../platform/clock/local-date'
import { decodeCursor, page } from '../../../platform/http/cursor'
import * as repo from '../org.repository'
import type { CreateUnitBody, Unit, UnitListQuery, UpdateUnitBody } from '../org.schemas'

type UnitWithFloor = { unit: repo.UnitRow; floorLabel: string; level: number }

const roundArea = (m2: number) => Math.round(m2 * 100) / 100

async function withOccupants(deps: Deps, rows: UnitWithFloor[]): Promise<Unit[]> {
  const occupants = await repo.currentOccupants(
    deps.db,
    rows.map((r) => r.unit.id),
    localDate(deps.clock.now()),
  )
  return rows.map(({ unit, floorLabel, level }) => ({
    id: unit.id,
    propertyId: unit.propertyId,
    floorId: unit.floorId,
    floorLabel,
    level,
    number: unit.number,
    kind: unit.kind,
    areaM2: unit.areaM2,
    status: unit.status,
    version: unit.version,
    occupants: occupants
      .filter((o) => o.unitId === unit.id)
      .map(({ occupancyId, customerId, customerName, role }) => ({
        occupancyId,
        customerId,
        customerName,
        role,
      })),
  }))
}

export async function listUnits(deps: Deps, ctx: RequestContext, query: UnitListQuery) {
  const limit = query.limit ?? 100
  const cursor = decodeCursor(query.cursor, ['int', 'string', 'uuid'])
  const rows = await repo.listUnits(deps.db, ctx.actor, localDate(deps.clock.now()), {
    ...query,
    limit,
    ...(cursor
      ? { after: { level: Number(cursor[0]), number: String(cursor[1]), id: String(cursor[2]) } }
      : {}),
  })
  const { items, nextCursor } = page(rows, limit, (r) => [r.level, r.unit.number, r.unit.id])
  return { items: await withOccupants(deps, items), nextCursor }
}

export async function getUnit(deps: Deps, ctx: RequestContext, id: string): Promise<Unit> {
  const row = await repo.findUnit(deps.db, ctx.actor, localDate(deps.clock.now()), id)
  if (!row) throw notFound('unit')
  const [unit] = await withOccupants(deps, [row])
  if (!unit) throw notFound('unit')
  return unit
}

export async function createUnit(deps: Deps, ctx: RequestContext, input: CreateUnitBody) {
  const id = await deps.db.transaction(async (tx) => {
    const floor = await repo.findFloor(tx, ctx.actor, input.floorId)
    if (!floor) throw notFound('floor')
    const created = await repo.insertUnit(tx, {
      orgId: floor.orgId,
      propertyId: floor.propertyId,
      floorId: floor.id,
      number: input.number,
      kind: input.kind,
      areaM2: roundArea(input.areaM2),
      status: input.status ?? 'vacant',
    })
    await recordAudit(tx, deps.clock, ctx, {
      action: 'unit.create',
      entityType: 'unit',
      entityId: created.id,
      diff: { after: input },
    })
    return created.id
  })
  return getUnit(deps, ctx, id)
}

export async function updateUnit(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: UpdateUnitBody,
) {
  await deps.db.transaction(async (tx) => {
    const found = await repo.findUnit(tx, ctx.actor, localDate(deps.clock.now()), id)
    if (!found) throw notFound('unit')
    const current = await repo.lockUnit(tx, id)
    if (!current || current.version !== input.version) throw staleVersion()
    const { version: _version, ...rest } = input
    const patch = rest.areaM2 === undefined ? rest : { ...rest, areaM2: roundArea(rest.areaM2) }
    await repo.updateUnit(tx, id, patch)
    await recordAudit(tx, deps.clock, ctx, {
      action: 'unit.update',
      entityType: 'unit',
      entityId: id,
      diff: diffOf(current, patch),
    })
  })
  return getUnit(deps, ctx, id)
}

/** A unit that never had an occupant may be removed (a data-entry mistake); others stay for history. */
export async function deleteUnit(deps: Deps, ctx: RequestContext, id: string) {
  await deps.db.transaction(async (tx) => {
    const found = await repo.findUnit(tx, ctx.actor, localDate(deps.clock.now()), id)
    if (!found) throw notFound('unit')
    await repo.lockUnit(tx, id)
    if (await repo.unitHasHistory(tx, id)) {
      throw new AppError(
        'org.unit_has_history',
        'This unit has occupancy records and is kept for history.',
      )
    }
    await repo.deleteUnit(tx, id)
    await recordAudit(tx, deps.clock, ctx, {
      action: 'unit.delete',
      entityType: 'unit',
      entityId: id,
      diff: { before: { number: found.unit.number, floorLabel: found.floorLabel } },
    })
  })
}
