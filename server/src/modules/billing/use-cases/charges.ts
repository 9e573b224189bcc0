import type { RequestContext } from '../../../platform/http/context'
import type { Deps } from './shared'
import { AppError, notFound } from '../../../platform/errors'
import { recordAudit } from '../../../platform/audit'
import { decodeCursor, page } from '../../../platform/http/cursor'
import type { Db } from '../../../platform/db'
import type { Clock } from '../../../platform/clock'
import { findUnit } from '../../org'
import * as repo from '../billing.repository'
import type { Charge, ChargeListQuery, PostChargeBody } from '../billing.schemas'
import { addDays, periodOf } from '../money'
import { customerInScope, today, toCharge } from './shared'

export type PostChargeInput = PostChargeBody & {
  /** Makes the posting exactly-once: the same key returns the charge posted the first time. */
  idempotencyKey: string
}

/**
 * The one way other modules (repairs, move-out damage, fit-out fees) bill a customer. Call it
 * inside the caller's transaction; the case that caused the charge is kept with it.
 */
export async function postCharge(
  tx: Db,
  clock: Clock,
  ctx: RequestContext,
  input: PostChargeInput,
): Promise<Charge> {
  const customer = await customerInScope(tx, ctx, input.customerId)
  await repo.lockCustomerLedger(tx, customer.id)
  // Under the customer's lock a repeat of the same key finds the first charge, never a second.
  const existing = await repo.findChargeByKey(tx, ctx.actor.orgId, input.idempotencyKey)
  if (existing) {
    if (
      existing.customerId !== customer.id ||
      existing.amount !== input.amount ||
      existing.chargeItemId !== input.chargeItemId
    ) {
      throw new AppError(
        'request.idempotency_key_reused',
        'This key already posted another charge.',
        { field: 'idempotencyKey' },
      )
    }
    return chargeById(tx, existing.id)
  }
  const item = await repo.findChargeItem(tx, ctx.actor.orgId, input.chargeItemId)
  if (!item) throw notFound('charge item')
  if (!item.active)
    throw new AppError('billing.item_inactive', 'This charge item is no longer in use.', {
      field: 'chargeItemId',
    })
  const todayDate = today({ db: tx, clock })
  if (input.unitId) {
    const unit = await findUnit(tx, ctx.actor, todayDate, input.unitId)
    if (!unit || unit.unit.propertyId !== customer.propertyId) throw notFound('unit')
  }
  const dueDate = input.dueDate ?? addDays(todayDate, item.dueDays)
  const created = await repo.insertCharge(tx, {
    orgId: ctx.actor.orgId,
    propertyId: customer.propertyId,
    customerId: customer.id,
    unitId: input.unitId ?? null,
    chargeItemId: item.id,
    period: periodOf(dueDate),
    description: input.description ?? item.name,
    amount: input.amount,
    dueDate,
    caseId: input.caseId ?? null,
    source: 'posted',
    idempotencyKey: input.idempotencyKey,
    createdBy: ctx.actor.userId,
    createdAt: clock.now(),
  })
  await recordAudit(tx, clock, ctx, {
    action: 'charge.post',
    entityType: 'charge',
    entityId: created.id,
    diff: {
      after: {
        customerId: customer.id,
        item: item.code,
        amount: input.amount,
        caseId: input.caseId ?? null,
      },
    },
  })
  return chargeById(tx, created.id)
}

async function chargeById(db: Db, id: string): Promise<Charge> {
  const [row] = await repo.chargesById(db, [id])
  if (!row) throw notFound('charge')
  return toCharge(row)
}

export async function listCharges({ db }: Deps, ctx: RequestContext, q: ChargeListQuery) {
  const limit = q.limit ?? 100
  const cursor = decodeCursor(q.cursor, ['date', 'uuid'])
  const rows = await repo.listCharges(db, ctx.actor, {
    ...q,
    limit,
    ...(cursor ? { after: { dueDate: String(cursor[0]), id: String(cursor[1]) } } : {}),
  })
  const { items, nextCursor } = page(rows, limit, (r) => [r.charge.dueDate, r.charge.id])
  return { items: items.map(toCharge), nextCursor }
}

/**
 * Cancels a charge posted in error. Money already allocated to it goes back to the payments it
 * came from, as credit: nothing is deleted, the allocations are offset by negative ones.
 */
export async function reverseCharge(
  tx: Db,
  clock: Clock,
  ctx: RequestContext,
  id: string,
  reason: string,
): Promise<Charge> {
  const found = await repo.findCharge(tx, ctx.actor, id)
  if (!found) throw notFound('charge')
  await repo.lockCustomerLedger(tx, found.customerId)
  const charge = await repo.findCharge(tx, ctx.actor, id, true)
  if (!charge) throw notFound('charge')
  if (charge.reversedAt)
    throw new AppError('billing.already_reversed', 'This charge was reversed already.')
  const now = clock.now()
  const released = await repo.netAllocationsOfCharge(tx, id)
  await repo.insertAllocations(
    tx,
    released.map((a) => ({
      orgId: charge.orgId,
      paymentId: a.paymentId,
      chargeId: id,
      amount: -a.amount,
      createdAt: now,
    })),
  )
  await repo.markChargeReversed(tx, id, reason, now)
  await recordAudit(tx, clock, ctx, {
    action: 'charge.reverse',
    entityType: 'charge',
    entityId: id,
    diff: {
      reason,
      amount: charge.amount,
      releasedToCredit: released.reduce((s, a) => s + a.amount, 0),
    },
  })
  return chargeById(tx, id)
}
