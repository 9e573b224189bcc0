import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

// One formatter per zone: dayjs's tz() builds a new Intl formatter on every call, which costs
// ~1 ms each: a table of 50 cases with two times a row spent 100 ms on it.
const formatters = new Map<string, Intl.DateTimeFormat>()
function formatterIn(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

// Zones that have kept one offset from UTC since a date (their last summer time): their times are
// plain arithmetic. The browser's first Intl.DateTimeFormat loads its time-zone data, 60–200 ms
// of main thread in one piece, which the queue's first render (a date on every row) used to pay.
const FIXED_ZONES: Record<string, { minutes: number; since: number }> = {
  'Asia/Shanghai': { minutes: 8 * 60, since: Date.UTC(1991, 8, 15) },
  'Asia/Chongqing': { minutes: 8 * 60, since: Date.UTC(1991, 8, 15) },
  'Asia/Harbin': { minutes: 8 * 60, since: Date.UTC(1991, 8, 15) },
  'Asia/Hong_Kong': { minutes: 8 * 60, since: Date.UTC(1979, 9, 21) },
  'Asia/Macau': { minutes: 8 * 60, since: Date.UTC(1979, 9, 21) },
  'Asia/Taipei': { minutes: 8 * 60, since: Date.UTC(1979, 9, 1) },
}

const pad = (n: number) => String(n).padStart(2, '0')

/** YYYY-MM-DD HH:mm:ss in a building's time zone. */
export function formatDateTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—'
  const at = dayjs(iso)
  if (!at.isValid()) return at.format()
  const fixed = FIXED_ZONES[timeZone]
  if (fixed && at.valueOf() >= fixed.since) {
    const d = new Date(at.valueOf() + fixed.minutes * 60_000)
    return (
      `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
      `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
    )
  }
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {}
  for (const { type, value } of formatterIn(timeZone).formatToParts(at.toDate())) part[type] = value
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  return dayjs(iso).format('YYYY-MM-DD')
}

/** Calendar dates travel as YYYY-MM-DD. */
export function toIsoDate(value: dayjs.Dayjs): string {
  return value.format('YYYY-MM-DD')
}

/** Today's calendar date (YYYY-MM-DD) in a building's time zone. */
export function todayIn(timeZone: string): string {
  return dayjs().tz(timeZone).format('YYYY-MM-DD')
}
