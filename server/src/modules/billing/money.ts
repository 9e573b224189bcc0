// Pure money arithmetic in integer fen (分). No I/O: property-tested in money.test.ts.

/** Integer division rounded half up (for non-negative numerators), the usual rule on Chinese bills. */
export function divRound(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('denominator must be positive')
  return Math.floor((2 * numerator + denominator) / (2 * denominator))
}

/** A monthly management fee: area (m², two decimals) × rate (fen per m² per month). */
export function monthlyFee(areaM2: number, rateFenPerM2: number): number {
  const centiM2 = Math.round(areaM2 * 100)
  return divRound(centiM2 * rateFenPerM2, 100)
}

/** A month's amount for the days actually covered: amount × days ÷ days in month. */
export function prorate(monthlyAmount: number, days: number, daysInMonth: number): number {
  if (days >= daysInMonth) return monthlyAmount
  return divRound(monthlyAmount * days, daysInMonth)
}

export const periodOf = (date: string) => date.slice(0, 7)

export function daysInMonth(period: string): number {
  const [y, m] = period.split('-').map(Number)
  return new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).getUTCDate()
}

export function monthStart(period: string) {
  return `${period}-01`
}

export function monthEnd(period: string) {
  return `${period}-${String(daysInMonth(period)).padStart(2, '0')}`
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const target = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1 + months, 1))
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(d ?? 1, last))
  return target.toISOString().slice(0, 10)
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

export type OccupancySpan = {
  id: string
  customerId: string
  role: 'owner' | 'tenant'
  fromDate: string
  toDate: string | null
}

/**
 * Who pays a unit's management fee on which days of a month: a tenant for the days of the lease,
 * the owner for the days no tenant covers (the first owner when there are several).
 * Returns days per occupancy.
 */
export function payingDays(spans: OccupancySpan[], period: string): Map<string, number> {
  const days = daysInMonth(period)
  const result = new Map<string, number>()
  const covers = (s: OccupancySpan, date: string) =>
    s.fromDate <= date && (s.toDate === null || s.toDate >= date)
  const tenants = spans
    .filter((s) => s.role === 'tenant')
    .sort((a, b) => a.fromDate.localeCompare(b.fromDate))
  const owners = spans
    .filter((s) => s.role === 'owner')
    .sort((a, b) => a.fromDate.localeCompare(b.fromDate) || a.id.localeCompare(b.id))
  for (let d = 1; d <= days; d++) {
    const date = `${period}-${String(d).padStart(2, '0')}`
    const payer = tenants.find((s) => covers(s, date)) ?? owners.find((s) => covers(s, date))
    if (payer) result.set(payer.id, (result.get(payer.id) ?? 0) + 1)
  }
  return result
}

export type OpenCharge = { id: string; open: number; dueDate: string; createdAt?: string }

/** Spreads a payment over open charges, oldest due first; what is left stays as credit. */
export function allocateOldestFirst(charges: OpenCharge[], amount: number) {
  const ordered = [...charges]
    .filter((c) => c.open > 0)
    .sort(
      (a, b) =>
        a.dueDate.localeCompare(b.dueDate) ||
        (a.createdAt ?? '').localeCompare(b.createdAt ?? '') ||
        a.id.localeCompare(b.id),
    )
  const allocations: { chargeId: string; amount: number }[] = []
  let left = amount
  for (const c of ordered) {
    if (left <= 0) break
    const take = Math.min(left, c.open)
    allocations.push({ chargeId: c.id, amount: take })
    left -= take
  }
  return { allocations, credit: left }
}

export type AgeingBucket = 'current' | 'd0_30' | 'd31_90' | 'd90_plus'

/** Days past due → bucket. Not yet due is 'current'. */
export function ageingBucket(dueDate: string, today: string): AgeingBucket {
  const overdue = daysBetween(dueDate, today)
  if (overdue <= 0) return 'current'
  if (overdue <= 30) return 'd0_30'
  if (overdue <= 90) return 'd31_90'
  return 'd90_plus'
}

/** A rate in basis points (1/100 of a percent) so the API never carries floats: 9523 = 95.23%. */
export function rateBasisPoints(part: number, whole: number): number | null {
  if (whole <= 0) return null
  return divRound(part * 10_000, whole)
}
