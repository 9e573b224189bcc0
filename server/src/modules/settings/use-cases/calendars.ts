import type { Deps, RequestContext } from '../../../platform/http/context'
import type { Db } from '../../../platform/db'
import { onceInTransaction } from '../../../platform/db/memo'
import { systemClock, type Clock } from '../../../platform/clock'
import { AppError, invalidField, notFound, staleVersion } from '../../../platform/errors'
import { diffOf, recordAudit } from '../../../platform/audit'
import {
  defaultCalendar,
  isTimeZone,
  latestOfficialYear,
  localDateAt,
  officialDays,
  type WorkCalendar,
} from '../../../platform/calendar'
import { findProperty } from '../../org'
import * as repo from '../settings.repository'
import type {
  CalendarDay,
  CalendarView,
  PatchCalendarBody,
  WorkCalendarSettings,
} from '../settings.schemas'

/** A building's zone as stored, unless Intl does not know it (then the product's default). */
export const usableTimeZone = (name: string) => (isTimeZone(name) ? name : 'Asia/Shanghai')

const toSettings = (row: repo.CalendarRow): WorkCalendarSettings => ({
  propertyId: row.propertyId,
  timeZone: row.timeZone,
  workStart: row.workStart,
  workEnd: row.workEnd,
  workWeekdays: row.workWeekdays,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
})

/** What a building without a calendar of its own runs on (version 0: not stored). */
function defaultSettings(propertyId: string, propertyTimeZone: string): WorkCalendarSettings {
  const cal = defaultCalendar(usableTimeZone(propertyTimeZone))
  return {
    propertyId,
    timeZone: cal.timeZone,
    workStart: cal.workStart,
    workEnd: cal.workEnd,
    workWeekdays: [...cal.workWeekdays],
    version: 0,
    updatedAt: null,
  }
}

export const toDay = (row: repo.DayRow): CalendarDay => ({
  date: row.date,
  kind: row.kind,
  name: row.name,
  source: row.source,
})

/**
 * The working calendar deadlines of a building run on: its stored hours and days, or, for a
 * building without one, the default calendar in the building's time zone with the official days.
 * Two queries, once per transaction; called on every case action that starts a deadline.
 */
export function calendarOf(db: Db, propertyId: string): Promise<WorkCalendar> {
  return onceInTransaction(db, `calendar:${propertyId}`, () => loadCalendar(db, propertyId))
}

async function loadCalendar(db: Db, propertyId: string): Promise<WorkCalendar> {
  const source = await repo.calendarSource(db, propertyId)
  if (!source) throw notFound('property')
  const { calendar, days } = source
  const base: WorkCalendar = calendar
    ? {
        timeZone: usableTimeZone(calendar.timeZone),
        workStart: calendar.workStart,
        workEnd: calendar.workEnd,
        workWeekdays: calendar.workWeekdays,
        holidays: new Set(),
        workdays: new Set(),
      }
    : defaultCalendar(usableTimeZone(source.propertyTimeZone))
  if (days.length === 0) return base
  const holidays = new Set(base.holidays)
  const workdays = new Set(base.workdays)
  for (const [date, kind] of days) {
    holidays.delete(date)
    workdays.delete(date)
    ;(kind === 'holiday' ? holidays : workdays).add(date)
  }
  return { ...base, holidays, workdays }
}

/**
 * Gives a building without one its calendar row (the defaults) and the official days of every
 * year the package covers from last year on. A building that has one keeps it as it is (days
 * removed by hand stay removed; later years come in by import). True when it was created.
 */
export async function ensureCalendar(
  db: Db,
  orgId: string,
  propertyId: string,
  timeZone: string,
  clock: Clock = systemClock,
): Promise<boolean> {
  const now = clock.now()
  const zone = usableTimeZone(timeZone)
  const created = await repo.insertCalendar(db, {
    propertyId,
    orgId,
    timeZone: zone,
    updatedAt: now,
  })
  if (!created) return false
  const thisYear = Number(localDateAt(now.getTime(), zone).slice(0, 4))
  const days = officialDays(thisYear - 1, latestOfficialYear())
  await repo.insertDaysIfAbsent(
    db,
    days.map((d) => ({ ...d, propertyId, orgId, source: 'official' as const })),
  )
  return true
}

/** The building in the caller's scope, or 404 as if it did not exist. */
export async function propertyInScope(db: Db, ctx: RequestContext, propertyId: string) {
  const property = await findProperty(db, ctx.actor, propertyId)
  if (!property) throw notFound('property')
  return property
}

/** A building's calendar, its days of one year, and whether next year needs attention. */
export async function getCalendar(
  { db, clock }: Deps,
  ctx: RequestContext,
  propertyId: string,
  year?: number,
): Promise<CalendarView> {
  const property = await propertyInScope(db, ctx, propertyId)
  const row = await repo.findCalendar(db, propertyId)
  const settings = row ? toSettings(row) : defaultSettings(propertyId, property.timezone)
  const thisYear = Number(
    localDateAt(clock.now().getTime(), usableTimeZone(settings.timeZone)).slice(0, 4),
  )
  const shown = year ?? thisYear
  const latest = latestOfficialYear()
  const daysOf = async (y: number): Promise<CalendarDay[]> =>
    row
      ? (await repo.listDays(db, propertyId, `${y}-01-01`, `${y}-12-31`)).map(toDay)
      : officialDays(y, y).map((d) => ({ ...d, source: 'official' as const }))
  const days = await daysOf(shown)
  const nextYear = shown === thisYear + 1 ? days : await daysOf(thisYear + 1)
  const warning =
    nextYear.length > 0
      ? null
      : latest > thisYear
        ? ('next_year_not_imported' as const)
        : ('next_year_missing' as const)
  return { calendar: settings, year: shown, days, warning, latestOfficialYear: latest }
}

/** Changes a building's time zone, hours or weekdays; version 0 stores the default first. */
export async function updateCalendar(
  { db, clock }: Deps,
  ctx: RequestContext,
  propertyId: string,
  input: PatchCalendarBody,
): Promise<WorkCalendarSettings> {
  const { version, ...patch } = input
  if (patch.timeZone !== undefined && !isTimeZone(patch.timeZone)) {
    throw invalidField('timeZone', 'is not a known IANA time zone', 'format')
  }
  if (patch.workWeekdays) patch.workWeekdays = [...patch.workWeekdays].sort((a, b) => a - b)
  return db.transaction(async (tx) => {
    const property = await propertyInScope(tx, ctx, propertyId)
    let current = await repo.findCalendar(tx, propertyId, true)
    if ((current?.version ?? 0) !== version) throw staleVersion()
    if (!current) {
      // Another first change got there between our read and our insert: ours is stale.
      if (!(await ensureCalendar(tx, property.orgId, propertyId, property.timezone, clock)))
        throw staleVersion()
      current = await repo.findCalendar(tx, propertyId, true)
      if (!current) throw staleVersion()
    }
    const workStart = patch.workStart ?? current.workStart
    const workEnd = patch.workEnd ?? current.workEnd
    if (workStart >= workEnd) {
      throw new AppError('settings.work_hours', 'Working hours must end after they start.', {
        field: patch.workEnd === undefined ? 'workStart' : 'workEnd',
      })
    }
    const updated = await repo.updateCalendar(tx, propertyId, patch, clock.now())
    await recordAudit(tx, clock, ctx, {
      action: 'work_calendar.update',
      entityType: 'work_calendar',
      entityId: propertyId,
      diff: diffOf(current, patch),
    })
    return toSettings(updated)
  })
}
