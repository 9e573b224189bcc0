// Pure arithmetic of the dashboard's figures: months, rates, and the open cases' tallies. No I/O.
import { localDate } from '../../platform/clock/local-date'
import { startOfLocalDay } from '../../platform/clock/zoned'
import type { caseTypes, DepartmentCode } from '../../db/schema'

/** The first day of the month after `month` (YYYY-MM), as YYYY-MM-DD. */
export function nextMonthStart(month: string): string {
  const [y, m] = month.split('-').map(Number)
  const next = new Date(Date.UTC(y ?? 1970, m ?? 1, 1))
  return next.toISOString().slice(0, 10)
}

/** The instants a calendar month begins and ends (exclusive) in a time zone. */
export function monthBounds(month: string, timeZone: string): { start: Date; end: Date } {
  return {
    start: startOfLocalDay(`${month}-01`, timeZone),
    end: startOfLocalDay(nextMonthStart(month), timeZone),
  }
}

/** The month (YYYY-MM) an instant falls in, in a time zone. */
export const monthOf = (at: Date, timeZone: string) => localDate(at, timeZone).slice(0, 7)

/**
 * A rate in basis points (1/100 of a percent; 9523 = 95.23%), rounded half up, so the API never
 * carries floats; null when there is nothing to divide by.
 */
export function rateBp(part: number, whole: number): number | null {
  if (whole <= 0) return null
  return Math.floor((2 * part * 10_000 + whole) / (2 * whole))
}

/** One group of a building's open cases, as the repository counts them. */
export type OpenGroup = {
  type: (typeof caseTypes)[number]
  state: string
  department: DepartmentCode | null
  count: number
  overdue: number
  escalated: number
  movesToday: number
}

type Tally = { count: number; overdue: number }

/** Sums groups by a key, in order of count (largest first), then key. */
function tallyBy<K extends string | null>(
  groups: OpenGroup[],
  keyOf: (g: OpenGroup) => K,
): (Tally & { key: K })[] {
  const map = new Map<K, Tally>()
  for (const g of groups) {
    const t = map.get(keyOf(g)) ?? { count: 0, overdue: 0 }
    t.count += g.count
    t.overdue += g.overdue
    map.set(keyOf(g), t)
  }
  return [...map]
    .map(([key, t]) => ({ key, ...t }))
    .sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)))
}

/** The open cases' figures from the grouped counts: totals, by type and state, by department. */
export function tallyOpenCases(groups: OpenGroup[]) {
  const sum = (f: (g: OpenGroup) => number) => groups.reduce((n, g) => n + f(g), 0)
  return {
    total: sum((g) => g.count),
    overdue: sum((g) => g.overdue),
    escalated: sum((g) => g.escalated),
    byType: tallyBy(groups, (g) => g.type).map(({ key, ...t }) => ({ type: key, ...t })),
    byTypeAndState: tallyBy(groups, (g) => `${g.type}\u0000${g.state}`).map(({ key, ...t }) => {
      const [type, state = ''] = key.split('\u0000') as [OpenGroup['type'], string]
      return { type, state, ...t }
    }),
    byDepartment: tallyBy(groups, (g) => g.department).map(({ key, ...t }) => ({
      department: key,
      ...t,
    })),
  }
}
