/** Minutes a time zone is ahead of UTC at an instant (Asia/Shanghai: 480). */
export function offsetMinutes(at: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '')
  if (!match) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3])
  return match[1] === '-' ? -minutes : minutes
}

/** The instant a calendar day (YYYY-MM-DD) begins in a time zone. */
export function startOfLocalDay(date: string, timeZone = 'Asia/Shanghai'): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`)
  return new Date(utcMidnight.getTime() - offsetMinutes(utcMidnight, timeZone) * 60_000)
}
