import type { RequestContext } from '../../../platform/http/context'
import type { Deps } from './shared'
import type { Db } from '../../../platform/db'
import * as repo from '../billing.repository'
import type { Statement } from '../billing.schemas'
import { customerInScope, today, toCharge, toPayment } from './shared'

/** A customer's account: every charge with what was paid on it, every payment, credit and deposits. */
export async function customerStatement(
  deps: Deps,
  ctx: RequestContext,
  customerId: string,
  db: Db = deps.db,
): Promise<Statement> {
  const customer = await customerInScope(db, ctx, customerId)
  // One query after another: db may be a transaction's single connection (a move-out's guard
  // reads the account inside it), where overlapping queries are deprecated by pg and fail in pg 9.
  const charges = await repo.chargesOfCustomer(db, customer.id)
  const paymentRows = await repo.listPayments(db, ctx.actor, {
    customerId: customer.id,
    limit: 10_000,
  })
  const credit = await repo.creditOf(db, customer.id)
  const depositRows = await repo.listDeposits(db, ctx.actor, {
    customerId: customer.id,
    held: true,
    limit: 10_000,
  })
  const lines = charges.map((c) => toCharge(c))
  const live = lines.filter((c) => c.status !== 'reversed')
  const open = live.reduce((s, c) => s + c.open, 0)
  const date = today(deps)
  return {
    customerId: customer.id,
    customerName: customer.name,
    charged: live.reduce((s, c) => s + c.amount, 0),
    paid: live.reduce((s, c) => s + c.paid, 0),
    open,
    overdue: live.filter((c) => c.dueDate < date).reduce((s, c) => s + c.open, 0),
    credit,
    balance: open - credit,
    depositsHeld: depositRows.reduce((s, d) => s + d.deposit.balance, 0),
    charges: lines,
    payments: paymentRows.map((r) => toPayment(r.payment, r.allocated)),
  }
}

export type Settlement = {
  customerId: string
  open: number
  credit: number
  balance: number
  depositsHeld: number
  settled: boolean
}

/**
 * H-MO-3, H-MO-6: what a customer still owes before moving out, and whether the account is
 * settled: nothing open, no credit left to pay back, and no deposit still held.
 */
export async function settlementOf(
  deps: Deps,
  ctx: RequestContext,
  customerId: string,
  db: Db = deps.db,
): Promise<Settlement> {
  const s = await customerStatement(deps, ctx, customerId, db)
  return {
    customerId,
    open: s.open,
    credit: s.credit,
    balance: s.balance,
    depositsHeld: s.depositsHeld,
    settled: s.open === 0 && s.credit === 0 && s.depositsHeld === 0,
  }
}
