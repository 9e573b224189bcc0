import type { Deps, RequestContext } from '../../../platform/http/context'
import { AppError, notFound, staleVersion } from '../../../platform/errors'
import { recordAudit } from '../../../platform/audit'
import { localDate } from '../../../platform/clock/local-date'
import { findUnit, lockUnit, updateUnit } from '../../org'
import * as repo from '../customers.repository'
import type { CreateOccupancyBody, EndOccupancyBody } from '../customers.schemas'
import { getCustomer } from './customers'

// A unit is occupied while anyone's occupancy covers today, vacant otherwise; fit-out stays as set.
// A customer who has just moved out no longer counts, though their occupancy covers its last day.
async function refreshUnitStatus(
  deps: Pick<Deps, 'clock'>,
  tx: Deps['db'],
  unitId: string,
  leavingCustomerId?: string,
) {
  const unit = await lockUnit(tx, unitId)
  if (!unit || unit.status === 'fitting_out') return
  const today = localDate(deps.clock.now())
  const occupied = (await repo.countCurrentOccupancies(tx, unitId, today, leavingCustomerId)) > 0
  const status = occupied ? 'occupied' : 'vacant'
  if (unit.status !== status) await updateUnit(tx, unitId, { status })
}

/**
 * A customer takes up a unit from a date: the overlap rules, the unit's status and the audit row,
 * in the caller's transaction (the occupancy screen, and a move-in case completing).
 */
export async function occupyUnit(
  tx: Deps['db'],
  deps: Pick<Deps, 'clock'>,
  ctx: RequestContext,
  customerId: string,
  input: CreateOccupancyBody,
) {
  const toDate = input.toDate ?? null
  const customer = await repo.findCustomer(tx, ctx.actor, customerId, true)
  if (!customer) throw notFound('customer')
  const unit = await findUnit(tx, ctx.actor, localDate(deps.clock.now()), input.unitId)
  if (!unit || unit.unit.propertyId !== customer.propertyId) throw notFound('unit')
  await lockUnit(tx, input.unitId)
  const overlapping = await repo.overlappingOccupancies(tx, input.unitId, input.fromDate, toDate)
  // The same customer twice at once, or two tenants at once, is a data-entry mistake; co-owners are not.
  const clash = overlapping.find(
    (o) => o.customerId === customerId || (input.role === 'tenant' && o.role === 'tenant'),
  )
  if (clash) {
    throw new AppError(
      'customers.occupancy_overlap',
      'Another occupancy of this unit covers these dates.',
      { field: 'fromDate', extra: { occupancyId: clash.id } },
    )
  }
  const created = await repo.insertOccupancy(tx, {
    orgId: customer.orgId,
    propertyId: customer.propertyId,
    unitId: input.unitId,
    customerId,
    role: input.role,
    fromDate: input.fromDate,
    toDate,
  })
  await refreshUnitStatus(deps, tx, input.unitId)
  await recordAudit(tx, deps.clock, ctx, {
    action: 'occupancy.create',
    entityType: 'occupancy',
    entityId: created.id,
    diff: { after: { customerId, ...input } },
  })
  return created
}

/** H-MO-7: the customer's open occupancy of a unit ends on the move-out date; the unit frees up. */
export async function vacateUnit(
  tx: Deps['db'],
  deps: Pick<Deps, 'clock'>,
  ctx: RequestContext,
  customerId: string,
  unitId: string,
  toDate: string,
) {
  const open = (await repo.overlappingOccupancies(tx, unitId, toDate, null)).filter(
    (o) => o.customerId === customerId && o.fromDate <= toDate,
  )
  for (const o of open) {
    await repo.endOccupancy(tx, o.id, toDate)
    await recordAudit(tx, deps.clock, ctx, {
      action: 'occupancy.end',
      entityType: 'occupancy',
      entityId: o.id,
      diff: { toDate: [o.toDate, toDate] },
    })
  }
  await refreshUnitStatus(deps, tx, unitId, customerId)
  return open.length
}

export async function addOccupancy(
  deps: Deps,
  ctx: RequestContext,
  customerId: string,
  input: CreateOccupancyBody,
) {
  const toDate = input.toDate ?? null
  if (toDate !== null && toDate < input.fromDate) {
    throw new AppError('customers.occupancy_dates', 'The end date is before the start date.', {
      field: 'toDate',
    })
  }
  await deps.db.transaction((tx) => occupyUnit(tx, deps, ctx, customerId, input))
  return getCustomer(deps, ctx, customerId)
}

export async function endOccupancy(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: EndOccupancyBody,
) {
  const customerId = await deps.db.transaction(async (tx) => {
    const occupancy = await repo.findOccupancy(tx, ctx.actor, id)
    if (!occupancy) throw notFound('occupancy')
    if (occupancy.version !== input.version) throw staleVersion()
    if (occupancy.toDate !== null && occupancy.toDate < localDate(deps.clock.now())) {
      throw new AppError('customers.occupancy_ended', 'This occupancy has already ended.')
    }
    if (input.toDate < occupancy.fromDate) {
      throw new AppError('customers.occupancy_dates', 'The end date is before the start date.', {
        field: 'toDate',
      })
    }
    await repo.endOccupancy(tx, id, input.toDate)
    await refreshUnitStatus(deps, tx, occupancy.unitId)
    await recordAudit(tx, deps.clock, ctx, {
      action: 'occupancy.end',
      entityType: 'occupancy',
      entityId: id,
      diff: { toDate: [occupancy.toDate, input.toDate] },
    })
    return occupancy.customerId
  })
  return getCustomer(deps, ctx, customerId)
}
