import { localDateAt } from '../calendar/zone'

/** The calendar date (YYYY-MM-DD) of an instant in a time zone; default the product's, Asia/Shanghai. */
export function localDate(at: Date, timeZone = 'Asia/Shanghai'): string {
  // The formatter is kept per zone (building one costs ~80 µs, and a request asks several times).
  return localDateAt(at.getTime(), timeZone)
}
