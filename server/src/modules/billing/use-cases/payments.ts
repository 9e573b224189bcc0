import type { RequestContext } from '../../../platform/http/context'
import type { Deps } from './shared'
import { AppError, notFound } from '../../../platform/errors'
import { recordAudit } from '../../../platform/audit'
import { decodeCursor, page } from '../../../platform/http/cursor'
import type { Db } from '../../../platform/db'
import * as repo from '../billing.repository'
import type { Payment, PaymentListQuery, RecordPaymentBody } from '../billing.schemas'
import { allocateOldestFirst, periodOf } from '../money'
import { customerInScope, documentNumber, today, toPayment } from './shared'
import { localDate } from '../../../platform/clock/local-date'

const openOf = (c: repo.ChargeWithPaid) =>
  c.charge.reversedAt ? 0 : Math.max(c.charge.amount - c.paid, 0)

async function paymentById(db: Db, ctx: RequestContext, id: string): Promise<Payment> {
  const p = await repo.findPayment(db, ctx.actor, id)
  if (!p) throw notFound('payment')
  const allocations = await repo.netAllocationsOfPayment(db, id)
  return toPayment(
    p,
    allocations.reduce((s, a) => s + a.amount, 0),
    { allocations },
  )
}

/**
 * Records money received (recorded, not processed: the desk took it by cash, transfer, card,
 * WeChat Pay or Alipay) and allocates it to the charges chosen, or to the oldest open ones.
 * What exceeds the open charges stays on the account as credit. Run inside onceForKey.
 */
export async function recordPayment(
  tx: Db,
  deps: Deps,
  ctx: RequestContext,
  key: string,
  input: RecordPaymentBody,
): Promise<Payment> {
  const customer = await customerInScope(tx, ctx, input.customerId)
  await repo.lockCustomerLedger(tx, customer.id)
  const charges = await repo.chargesOfCustomer(tx, customer.id, { openOnly: true })
  const open = charges.map((c) => ({
    id: c.charge.id,
    open: openOf(c),
    dueDate: c.charge.dueDate,
    createdAt: c.charge.createdAt.toISOString(),
  }))
  let allocations: { chargeId: string; amount: number }[]
  if (input.allocations) {
    const total = input.allocations.reduce((s, a) => s + a.amount, 0)
    if (total > input.amount) {
      throw new AppError(
        'billing.allocation_invalid',
        'The allocations add up to more than the payment.',
        { field: 'allocations' },
      )
    }
    for (const [i, a] of input.allocations.entries()) {
      const charge = open.find((c) => c.id === a.chargeId)
      if (!charge || a.amount > charge.open) {
        throw new AppError(
          'billing.allocation_invalid',
          'An allocation names a charge of another customer, or more than is open on it.',
          {
            field: `allocations.${i}`,
          },
        )
      }
      charge.open -= a.amount
    }
    allocations = input.allocations
  } else {
    allocations = allocateOldestFirst(open, input.amount).allocations
  }
  const now = deps.clock.now()
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now
  // Money cannot arrive from the future (a few minutes of clock skew aside).
  if (receivedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw new AppError('billing.received_in_future', 'A payment cannot be dated in the future.', {
      field: 'receivedAt',
    })
  }
  const receiptNumber = await documentNumber(
    tx,
    ctx.actor.orgId,
    'SJ',
    customer.propertyId,
    periodOf(localDate(receivedAt)),
  )
  const payment = await repo.insertPayment(tx, {
    orgId: ctx.actor.orgId,
    propertyId: customer.propertyId,
    customerId: customer.id,
    amount: input.amount,
    method: input.method,
    receivedAt,
    receiptNumber,
    reference: input.reference ?? '',
    note: input.note ?? '',
    idempotencyKey: key,
    createdBy: ctx.actor.userId,
    createdAt: now,
  })
  await repo.insertAllocations(
    tx,
    allocations.map((a) => ({
      orgId: ctx.actor.orgId,
      paymentId: payment.id,
      chargeId: a.chargeId,
      amount: a.amount,
      createdAt: now,
    })),
  )
  await recordAudit(tx, deps.clock, ctx, {
    action: 'payment.record',
    entityType: 'payment',
    entityId: payment.id,
    diff: {
      customerId: customer.id,
      amount: input.amount,
      method: input.method,
      receiptNumber,
      allocations,
    },
  })
  return paymentById(tx, ctx, payment.id)
}

/** Reverses a payment recorded in error: a negative payment row, and its allocations offset. */
export async function reversePayment(
  tx: Db,
  deps: Deps,
  ctx: RequestContext,
  key: string,
  id: string,
  reason: string,
): Promise<Payment> {
  const found = await repo.findPayment(tx, ctx.actor, id)
  if (!found) throw notFound('payment')
  await repo.lockCustomerLedger(tx, found.customerId)
  const original = await repo.findPayment(tx, ctx.actor, id, true)
  if (!original) throw notFound('payment')
  if (original.reversedBy || original.reversalOf) {
    throw new AppError(
      'billing.already_reversed',
      'This payment was reversed already, or is itself a reversal.',
    )
  }
  const now = deps.clock.now()
  const reversal = await repo.insertPayment(tx, {
    orgId: original.orgId,
    propertyId: original.propertyId,
    customerId: original.customerId,
    amount: -original.amount,
    method: original.method,
    receivedAt: now,
    receiptNumber: `${original.receiptNumber}-R`,
    reference: original.reference,
    note: reason,
    reversalOf: original.id,
    idempotencyKey: key,
    createdBy: ctx.actor.userId,
    createdAt: now,
  })
  const net = await repo.netAllocationsOfPayment(tx, id)
  await repo.insertAllocations(
    tx,
    net.map((a) => ({
      orgId: original.orgId,
      paymentId: id,
      chargeId: a.chargeId,
      amount: -a.amount,
      createdAt: now,
    })),
  )
  await repo.markPaymentReversed(tx, id, reversal.id)
  await recordAudit(tx, deps.clock, ctx, {
    action: 'payment.reverse',
    entityType: 'payment',
    entityId: id,
    diff: { reason, amount: original.amount, reversalId: reversal.id },
  })
  return paymentById(tx, ctx, id)
}

