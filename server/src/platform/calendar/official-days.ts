// The official calendar of the State Council: public holidays and make-up working days (调休),
// from the chinese-days package, which publishes them as JSON up to the latest year announced.
// Its functions are not exported by name to Node ESM; the JSON is the documented data itself.
import official from 'chinese-days/dist/chinese-days.json' with { type: 'json' }
import type { WorkCalendar } from './working-time'

export type OfficialDay = { date: string; kind: 'holiday' | 'workday'; name: string }

// Entries read "National Day,国庆节,3": English name, Chinese name, length of the holiday.
const chineseName = (entry: string) => entry.split(',')[1]?.trim() || entry

let all: OfficialDay[] | undefined
function allOfficialDays(): OfficialDay[] {
  all ??= [
    ...Object.entries(official.holidays).map(([date, entry]) => ({
      date,
      kind: 'holiday' as const,
      name: chineseName(entry),
    })),
    ...Object.entries(official.workdays).map(([date, entry]) => ({
      date,
      kind: 'workday' as const,
      name: chineseName(entry),
    })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  return all
}

/** The official holidays and make-up working days of the years fromYear…toYear, by date. */
export function officialDays(fromYear: number, toYear: number): OfficialDay[] {
  return allOfficialDays().filter((d) => {
    const year = Number(d.date.slice(0, 4))
    return year >= fromYear && year <= toYear
  })
}

/** The last year the package has holiday data for (1.5.7: 2026). */
export function latestOfficialYear(): number {
  const days = allOfficialDays()
  return Number(days[days.length - 1]?.date.slice(0, 4) ?? 0)
}

let officialSets: { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> } | undefined

/** Monday to Friday, 09:00–18:00, with every official holiday and make-up day. */
export function defaultCalendar(timeZone = 'Asia/Shanghai'): WorkCalendar {
  officialSets ??= {
    holidays: new Set(allOfficialDays().flatMap((d) => (d.kind === 'holiday' ? [d.date] : []))),
    workdays: new Set(allOfficialDays().flatMap((d) => (d.kind === 'workday' ? [d.date] : []))),
  }
  return {
    timeZone,
    workStart: 540,
    workEnd: 1080,
    workWeekdays: [1, 2, 3, 4, 5],
    ...officialSets,
  }
}
