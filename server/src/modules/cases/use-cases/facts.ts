// What a workflow's guards need to know beyond the case itself, looked up before planning: the
// customer's account (H-MO-3), the unit's kind (H-MO-5), the keys issued at move-in.
import type { Clock } from '../../../platform/clock'
import { localDate } from '../../../platform/clock/local-date'
import type { Db } from '../../../platform/db'
import { AppError } from '../../../platform/errors'
import type { RequestContext } from '../../../platform/http/context'
import { settlementOf } from '../../billing'
import * as repo from '../cases.repository'
import type { CaseFacts, Workflow } from '../workflow'

async function settlement(tx: Db, clock: Clock, ctx: RequestContext, customerId: string) {
  try {
    const s = await settlementOf({ db: tx, clock }, ctx, customerId, tx)
    return { open: s.open, credit: s.credit, depositsHeld: s.depositsHeld, settled: s.settled }
  } catch (error) {
    // A caller who cannot see the customer's account (engineering) plans without it.
    if (error instanceof AppError && error.code === 'not_found') return undefined
    throw error
  }
}

export async function factsFor(
  tx: Db,
  clock: Clock,
  ctx: RequestContext,
  workflow: Workflow,
  c: repo.CaseRow,
): Promise<CaseFacts> {
  const facts: CaseFacts = {}
  for (const name of workflow.facts ?? []) {
    if (name === 'settlement' && c.customerId) {
      const s = await settlement(tx, clock, ctx, c.customerId)
      if (s) facts.settlement = s
    }
    if (name === 'unitKind')
      facts.unitKind = c.unitId ? ((await repo.unitOf(tx, c.unitId))?.kind ?? null) : null
    if (name === 'issued')
      facts.issued =
        c.unitId && c.customerId ? await repo.issuedAtMoveIn(tx, c.unitId, c.customerId) : null
    if (name === 'occupancyRole')
      facts.occupancyRole =
        c.unitId && c.customerId
          ? await repo.occupancyRole(tx, c.unitId, c.customerId, localDate(clock.now()))
          : null
    if (name === 'caseMoney') facts.caseMoney = await repo.caseMoney(tx, c)
    if (name === 'attachmentIds') facts.attachmentIds = await repo.attachmentIdsOf(tx, c.id)
  }
  return facts
}