/** Allocates a customer's credit (money received, not yet allocated) to their oldest open charges. */
export async function applyCredit(tx: Db, deps: Deps, ctx: RequestContext, customerId: string) {
  const customer = await customerInScope(tx, ctx, customerId)
  await repo.lockCustomerLedger(tx, customer.id)
  const charges = await repo.chargesOfCustomer(tx, customer.id, { openOnly: true })
  const open = charges.map((c) => ({
    id: c.charge.id,
    open: openOf(c),
    dueDate: c.charge.dueDate,
    createdAt: c.charge.createdAt.toISOString(),
  }))
  const now = deps.clock.now()
  let applied = 0
  // Never more than the account's net credit: a credit refund lowers it without touching payments.
  let credit = await repo.creditOf(tx, customer.id)
  for (const { payment, unallocated } of await repo.paymentsWithCredit(tx, customer.id)) {
    if (unallocated <= 0 || credit <= 0) continue
    const { allocations } = allocateOldestFirst(open, Math.min(unallocated, credit))
    credit -= allocations.reduce((sum, a) => sum + a.amount, 0)
    for (const a of allocations) {
      const c = open.find((x) => x.id === a.chargeId)
      if (c) c.open -= a.amount
    }
    await repo.insertAllocations(
      tx,
      allocations.map((a) => ({
        orgId: customer.orgId,
        paymentId: payment.id,
        chargeId: a.chargeId,
        amount: a.amount,
        createdAt: now,
      })),
    )
    applied += allocations.reduce((s, a) => s + a.amount, 0)
  }
  if (applied > 0) {
    await recordAudit(tx, deps.clock, ctx, {
      action: 'payment.apply_credit',
      entityType: 'customer',
      entityId: customer.id,
      diff: { applied },
    })
  }
  return { applied }
}

export async function listPayments({ db }: Deps, ctx: RequestContext, q: PaymentListQuery) {
  const limit = q.limit ?? 100
  const cursor = decodeCursor(q.cursor, ['iso', 'uuid'])
  const rows = await repo.listPayments(db, ctx.actor, {
    limit,
    ...(q.propertyId ? { propertyId: q.propertyId } : {}),
    ...(q.customerId ? { customerId: q.customerId } : {}),
    ...(q.from ? { from: new Date(q.from) } : {}),
    ...(q.to ? { to: new Date(q.to) } : {}),
    ...(cursor
      ? { after: { receivedAt: new Date(String(cursor[0])), id: String(cursor[1]) } }
      : {}),
  })
  const { items, nextCursor } = page(rows, limit, (r) => [
    r.payment.receivedAt.toISOString(),
    r.payment.id,
  ])
  return {
    items: items.map((r) => toPayment(r.payment, r.allocated, { customerName: r.customerName })),
    nextCursor,
  }
}

export { today }

/**
 * H-MO-6: pays a customer's credit back (at move-out, or on request): a negative payment with a
 * refund receipt, so the account's money in still equals what paid its charges.
 */
export async function refundCredit(
  tx: Db,
  deps: Deps,
  ctx: RequestContext,
  key: string,
  customerId: string,
  input: { amount?: number; method: RecordPaymentBody['method']; reason?: string },
): Promise<Payment> {
  const customer = await customerInScope(tx, ctx, customerId)
  await repo.lockCustomerLedger(tx, customer.id)
  const credit = await repo.creditOf(tx, customer.id)
  const amount = input.amount ?? credit
  if (amount <= 0 || amount > credit) {
    throw new AppError('billing.credit_insufficient', `The customer's credit is ${credit} fen.`, {
      field: 'amount',
      extra: { credit },
    })
  }
  const now = deps.clock.now()
  const receiptNumber = await documentNumber(
    tx,
    ctx.actor.orgId,
    'TK',
    customer.propertyId,
    periodOf(today(deps)),
  )
  const refund = await repo.insertPayment(tx, {
    orgId: ctx.actor.orgId,
    propertyId: customer.propertyId,
    customerId: customer.id,
    amount: -amount,
    method: input.method,
    receivedAt: now,
    receiptNumber,
    note: input.reason ?? '',
    idempotencyKey: key,
    createdBy: ctx.actor.userId,
    createdAt: now,
  })
  await recordAudit(tx, deps.clock, ctx, {
    action: 'payment.refund_credit',
    entityType: 'customer',
    entityId: customer.id,
    diff: { amount, receiptNumber },
  })
  return paymentById(tx, ctx, refund.id)
}
