import type { Deps as PlatformDeps, RequestContext } from '../../../platform/http/context'
import { notFound } from '../../../platform/errors'
import { localDate } from '../../../platform/clock/local-date'
import { findCustomer } from '../../customers'
import type { Db } from '../../../platform/db'
import * as repo from '../billing.repository'
import type { Charge, Payment } from '../billing.schemas'

/** What money use-cases need: the database and the clock (the demo seed runs them too). */
export type Deps = Pick<PlatformDeps, 'db' | 'clock'>

export const today = (deps: Deps) => localDate(deps.clock.now())

/** The customer if the caller may see them; 404 otherwise. */
export async function customerInScope(db: Db, ctx: RequestContext, id: string) {
  const customer = await findCustomer(db, ctx.actor, id)
  if (!customer) throw notFound('customer')
  return customer
}

/** A readable number: prefix-propertyCode-yyyymm-seq, gap-free per building, kind and month. */
export async function documentNumber(
  db: Db,
  orgId: string,
  prefix: string,
  propertyId: string,
  period: string,
) {
  const code = await repo.propertyCode(db, propertyId)
  const month = period.replace('-', '')
  const seq = await repo.nextNumber(db, orgId, `${prefix}:${propertyId}:${month}`)
  return `${prefix}-${code}-${month}-${String(seq).padStart(4, '0')}`
}

export function toCharge(r: repo.ChargeWithPaid & { customerName?: string }): Charge {
  const c = r.charge
  const reversed = c.reversedAt !== null
  const open = reversed ? 0 : Math.max(c.amount - r.paid, 0)
  return {
    id: c.id,
    propertyId: c.propertyId,
    customerId: c.customerId,
    ...(r.customerName ? { customerName: r.customerName } : {}),
    unitId: c.unitId,
    unitNumber: r.unitNumber,
    chargeItemId: c.chargeItemId,
    itemCode: r.itemCode,
    itemName: r.itemName,
    billId: c.billId,
    period: c.period,
    description: c.description,
    amount: c.amount,
    paid: r.paid,
    open,
    dueDate: c.dueDate,
    caseId: c.caseId,
    status: reversed ? 'reversed' : open > 0 ? 'open' : 'paid',
    reversalReason: c.reversalReason,
    createdAt: c.createdAt.toISOString(),
  }
}

export function toPayment(
  p: repo.PaymentRow,
  allocated: number,
  extra: Partial<Payment> = {},
): Payment {
  return {
    id: p.id,
    propertyId: p.propertyId,
    customerId: p.customerId,
    amount: p.amount,
    allocated,
    method: p.method,
    receivedAt: p.receivedAt.toISOString(),
    receiptNumber: p.receiptNumber,
    reference: p.reference,
    note: p.note,
    reversalOf: p.reversalOf,
    reversedBy: p.reversedBy,
    createdAt: p.createdAt.toISOString(),
    ...extra,
  }
}
