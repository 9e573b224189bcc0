import type { RequestContext } from '../../../platform/http/context'
import type { Deps } from './shared'
import { decodeCursor, page } from '../../../platform/http/cursor'
import * as repo from '../billing.repository'
import type { BillListQuery } from '../billing.schemas'

export async function listBills({ db }: Deps, ctx: RequestContext, q: BillListQuery) {
  const limit = q.limit ?? 100
  const cursor = decodeCursor(q.cursor, ['string'])
  const rows = await repo.listBills(db, ctx.actor, {
    limit,
    ...(q.propertyId ? { propertyId: q.propertyId } : {}),
    ...(q.customerId ? { customerId: q.customerId } : {}),
    ...(q.period ? { period: q.period } : {}),
    ...(cursor ? { after: { number: String(cursor[0]) } } : {}),
  })
  const { items, nextCursor } = page(rows, limit, (r) => [r.bill.number])
  return {
    items: items.map((r) => ({
      id: r.bill.id,
      number: r.bill.number,
      propertyId: r.bill.propertyId,
      customerId: r.bill.customerId,
      customerName: r.customerName,
      period: r.bill.period,
      dueDate: r.bill.dueDate,
      total: r.total,
      paid: r.paid,
      open: Math.max(r.total - r.paid, 0),
      createdAt: r.bill.createdAt.toISOString(),
    })),
    nextCursor,
  }
}
