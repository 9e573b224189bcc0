import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

export function formatDateTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—'
  return dayjs(iso).tz(timeZone).format('YYYY-MM-DD HH:mm:ss')
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
