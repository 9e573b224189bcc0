import type { RequestContext } from '../../../platform/http/context'
import type { Deps } from './shared'
import { AppError, notFound, staleVersion } from '../../../platform/errors'
import { recordAudit } from '../../../platform/audit'
import { decodeCursor, page } from '../../../platform/http/cursor'
import type { Db } from '../../../platform/db'
import { findUnit } from '../../org'
import * as repo from '../billing.repository'
import type {
  DeductDepositBody,
  Deposit,
  DepositListQuery,
  ReceiveDepositBody,
  RefundDepositBody,
} from '../billing.schemas'
import { addMonths, periodOf } from '../money'
import { customerInScope, documentNumber, today } from './shared'
import { localDate } from '../../../platform/clock/local-date'
import { isWorkingDay, nextDate, type WorkCalendar } from '../../../platform/calendar'
import { calendarOf } from '../../settings'

/**
 * H-FO-15: a fit-out deposit taken for an open fit-out comes back only through the case's own
 * steps (acceptance, the refund day, finance's refund): not by hand on the billing pages.
 */
async function notHeldByOpenFitOut(tx: Db, deposit: repo.DepositRow) {
  if (deposit.type !== 'fit_out' || !deposit.caseId) return
  if (await repo.isOpenCase(tx, deposit.caseId))
    throw new AppError(
      'billing.deposit_held_by_case',
      'This fit-out deposit is refunded through its fit-out case.',
      { extra: { caseId: deposit.caseId } },
    )
}

/** H-FO-15: the deposit balance comes back three months after a clean re-inspection. */
export const REFUND_DELAY_MONTHS = 3

/**
 * H-FO-15: the day a deposit is refunded — three calendar months after the clean re-inspection
 * (the 31st becomes the month's last day: 30 Nov → 28 Feb, or 29 Feb in a leap year), moved on
 * to the building's next working day when it falls on a weekend or holiday: finance pays out on
 * working days.
 */
export function refundDueDate(reinspectedOn: string, calendar: WorkCalendar): string {
  let due = addMonths(reinspectedOn, REFUND_DELAY_MONTHS)
  // A holiday run is never longer than a few weeks; the bound only guards a misconfigured calendar.
  for (let k = 0; k < 60 && !isWorkingDay(calendar, due); k++) due = nextDate(due)
  return due
}

/**
 * H-FO-15: schedules the refund of the fit-out deposits the case's customer still has held for the
 * case (the engine's effect). Another customer's deposit, or a pass-card deposit, naming the case
 * by mistake keeps its own course.
 */
export async function scheduleCaseRefunds(
  tx: Db,
  deps: Deps,
  ctx: RequestContext,
  c: { id: string; propertyId: string; customerId: string | null },
  reinspectedOn: string,
) {
  const refundDueOn = refundDueDate(reinspectedOn, await calendarOf(tx, c.propertyId))
  for (const deposit of await repo.depositsOfCase(tx, c, 'fit_out')) {
    if (deposit.balance <= 0) continue
    await repo.setRefundDue(tx, deposit.id, refundDueOn)
    await recordAudit(tx, deps.clock, ctx, {
      action: 'deposit.schedule_refund',
      entityType: 'deposit',
      entityId: deposit.id,
      diff: { reinspectedOn, refundDueOn, caseId: c.id },
    })
  }
  return refundDueOn
}

/** Pays back what is left on the case's fit-out deposits (finance's step, on the due day). */
export async function refundCaseDeposits(
  tx: Db,
  deps: Deps,
  ctx: RequestContext,
  c: { id: string; customerId: string | null },
  key: string,
  method: RefundDepositBody['method'],
) {
  for (const deposit of await repo.depositsOfCase(tx, c, 'fit_out')) {
    if (deposit.balance <= 0) continue
    await refundDeposit(
      tx,
      deps,
      ctx,
      `${key}:${deposit.id}`,
      deposit.id,
      { method },
      { viaCase: true },
    )
  }
}

type Entry = Awaited<ReturnType<typeof repo.entriesOfDeposits>>[number]

