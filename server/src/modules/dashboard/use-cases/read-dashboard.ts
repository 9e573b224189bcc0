// 概览: the live figures of a building, or of every building of the caller's scope (PRODUCT §7).
// Each figure is one count over an index range, all run at once; money only for billing.read.
import { keptFigures, type Kept } from '../../../platform/cache/kept-figures'
import { sharedReads } from '../../../platform/cache/shared-reads'
import { localDate } from '../../../platform/clock/local-date'
import { invalidField, notFound } from '../../../platform/errors'
import type { Deps, RequestContext } from '../../../platform/http/context'
import { collectionRate } from '../../billing'
import * as repo from '../dashboard.repository'
import type { Dashboard, DashboardQuery } from '../dashboard.schemas'
import { monthBounds, rateBp, tallyOpenCases } from '../figures'

const DEFAULT_TIME_ZONE = 'Asia/Shanghai'
const NO_MONTH_FIGURES: Awaited<ReturnType<typeof repo.monthFigures>> = {
  ...{ onTime: 0, missed: 0, followUpsOwed: 0, followUpsDone: 0 },
  ...{ satisfied: 0, fairlySatisfied: 0, unsatisfied: 0, rated: 0 },
}

/** The buildings' common time zone; the product's own when they do not share one. */
function zoneOf(buildings: { timezone: string }[]): string {
  const zones = new Set(buildings.map((b) => b.timezone))
  return zones.size === 1 ? [...zones][0]! : DEFAULT_TIME_ZONE
}

/**
 * H-IS-27: the month's collection rate, through the billing module's own use-case for each
 * building; the buildings' sums give the organisation's.
 */
async function collectionOf(deps: Deps, ctx: RequestContext, ids: string[], month: string) {
  const months = await Promise.all(ids.map((id) => collectionRate(deps, ctx, id, month, month)))
  const due = months.reduce((n, m) => n + (m[0]?.due ?? 0), 0)
  const collectedInPeriod = months.reduce((n, m) => n + (m[0]?.collectedInPeriod ?? 0), 0)
  return { due, collectedInPeriod, rateBp: rateBp(collectedInPeriod, due) }
}

type Rates = {
  m: typeof NO_MONTH_FIGURES
  collection: Awaited<ReturnType<typeof collectionOf>> | null
}
const keptRates = new WeakMap<
  Deps['config'],
  (key: string, load: () => Promise<Rates>) => Promise<Kept<Rates>>
>()

/**
 * The month's rates read every deadline, follow-up and bill of the month (for fifty buildings
 * about a second of database work): they are kept for DASHBOARD_RATES_TTL_SECONDS (30) and
 * refreshed behind the answer, which says how old they are (`ratesAsOf`). The open work, today's
 * moves and the deposits held are read on every request.
 */
function keptRatesOf(deps: Deps) {
  let kept = keptRates.get(deps.config)
  if (!kept) {
    kept = keptFigures<Rates>({
      ttlMs: deps.config.dashboardRatesTtlSeconds * 1000,
      now: () => deps.clock.now(),
    })
    keptRates.set(deps.config, kept)
  }
  return kept
}

type Live = [
  Awaited<ReturnType<typeof repo.openCaseGroups>>,
  Awaited<ReturnType<typeof repo.movesDoneToday>>,
  number,
]
const sharedLive = new WeakMap<Deps['config'], ReturnType<typeof sharedReads<Live>>>()

/**
 * The live figures (open work, today's moves, deposits held) are read for every request, but
 * askers of the same figures at the same time share one reading that started after they asked
 * (platform/cache/shared-reads): a wall of supervisors refreshing after the same event costs one
 * count of the buildings' open cases at a time, not one each.
 */
function sharedLiveOf(deps: Deps) {
  let shared = sharedLive.get(deps.config)
  if (!shared) {
    shared = sharedReads<Live>()
    sharedLive.set(deps.config, shared)
  }
  return shared
}

export async function readDashboard(
  deps: Deps,
  ctx: RequestContext,
  q: DashboardQuery,
): Promise<Dashboard> {
  const { db, clock } = deps
  const { actor } = ctx
  const buildings = await repo.buildingsInScope(db, actor, q.propertyId)
  if (q.propertyId && buildings.length === 0) throw notFound('property')
  const timeZone = zoneOf(buildings)
  const now = clock.now()
  const today = localDate(now, timeZone)
  const month = q.month ?? today.slice(0, 7)
  if (month > today.slice(0, 7)) throw invalidField('month', 'is in the future')
  const finance = actor.permissions.has('billing.read')
  const ids = buildings.map((b) => b.id)
  const { start, end } = monthBounds(month, timeZone)
  const bounds = { start: start.toISOString(), end: end.toISOString() }
  const none = ids.length === 0
  const ratesKey = [actor.orgId, month, finance, [...ids].sort().join(',')].join('|')
  const liveKey = [actor.orgId, today, finance, [...ids].sort().join(',')].join('|')
  const [[groups, done, held], rates] = await Promise.all([
    sharedLiveOf(deps)(liveKey, () =>
      Promise.all([
        none ? [] : repo.openCaseGroups(db, actor.orgId, ids, today),
        none ? { moveIns: 0, moveOuts: 0 } : repo.movesDoneToday(db, actor.orgId, ids, today),
        finance && !none ? repo.fitOutDepositsHeld(db, actor.orgId, ids) : 0,
      ]),
    ),
    keptRatesOf(deps)(ratesKey, async () => {
      const [m, collection] = await Promise.all([
        none ? NO_MONTH_FIGURES : repo.monthFigures(db, actor.orgId, ids, bounds),
        finance ? collectionOf(deps, ctx, ids, month) : null,
      ])
      return { m, collection }
    }),
  ])
  const { m, collection } = rates.value
  const open = tallyOpenCases(groups)
  const movesToday = (type: string) =>
    groups.filter((g) => g.type === type).reduce((n, g) => n + g.movesToday, 0)
  return {
    propertyId: q.propertyId ?? null,
    buildings: ids.length,
    month,
    today,
    timeZone,
    generatedAt: now.toISOString(),
    ratesAsOf: rates.at.toISOString(),
    openCases: open,
    timeliness: {
      onTime: m.onTime,
      missed: m.missed,
      rateBp: rateBp(m.onTime, m.onTime + m.missed),
    },
    followUp: {
      done: m.followUpsDone,
      owed: m.followUpsOwed,
      rateBp: rateBp(m.followUpsDone, m.followUpsOwed),
    },
    satisfaction: {
      satisfied: m.satisfied,
      fairlySatisfied: m.fairlySatisfied,
      unsatisfied: m.unsatisfied,
      total: m.rated,
      rateBp: rateBp(m.satisfied + m.fairlySatisfied, m.rated),
    },
    collection,
    fitOuts: {
      inProgress: open.byType.find((t) => t.type === 'fit_out')?.count ?? 0,
      depositsHeld: finance ? held : null,
    },
    moves: {
      moveIns: { scheduled: movesToday('move_in') + done.moveIns, done: done.moveIns },
      moveOuts: { scheduled: movesToday('move_out') + done.moveOuts, done: done.moveOuts },
    },
  }
}
