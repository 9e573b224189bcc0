import type { RequestContext } from '../../../platform/http/context'
import type { Deps } from './shared'
import { AppError, notFound } from '../../../platform/errors'
import { recordAudit } from '../../../platform/audit'
import type { Db } from '../../../platform/db'
import { findProperty } from '../../org'
import * as repo from '../billing.repository'
import { periodOf } from '../money'
import { customerInScope, documentNumber, today } from './shared'

/** Open amounts per customer, aged 0–30, 31–90 and 90+ days past due, with the last reminder sent. */
export async function arrears(deps: Deps, ctx: RequestContext, propertyId: string) {
  if (!(await findProperty(deps.db, ctx.actor, propertyId))) throw notFound('property')
  const rows = await repo.arrearsByCustomer(deps.db, ctx.actor, propertyId, today(deps))
  const last = await repo.lastRemindersOf(
    deps.db,
    rows.map((r) => r.customerId),
  )
  return rows.map((r) => {
    const reminder = last.get(r.customerId)
    return {
      ...r,
      lastReminder: reminder
        ? { level: reminder.level, issuedAt: reminder.issuedAt.toISOString() }
        : null,
    }
  })
}

/** A reminder notice (催缴通知单): a record of what was overdue when it was issued, to print and hand over. */
export async function issueReminder(
  tx: Db,
  deps: Deps,
  ctx: RequestContext,
  customerId: string,
  level: 'first' | 'second',
) {
  const customer = await customerInScope(tx, ctx, customerId)
  const date = today(deps)
  const overdue = (await repo.chargesOfCustomer(tx, customer.id, { openOnly: true }))
    .map((c) => ({ c, open: c.charge.amount - c.paid }))
    .filter(({ c, open }) => open > 0 && c.charge.dueDate < date)
  if (overdue.length === 0)
    throw new AppError('billing.nothing_overdue', 'This customer owes nothing overdue.')
  const lines = overdue.map(({ c, open }) => ({
    chargeId: c.charge.id,
    period: c.charge.period,
    item: c.itemName,
    open,
    dueDate: c.charge.dueDate,
  }))
  const amount = lines.reduce((s, l) => s + l.open, 0)
  const number = await documentNumber(
    tx,
    ctx.actor.orgId,
    'CJ',
    customer.propertyId,
    periodOf(date),
  )
  const reminder = await repo.insertReminder(tx, {
    orgId: ctx.actor.orgId,
    propertyId: customer.propertyId,
    customerId: customer.id,
    level,
    number,
    amount,
    lines,
    issuedBy: ctx.actor.userId,
    issuedAt: deps.clock.now(),
  })
  await recordAudit(tx, deps.clock, ctx, {
    action: 'reminder.issue',
    entityType: 'customer',
    entityId: customer.id,
    diff: { level, amount, number },
  })
  return toReminder(reminder, customer.name)
}

export function toReminder(
  r: Awaited<ReturnType<typeof repo.insertReminder>>,
  customerName: string,
) {
  return {
    id: r.id,
    number: r.number,
    customerId: r.customerId,
    customerName,
    level: r.level,
    amount: r.amount,
    lines: r.lines,
    issuedAt: r.issuedAt.toISOString(),
  }
}

export async function remindersOf(deps: Deps, ctx: RequestContext, customerId: string) {
  const customer = await customerInScope(deps.db, ctx, customerId)
  return (await repo.remindersOf(deps.db, ctx.actor, customer.id)).map((r) =>
    toReminder(r, customer.name),
  )
}

export async function getReminder(deps: Deps, ctx: RequestContext, id: string) {
  const row = await repo.findReminder(deps.db, ctx.actor, id)
  if (!row) throw notFound('reminder')
  return toReminder(row.reminder, row.customerName)
}