function toDeposit(
  row: { deposit: repo.DepositRow; customerName: string; unitNumber: string | null },
  entries: Entry[],
): Deposit {
  const d = row.deposit
  const sum = (kind: Entry['kind']) =>
    entries.filter((e) => e.kind === kind).reduce((s, e) => s + e.amount, 0)
  return {
    id: d.id,
    propertyId: d.propertyId,
    customerId: d.customerId,
    customerName: row.customerName,
    unitId: d.unitId,
    unitNumber: row.unitNumber,
    type: d.type,
    caseId: d.caseId,
    received: sum('received'),
    deducted: sum('deducted'),
    refunded: sum('refunded'),
    balance: d.balance,
    refundDueOn: d.refundDueOn,
    version: d.version,
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      amount: e.amount,
      method: e.method,
      receiptNumber: e.receiptNumber,
      reason: e.reason,
      caseId: e.caseId,
      at: e.at.toISOString(),
    })),
    createdAt: d.createdAt.toISOString(),
  }
}

export async function depositById(db: Db, ctx: RequestContext, id: string): Promise<Deposit> {
  const [row] = await repo.listDeposits(db, ctx.actor, { limit: 1, ids: [id] })
  if (!row) throw notFound('deposit')
  return toDeposit(row, await repo.entriesOfDeposits(db, [id]))
}

/** H-FO-3: a deposit taken at finance (fit-out, pass card, lease) becomes a liability with a receipt. */
export async function receiveDeposit(
  tx: Db,
  deps: Deps,
  ctx: RequestContext,
  key: string,
  input: ReceiveDepositBody,
): Promise<Deposit> {
  const customer = await customerInScope(tx, ctx, input.customerId)
  if (input.unitId) {
    const unit = await findUnit(tx, ctx.actor, today(deps), input.unitId)
    if (!unit || unit.unit.propertyId !== customer.propertyId) throw notFound('unit')
  }
  const now = deps.clock.now()
  const deposit = await repo.insertDeposit(tx, {
    orgId: ctx.actor.orgId,
    propertyId: customer.propertyId,
    customerId: customer.id,
    unitId: input.unitId ?? null,
    type: input.type,
    caseId: input.caseId ?? null,
    createdAt: now,
  })
  const receiptNumber = await documentNumber(
    tx,
    ctx.actor.orgId,
    'YJ',
    customer.propertyId,
    periodOf(today(deps)),
  )
  await repo.insertDepositEntry(tx, {
    orgId: ctx.actor.orgId,
    depositId: deposit.id,
    kind: 'received',
    amount: input.amount,
    method: input.method,
    receiptNumber,
    reason: input.note ?? '',
    caseId: input.caseId ?? null,
    idempotencyKey: key,
    createdBy: ctx.actor.userId,
    at: now,
  })
  await repo.changeDepositBalance(tx, deposit.id, input.amount)
  await recordAudit(tx, deps.clock, ctx, {
    action: 'deposit.receive',
    entityType: 'deposit',
    entityId: deposit.id,
    diff: {
      customerId: customer.id,
      type: input.type,
      amount: input.amount,
      receiptNumber,
      caseId: input.caseId ?? null,
    },
  })
  return depositById(tx, ctx, deposit.id)
}

async function lockedDeposit(tx: Db, ctx: RequestContext, id: string, amount: number) {
  const deposit = await repo.findDeposit(tx, ctx.actor, id, true)
  if (!deposit) throw notFound('deposit')
  // The balance can never go below zero: checked here under the row lock, and by a CHECK constraint.
  if (amount > deposit.balance) {
    throw new AppError(
      'billing.deposit_insufficient',
      `Only ${deposit.balance} fen is left on this deposit.`,
      {
        field: 'amount',
        extra: { balance: deposit.balance },
      },
    )
  }
  return deposit
}

/** H-FO-14: damage the customer does not repair is paid at market price from the deposit. */
export async function deductFromDeposit(
  tx: Db,
  deps: Deps,
  ctx: RequestContext,
  key: string,
  id: string,
  input: DeductDepositBody,
) {
  const deposit = await lockedDeposit(tx, ctx, id, input.amount)
  await repo.insertDepositEntry(tx, {
    orgId: deposit.orgId,
    depositId: id,
    kind: 'deducted',
    amount: input.amount,
    reason: input.reason,
    caseId: input.caseId ?? deposit.caseId,
    idempotencyKey: key,
    createdBy: ctx.actor.userId,
    at: deps.clock.now(),
  })
  await repo.changeDepositBalance(tx, id, -input.amount)
  await recordAudit(tx, deps.clock, ctx, {
    action: 'deposit.deduct',
    entityType: 'deposit',
    entityId: id,
    diff: { amount: input.amount, reason: input.reason },
  })
  return depositById(tx, ctx, id)
}

