// Local wall-clock time ↔ instants in an IANA time zone, with Intl only (no library).
// The same method as platform/clock/zoned.ts, with the formatters kept per zone: building one
// costs ~80 µs, and working-time arithmetic asks for several per day it walks through.

const offsetFormats = new Map<string, Intl.DateTimeFormat>()
const dateFormats = new Map<string, Intl.DateTimeFormat>()

function cached(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  make: () => Intl.DateTimeFormat,
) {
  let format = cache.get(timeZone)
  if (!format) {
    format = make()
    cache.set(timeZone, format)
  }
  return format
}

const MINUTE = 60_000
const DAY = 86_400_000

const knownZones = new Set<string>()

/** Whether Intl knows a time zone by this name (IANA names and their aliases; no raw offsets). */
export function isTimeZone(name: string): boolean {
  if (knownZones.has(name)) return true
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
  } catch {
    return false
  }
  // Only names Intl accepted are kept (a few hundred at most): every case opened asks again.
  knownZones.add(name)
  return true
}

/** Minutes a time zone is ahead of UTC at an instant (Asia/Shanghai: 480). */
export function offsetAt(ms: number, timeZone: string): number {
  const format = cached(
    offsetFormats,
    timeZone,
    () => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }),
  )
  const name = format.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '')
  if (!match) return 0 // "GMT": UTC itself
  const minutes = Number(match[2]) * 60 + Number(match[3])
  return match[1] === '-' ? -minutes : minutes
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDateAt(ms: number, timeZone: string): string {
  const format = cached(
    dateFormats,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }),
  )
  return format.format(ms)
}

/** Milliseconds of a local date at UTC midnight: the "wall clock as if it were UTC". */
function wallMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))
}

/**
 * The instant a local date's wall clock shows `minute` (0–1440) minutes after midnight.
 * Around a daylight-saving change it does what Temporal's "compatible" does: a wall time that
 * occurs twice (clocks go back) is the earlier instant; one that never occurs (clocks jump
 * forward) is read with the offset before the jump, i.e. the instant just after it.
 */
export function instantAt(date: string, minute: number, timeZone: string): number {
  const wall = wallMs(date) + minute * MINUTE
  // The offsets a day either side bracket any change near this wall time.
  const before = offsetAt(wall - DAY, timeZone)
  const after = offsetAt(wall + DAY, timeZone)
  const first = wall - before * MINUTE
  if (before === after || offsetAt(first, timeZone) === before) return first
  const second = wall - after * MINUTE
  if (offsetAt(second, timeZone) === after) return second
  return first
}

/** The local date after a local date. */
export function nextDate(date: string): string {
  return new Date(wallMs(date) + DAY).toISOString().slice(0, 10)
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return new Date(wallMs(date)).getUTCDay() || 7
}
