import type { RequestContext } from '../../../platform/http/context'
import type { Deps } from './shared'
import { invalidField, notFound } from '../../../platform/errors'
import { startOfLocalDay } from '../../../platform/clock/zoned'
import { findProperty } from '../../org'
import * as repo from '../billing.repository'
import type { CollectionMonth } from '../billing.schemas'
import { addDays, addMonths, monthEnd, monthStart, rateBasisPoints } from '../money'

/**
 * H-IS-27: the collection rate (收费率) per month: collected for the period by the period's end
 * ÷ due for the period. Older debt recovered in the month is shown apart, never mixed in.
 */
export async function collectionRate(
  deps: Deps,
  ctx: RequestContext,
  propertyId: string,
  from: string,
  to: string,
): Promise<CollectionMonth[]> {
  const property = await findProperty(deps.db, ctx.actor, propertyId)
  if (!property) throw notFound('property')
  if (from > to) throw invalidField('from', 'is after to')
  const months: string[] = []
  for (let p = from; p <= to && months.length <= 36; p = addMonths(monthStart(p), 1).slice(0, 7))
    months.push(p)
  if (months.length > 36) throw invalidField('to', 'spans more than 36 months')
  const result: CollectionMonth[] = []
  for (const period of months) {
    const start = startOfLocalDay(monthStart(period), property.timezone)
    const end = startOfLocalDay(addDays(monthEnd(period), 1), property.timezone)
    const f = await repo.collectionFigures(deps.db, propertyId, period, start, end)
    result.push({
      period,
      ...f,
      rateBp: rateBasisPoints(f.collectedInPeriod, f.due),
      unitRateBp: rateBasisPoints(f.unitsPaid, f.unitsBilled),
    })
  }
  return result
}
