// What each scale generates, and the context the generators share.
import type { Scale } from '../lib/options'

export type ScaleSpec = {
  buildings: number
  units: number
  customers: number
  cases: number
  /** Months of bills, charges and payments up to this one. */
  months: number
}

export const scaleSpecs: Record<Scale, ScaleSpec> = {
  S: { buildings: 1, units: 400, customers: 600, cases: 10_000, months: 12 },
  M: { buildings: 50, units: 20_000, customers: 30_000, cases: 500_000, months: 12 },
  L: { buildings: 200, units: 100_000, customers: 150_000, cases: 2_000_000, months: 12 },
}

/** Every bench login shares this password (hashed once). */
export const BENCH_PASSWORD = 'bench1234'

export type Staff = {
  id: string
  name: string
  roleCode: string
}

export type Building = {
  index: number
  id: string
  code: string
  name: string
  /** Staff by post: agent, supervisor, eng.head, eng.tech1…3, sec.head, sec.guard, fin, clean.head, clean.staff. */
  staff: Record<string, Staff>
  units: { id: string; number: string; kind: 'office' | 'apartment'; area: number; level: number }[]
  /** Per unit (same index): who pays its fees (the tenant if there is one) and that occupancy. */
  payers: { customerId: string; customerName: string; occupancyId: string }[]
}

export type SeedContext = {
  orgId: string
  now: Date
  adminId: string
  rand: () => number
}

const DAY_MS = 24 * 3600_000
/** Asia/Shanghai has no daylight saving: local time is UTC+8 all year. */
export const localDay = (at: Date) =>
  new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
export const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS)
export const pad = (n: number, width: number) => String(n).padStart(width, '0')
