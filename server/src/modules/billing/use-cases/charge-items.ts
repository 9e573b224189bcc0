import type { RequestContext } from '../../../platform/http/context'
import type { Deps } from './shared'
import { AppError, notFound, staleVersion } from '../../../platform/errors'
import { diffOf, recordAudit } from '../../../platform/audit'
import { findProperty } from '../../org'
import * as repo from '../billing.repository'
import type {
  ChargeItem,
  CreateChargeItemBody,
  CreateRateBody,
  UpdateChargeItemBody,
} from '../billing.schemas'
import { addDays } from '../money'

const toItem = (i: repo.ChargeItemRow): ChargeItem => ({
  id: i.id,
  code: i.code,
  name: i.name,
  kind: i.kind,
  dueDays: i.dueDays,
  active: i.active,
  version: i.version,
})

export async function listChargeItems({ db }: Deps, ctx: RequestContext) {
  return (await repo.listChargeItems(db, ctx.actor.orgId)).map(toItem)
}

export async function createChargeItem(
  { db, clock }: Deps,
  ctx: RequestContext,
  input: CreateChargeItemBody,
) {
  return db.transaction(async (tx) => {
    const created = await repo.insertChargeItem(tx, { orgId: ctx.actor.orgId, ...input })
    await recordAudit(tx, clock, ctx, {
      action: 'charge_item.create',
      entityType: 'charge_item',
      entityId: created.id,
      diff: { after: input },
    })
    return toItem(created)
  })
}

export async function updateChargeItem(
  { db, clock }: Deps,
  ctx: RequestContext,
  id: string,
  input: UpdateChargeItemBody,
) {
  return db.transaction(async (tx) => {
    const current = await repo.findChargeItem(tx, ctx.actor.orgId, id)
    if (!current) throw notFound('charge item')
    if (current.version !== input.version) throw staleVersion()
    const { version: _version, ...patch } = input
    const updated = await repo.updateChargeItem(tx, id, patch)
    await recordAudit(tx, clock, ctx, {
      action: 'charge_item.update',
      entityType: 'charge_item',
      entityId: id,
      diff: diffOf(current, patch),
    })
    return toItem(updated)
  })
}

export async function listRates({ db }: Deps, ctx: RequestContext, propertyId: string) {
  if (!(await findProperty(db, ctx.actor, propertyId))) throw notFound('property')
  const rows = await repo.listRates(db, ctx.actor.orgId, propertyId)
  return rows.map((r) => ({
    id: r.id,
    propertyId: r.propertyId,
    chargeItemId: r.chargeItemId,
    unitKind: r.unitKind,
    basis: r.basis,
    amount: r.amount,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
  }))
}

// Each kind of item has one way of being priced.
const basisOf = {
  management_fee: 'per_m2_month',
  fixed_fee: 'fixed',
  utility: 'fixed',
  compensation: 'fixed',
  paid_repair: 'fixed',
  late_fee: 'basis_points_per_day',
} as const

/** A new rate takes over from the day it starts: the rate before it ends the day before. */
export async function createRate(deps: Deps, ctx: RequestContext, input: CreateRateBody) {
  await deps.db.transaction(async (tx) => {
    if (!(await findProperty(tx, ctx.actor, input.propertyId))) throw notFound('property')
    const item = await repo.findChargeItem(tx, ctx.actor.orgId, input.chargeItemId)
    if (!item) throw notFound('charge item')
    const basis = basisOf[item.kind]
    if (input.basis !== basis) {
      throw new AppError('billing.rate_basis', `A ${item.kind} rate is ${basis}.`, {
        field: 'basis',
        extra: { expected: basis },
      })
    }
    const unitKind = input.unitKind ?? null
    // Rates follow each other in time: a new one must start after the latest one started.
    const latest = await repo.latestRateStart(tx, input.propertyId, input.chargeItemId, unitKind)
    if (latest && input.effectiveFrom <= latest) {
      throw new AppError(
        'billing.rate_order',
        `A rate of this item already starts on ${latest}; a new one must start later.`,
        {
          field: 'effectiveFrom',
          extra: { latest },
        },
      )
    }
    await repo.closeOpenRates(
      tx,
      input.propertyId,
      input.chargeItemId,
      unitKind,
      addDays(input.effectiveFrom, -1),
    )
    const created = await repo.insertRate(tx, { orgId: ctx.actor.orgId, ...input, unitKind })
    await recordAudit(tx, deps.clock, ctx, {
      action: 'charge_rate.create',
      entityType: 'charge_rate',
      entityId: created.id,
      diff: { after: input },
    })
  })
  return listRates(deps, ctx, input.propertyId)
}
