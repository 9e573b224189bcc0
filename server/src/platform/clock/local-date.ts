/** The calendar date (YYYY-MM-DD) of an instant in a time zone; default the product's, Asia/Shanghai. */
export function localDate(at: Date, timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at)
}
