import type { RequestContext } from '../../../platform/http/context'
import type { Deps } from './shared'
import { AppError, notFound } from '../../../platform/errors'
import { recordAudit } from '../../../platform/audit'
import { findProperty } from '../../org'
import * as repo from '../billing.repository'
import type { BillRunResult } from '../billing.schemas'
import {
  addDays,
  addMonths,
  daysBetween,
  divRound,
  daysInMonth,
  monthEnd,
  monthStart,
  monthlyFee,
  payingDays,
  prorate,
} from '../money'
import { documentNumber, today } from './shared'

/**
 * Generates a building's management-fee bills for a month: one charge per paying occupancy and
 * item, prorated by the days it pays for, grouped into one bill per customer. Running it again,
 * or twice at once, creates nothing twice: the unique indexes on bills and bill-run charges decide.
 */
export async function generateBills(
  deps: Deps,
  ctx: RequestContext,
  propertyId: string,
  period: string,
): Promise<BillRunResult> {
  const { db, clock } = deps
  return db.transaction(async (tx) => {
    const property = await findProperty(tx, ctx.actor, propertyId)
    if (!property) throw notFound('property')
    const first = monthStart(period)
    const last = monthEnd(period)
    // The rate in force on the first day of the month applies to the whole month.
    const rates = await repo.ratesOn(tx, propertyId, first, 'management_fee')
    if (rates.length === 0) {
      throw new AppError('billing.no_rates', `No management-fee rate is in force for ${period}.`, {
        field: 'period',
      })
    }
    const rows = await repo.occupanciesInMonth(tx, propertyId, first, last)
    const byUnit = new Map<string, typeof rows>()
    for (const r of rows)
      byUnit.set(r.occupancy.unitId, [...(byUnit.get(r.occupancy.unitId) ?? []), r])

    const result = {
      propertyId,
      period,
      billsCreated: 0,
      chargesCreated: 0,
      amountCreated: 0,
      chargesExisting: 0,
      lateFeesCreated: 0,
      lateFeeAmount: 0,
    }
    const now = clock.now()
    const billOf = new Map<string, repo.BillRow>()
    /** The customer's bill for this month, opened on first use. */
    const billFor = async (customerId: string, dueDate: string) => {
      let bill = billOf.get(customerId) ?? (await repo.findBill(tx, propertyId, customerId, period))
      if (!bill) {
        // Under two concurrent runs a number may be drawn and lost: unique, not gap-free.
        const number = await documentNumber(tx, ctx.actor.orgId, 'ZD', propertyId, period)
        const row = { orgId: ctx.actor.orgId, propertyId, customerId, period, number, dueDate }
        const inserted = await repo.insertBillIfAbsent(tx, { ...row, createdAt: now })
        bill = inserted.bill
        if (inserted.created) result.billsCreated++
      }
      billOf.set(customerId, bill)
      return bill
    }
    // Per item, the rate of the unit's kind wins over a rate for every kind.
    const rateFor = (itemId: string, kind: string) =>
      rates.find((r) => r.item.id === itemId && r.rate.unitKind === kind) ??
      rates.find((r) => r.item.id === itemId && r.rate.unitKind === null)
    const itemIds = [...new Set(rates.map((r) => r.item.id))]
    for (const unitRows of byUnit.values()) {
      const days = payingDays(
        unitRows.map((r) => r.occupancy),
        period,
      )
      const unitId = unitRows[0]?.occupancy.unitId ?? ''
      const unitKind = unitRows[0]?.unitKind ?? ''
      for (const itemId of itemIds) {
        const chosen = rateFor(itemId, unitKind)
        if (!chosen) continue
        // A unit's month is billed once: who pays is settled by the first run. Occupancy changes
        // made afterwards are corrected by reversing the charge and running again.
        if (await repo.unitBilled(tx, unitId, itemId, period)) {
          result.chargesExisting += unitRows.filter(
            (r) => (days.get(r.occupancy.id) ?? 0) > 0,
          ).length
          continue
        }
        const { rate, item } = chosen
        const dueDate = addDays(first, item.dueDays)
        for (const r of unitRows) {
          const paid = days.get(r.occupancy.id) ?? 0
          const amount = prorate(monthlyFee(r.areaM2, rate.amount), paid, daysInMonth(period))
          if (paid === 0 || amount <= 0) continue
          const bill = await billFor(r.occupancy.customerId, dueDate)
          const part = paid < daysInMonth(period) ? `（${paid}天）` : ''
          const inserted = await repo.insertBillRunCharge(tx, {
            orgId: ctx.actor.orgId,
            propertyId,
            customerId: r.occupancy.customerId,
            unitId: r.occupancy.unitId,
            chargeItemId: item.id,
            billId: bill.id,
            occupancyId: r.occupancy.id,
            period,
            description: `${r.unitNumber} ${period}${part}`,
            amount,
            dueDate,
            source: 'bill_run',
            createdBy: ctx.actor.userId,
            createdAt: now,
          })
          if (inserted) {
            result.chargesCreated++
            result.amountCreated += amount
          } else {
            result.chargesExisting++
          }
        }
      }
    }

    // Late fees, where the contract allows them (an active late-fee item with a daily rate): the
    // days each charge was overdue in the previous month, on this month's bill, once per charge.
    const late = (await repo.ratesOn(tx, propertyId, first, 'late_fee')).find(
      (r) => r.rate.basis === 'basis_points_per_day',
    )
    const previous = addMonths(first, -1).slice(0, 7)
    const prevStart = monthStart(previous)
    const prevEnd = monthEnd(previous)
    // Only for a month that is over: a run for a future month charges no lateness yet to come.
    // The fee is on what is still open at the run, for the days of that month past the due date.
    if (late && prevEnd < today(deps)) {
      const lateDue = addDays(first, late.item.dueDays)
      for (const { charge, open } of await repo.overdueChargesOn(tx, propertyId, prevEnd)) {
        const from = charge.dueDate >= prevStart ? charge.dueDate : addDays(prevStart, -1)
        const days = daysBetween(from, prevEnd)
        const amount = divRound(open * late.rate.amount * days, 10_000)
        if (days <= 0 || amount <= 0) continue
        const bill = await billFor(charge.customerId, lateDue)
        const inserted = await repo.insertChargeOnce(tx, {
          orgId: ctx.actor.orgId,
          propertyId,
          customerId: charge.customerId,
          unitId: charge.unitId,
          chargeItemId: late.item.id,
          billId: bill.id,
          period,
          description: `${late.item.name}：${charge.description}（${previous} 逾期 ${days} 天）`,
          amount,
          dueDate: lateDue,
          source: 'posted',
          idempotencyKey: `late:${charge.id}:${previous}`,
          createdBy: ctx.actor.userId,
          createdAt: now,
        })
        if (inserted) {
          result.lateFeesCreated++
          result.lateFeeAmount += amount
        }
      }
    }
    await recordAudit(tx, clock, ctx, {
      action: 'billing.bill_run',
      entityType: 'property',
      entityId: propertyId,
      diff: { ...result },
    })
    return result
  })
}
