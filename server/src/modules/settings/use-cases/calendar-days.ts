import type { Deps, RequestContext } from '../../../platform/http/context'
import { AppError, notFound } from '../../../platform/errors'
import { recordAudit } from '../../../platform/audit'
import { latestOfficialYear, officialDays } from '../../../platform/calendar'
import * as repo from '../settings.repository'
import type { CalendarDay, ImportResult, PutDayBody } from '../settings.schemas'
import { ensureCalendar, propertyInScope, toDay } from './calendars'

// A building's holidays and make-up working days (调休). Days entered here are `manual`: an
// import of the official calendar never overwrites them.

/** Marks a date a holiday or a make-up working day, replacing what the building had on it. */
export async function setCalendarDay(
  { db, clock }: Deps,
  ctx: RequestContext,
  propertyId: string,
  date: string,
  input: PutDayBody,
): Promise<CalendarDay> {
  return db.transaction(async (tx) => {
    const property = await propertyInScope(tx, ctx, propertyId)
    await ensureCalendar(tx, property.orgId, propertyId, property.timezone, clock)
    const before = await repo.findDay(tx, propertyId, date)
    const after = { kind: input.kind, name: input.name?.trim() ?? '' }
    const saved = await repo.upsertManualDay(tx, {
      propertyId,
      orgId: property.orgId,
      date,
      ...after,
    })
    await recordAudit(tx, clock, ctx, {
      action: 'work_calendar.set_day',
      entityType: 'work_calendar',
      entityId: propertyId,
      diff: { date, before: before ? toDay(before) : null, after: toDay(saved) },
    })
    return toDay(saved)
  })
}

/** Takes a date off the building's calendar: it becomes an ordinary day of its weekday. */
export async function removeCalendarDay(
  { db, clock }: Deps,
  ctx: RequestContext,
  propertyId: string,
  date: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await propertyInScope(tx, ctx, propertyId)
    const removed = await repo.deleteDay(tx, propertyId, date)
    if (!removed) throw notFound('calendar day')
    await recordAudit(tx, clock, ctx, {
      action: 'work_calendar.remove_day',
      entityType: 'work_calendar',
      entityId: propertyId,
      diff: { date, before: toDay(removed) },
    })
  })
}

/** Brings in a year of the official calendar: new days added, days entered by hand kept. */
export async function importOfficialDays(
  { db, clock }: Deps,
  ctx: RequestContext,
  propertyId: string,
  year: number,
): Promise<ImportResult> {
  const official = officialDays(year, year)
  if (official.length === 0) {
    const latest = latestOfficialYear()
    throw new AppError(
      'settings.no_official_data',
      `No official holidays are published for ${year} yet (the latest year is ${latest}).`,
      { field: 'year', extra: { latestOfficialYear: latest } },
    )
  }
  return db.transaction(async (tx) => {
    const property = await propertyInScope(tx, ctx, propertyId)
    const had = new Map(
      (await repo.listDays(tx, propertyId, `${year}-01-01`, `${year}-12-31`)).map((d) => [
        d.date,
        d.source,
      ]),
    )
    await ensureCalendar(tx, property.orgId, propertyId, property.timezone, clock)
    const orgId = property.orgId
    await repo.upsertOfficialDays(
      tx,
      official.map((d) => ({ ...d, propertyId, orgId })),
    )
    const result: ImportResult = { year, added: 0, updated: 0, kept: 0 }
    for (const day of official) {
      const source = had.get(day.date)
      if (!source) result.added++
      else if (source === 'official') result.updated++
      else result.kept++
    }
    await recordAudit(tx, clock, ctx, {
      action: 'work_calendar.import_official',
      entityType: 'work_calendar',
      entityId: propertyId,
      diff: { ...result },
    })
    return result
  })
}
