// Working-time arithmetic on a building's calendar: pure, no I/O. Deadlines count working minutes
// (ARCHITECTURE "Deadlines"): a clock that runs only inside working hours of working days.
// The walk goes a day at a time, never a minute at a time: each day is one window of real time.
import { instantAt, isoWeekday, localDateAt, nextDate } from './zone'

export type WorkCalendar = {
  /** IANA, e.g. Asia/Shanghai. */
  timeZone: string
  /** Minutes after local midnight, e.g. 540 = 09:00. */
  workStart: number
  /** e.g. 1080 = 18:00; at most 1440. */
  workEnd: number
  /** ISO 1 = Monday … 7 = Sunday. */
  workWeekdays: readonly number[]
  /** 'YYYY-MM-DD' local dates with no work even on a weekday. */
  holidays: ReadonlySet<string>
  /** Make-up working days (调休) on a weekend. */
  workdays: ReadonlySet<string>
}

const MINUTE = 60_000
// Consecutive days without working time before a calendar is taken to have none at all
// (no working weekday, or holidays as far as the eye sees): ten years.
const MAX_IDLE_DAYS = 3660

/** Whether a local date is a working day: holidays first, then make-up days, then the weekdays. */
export function isWorkingDay(cal: WorkCalendar, localDate: string): boolean {
  if (cal.holidays.has(localDate)) return false
  if (cal.workdays.has(localDate)) return true
  return cal.workWeekdays.includes(isoWeekday(localDate))
}

/** The working hours of a local date as instants [start, end) in ms, or null without any. */
function windowOf(cal: WorkCalendar, date: string): [number, number] | null {
  if (!isWorkingDay(cal, date)) return null
  const start = instantAt(date, cal.workStart, cal.timeZone)
  const end = instantAt(date, cal.workEnd, cal.timeZone)
  return end > start ? [start, end] : null
}

/**
 * The instant `minutes` working minutes after `from`. Starting outside working hours, the count
 * starts at the next opening; a count that ends exactly at closing time ends then (18:00), not
 * at the next opening. 0 minutes gives `from` itself inside working hours, else the next opening.
 */
export function addWorkingMinutes(cal: WorkCalendar, from: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`working minutes must be a finite number ≥ 0, not ${minutes}`)
  }
  let remaining = Math.round(minutes * MINUTE)
  let t = from.getTime()
  let date = localDateAt(t, cal.timeZone)
  for (let idle = 0; idle <= MAX_IDLE_DAYS; date = nextDate(date)) {
    const window = windowOf(cal, date)
    if (!window || t >= window[1]) {
      idle++
      continue
    }
    const start = Math.max(t, window[0])
    const available = window[1] - start
    if (remaining <= available) return new Date(start + remaining)
    remaining -= available
    t = window[1]
    idle = 0
  }
  throw new RangeError('the calendar has no working time')
}

/**
 * The working minutes between two instants (0 when `to` ≤ `from`). Exact: fractional when the
 * instants are not on whole minutes, so that it is the inverse of addWorkingMinutes.
 */
export function workingMinutesBetween(cal: WorkCalendar, from: Date, to: Date): number {
  const a = from.getTime()
  const b = to.getTime()
  if (!(b > a)) return 0
  const last = localDateAt(b, cal.timeZone)
  let total = 0
  // YYYY-MM-DD strings compare in date order.
  for (let date = localDateAt(a, cal.timeZone); date <= last; date = nextDate(date)) {
    const window = windowOf(cal, date)
    if (window) total += Math.max(0, Math.min(b, window[1]) - Math.max(a, window[0]))
  }
  return total / MINUTE
}