/** Pays back the balance (or part of it). A scheduled refund cannot be paid before its due date. */
export async function refundDeposit(
  tx: Db,
  deps: Deps,
  ctx: RequestContext,
  key: string,
  id: string,
  input: RefundDepositBody,
  options: { viaCase?: boolean } = {},
) {
  const current = await repo.findDeposit(tx, ctx.actor, id, true)
  if (!current) throw notFound('deposit')
  if (!options.viaCase) await notHeldByOpenFitOut(tx, current)
  const amount = input.amount ?? current.balance
  if (amount <= 0)
    throw new AppError('billing.deposit_insufficient', 'Nothing is left on this deposit.', {
      field: 'amount',
      extra: { balance: 0 },
    })
  const deposit = await lockedDeposit(tx, ctx, id, amount)
  if (deposit.refundDueOn && deposit.refundDueOn > today(deps)) {
    throw new AppError('billing.refund_not_due', `This refund is due on ${deposit.refundDueOn}.`, {
      extra: { refundDueOn: deposit.refundDueOn },
    })
  }
  const receiptNumber = await documentNumber(
    tx,
    ctx.actor.orgId,
    'TK',
    deposit.propertyId,
    periodOf(today(deps)),
  )
  await repo.insertDepositEntry(tx, {
    orgId: deposit.orgId,
    depositId: id,
    kind: 'refunded',
    amount,
    method: input.method,
    receiptNumber,
    reason: input.reason ?? '',
    caseId: deposit.caseId,
    idempotencyKey: key,
    createdBy: ctx.actor.userId,
    at: deps.clock.now(),
  })
  await repo.changeDepositBalance(tx, id, -amount)
  await recordAudit(tx, deps.clock, ctx, {
    action: 'deposit.refund',
    entityType: 'deposit',
    entityId: id,
    diff: { amount, receiptNumber },
  })
  return depositById(tx, ctx, id)
}

/** H-FO-15: schedules the refund for three months after the clean re-inspection. */
export async function scheduleDepositRefund(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  reinspectedOn: string,
  version: number,
) {
  await deps.db.transaction(async (tx) => {
    const deposit = await repo.findDeposit(tx, ctx.actor, id, true)
    if (!deposit) throw notFound('deposit')
    await notHeldByOpenFitOut(tx, deposit)
    if (deposit.version !== version) throw staleVersion()
    // The re-inspection happened: not in the future, and not before the deposit was taken.
    if (reinspectedOn > today(deps) || reinspectedOn < localDate(deposit.createdAt)) {
      throw new AppError(
        'billing.reinspection_date',
        'The re-inspection date must lie between the deposit and today.',
        {
          field: 'reinspectedOn',
        },
      )
    }
    const refundDueOn = refundDueDate(reinspectedOn, await calendarOf(tx, deposit.propertyId))
    await repo.setRefundDue(tx, id, refundDueOn)
    await recordAudit(tx, deps.clock, ctx, {
      action: 'deposit.schedule_refund',
      entityType: 'deposit',
      entityId: id,
      diff: { reinspectedOn, refundDueOn },
    })
  })
  return depositById(deps.db, ctx, id)
}

export async function listDeposits(deps: Deps, ctx: RequestContext, q: DepositListQuery) {
  const limit = q.limit ?? 100
  const cursor = decodeCursor(q.cursor, ['iso', 'uuid'])
  const rows = await repo.listDeposits(deps.db, ctx.actor, {
    limit,
    ...(q.propertyId ? { propertyId: q.propertyId } : {}),
    ...(q.customerId ? { customerId: q.customerId } : {}),
    ...(q.caseId ? { caseId: q.caseId } : {}),
    ...(q.view === 'held' ? { held: true } : {}),
    // H-FO-15: a scheduled refund shows in finance's queue on its due date, not before.
    ...(q.view === 'refunds_due' ? { refundDueBy: today(deps) } : {}),
    ...(cursor ? { after: { createdAt: new Date(String(cursor[0])), id: String(cursor[1]) } } : {}),
  })
  const { items, nextCursor } = page(rows, limit, (r) => [
    r.deposit.createdAt.toISOString(),
    r.deposit.id,
  ])
  const entries = await repo.entriesOfDeposits(
    deps.db,
    items.map((r) => r.deposit.id),
  )
  return {
    items: items.map((r) =>
      toDeposit(
        r,
        entries.filter((e) => e.depositId === r.deposit.id),
      ),
    ),
    nextCursor,
  }
}
