import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { startOfLocalDay } from '../clock/zoned'
import { localDate } from '../clock/local-date'
import { instantAt, isTimeZone, isoWeekday, localDateAt, nextDate, offsetAt } from './zone'

const at = (iso: string) => new Date(iso).getTime()
const iso = (ms: number) => new Date(ms).toISOString()

describe('local wall time in a time zone', () => {
  it('Shanghai is 8 hours ahead of UTC all year', () => {
    expect(offsetAt(at('2026-01-15T00:00:00Z'), 'Asia/Shanghai')).toBe(480)
    expect(offsetAt(at('2026-07-15T00:00:00Z'), 'Asia/Shanghai')).toBe(480)
    expect(iso(instantAt('2026-10-08', 540, 'Asia/Shanghai'))).toBe('2026-10-08T01:00:00.000Z')
  })

  it('Berlin keeps 09:00 at 09:00 on both sides of a daylight-saving change', () => {
    expect(iso(instantAt('2026-03-27', 540, 'Europe/Berlin'))).toBe('2026-03-27T08:00:00.000Z')
    expect(iso(instantAt('2026-03-30', 540, 'Europe/Berlin'))).toBe('2026-03-30T07:00:00.000Z')
    expect(iso(instantAt('2026-10-26', 540, 'Europe/Berlin'))).toBe('2026-10-26T08:00:00.000Z')
  })

  it('a wall time skipped by the jump forward is the instant after the jump', () => {
    // 2026-03-29 02:30 does not exist in Berlin: clocks go from 02:00 CET to 03:00 CEST.
    expect(iso(instantAt('2026-03-29', 150, 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z')
    expect(iso(instantAt('2026-03-29', 180, 'Europe/Berlin'))).toBe('2026-03-29T01:00:00.000Z')
  })

  it('a wall time that happens twice when clocks go back is the earlier one', () => {
    // 2026-10-25 02:30 happens at 00:30 UTC (CEST) and again at 01:30 UTC (CET).
    expect(iso(instantAt('2026-10-25', 150, 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z')
    // 2026-11-01 01:30 happens at 05:30 UTC (EDT) and again at 06:30 UTC (EST).
    expect(iso(instantAt('2026-11-01', 90, 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z')
  })

  it('24:00 of a day is 00:00 of the next', () => {
    expect(instantAt('2026-10-25', 1440, 'Europe/Berlin')).toBe(
      instantAt('2026-10-26', 0, 'Europe/Berlin'),
    )
  })

  const zones = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'UTC']
  const instants = fc
    .integer({ min: at('2020-01-01T00:00:00Z'), max: at('2035-12-31T00:00:00Z') })
    .map((ms) => ms - (ms % 60_000))
  const days = instants.map((ms) => iso(ms).slice(0, 10))

  /** Local date and minute of the day, by Intl directly. */
  function wallClock(ms: number, timeZone: string) {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', {
        ...{ timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit' },
        ...{ hour: '2-digit', minute: '2-digit' },
      } as const)
        .formatToParts(ms)
        .map((p) => [p.type, p.value]),
    )
    const date = `${parts.year}-${parts.month}-${parts.day}`
    return { date, minute: Number(parts.hour) * 60 + Number(parts.minute) }
  }

  test.prop([instants, fc.constantFrom(...zones, 'Australia/Lord_Howe')])(
    'the wall clock of any instant leads back to it (the earlier one when it shows twice)',
    (ms, zone) => {
      const wall = wallClock(ms, zone)
      const back = instantAt(wall.date, wall.minute, zone)
      expect(wallClock(back, zone)).toEqual(wall)
      expect(ms - back).toBeGreaterThanOrEqual(0)
      expect(ms - back).toBeLessThanOrEqual(60 * 60_000)
    },
  )

  // (Not Australia/Sydney: startOfLocalDay reads the offset at UTC midnight, an hour off there
  // on its change days, when midnight and 00:00 UTC fall on either side of the change.)
  test.prop([days, fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'UTC')])(
    'local midnight agrees with platform/clock startOfLocalDay',
    (date, zone) => {
      expect(instantAt(date, 0, zone)).toBe(startOfLocalDay(date, zone).getTime())
    },
  )

  test.prop([instants])('the local date agrees with platform/clock localDate', (ms) => {
    for (const zone of zones) expect(localDateAt(ms, zone)).toBe(localDate(new Date(ms), zone))
  })

  it('midnight on a Sydney change day is 00:00 local', () => {
    // 2020-04-05: clocks go back at 03:00 AEDT; midnight is still AEDT (UTC+11).
    expect(iso(instantAt('2020-04-05', 0, 'Australia/Sydney'))).toBe('2020-04-04T13:00:00.000Z')
    // 2020-10-04: clocks go forward at 02:00 AEST; midnight is still AEST (UTC+10).
    expect(iso(instantAt('2020-10-04', 0, 'Australia/Sydney'))).toBe('2020-10-03T14:00:00.000Z')
  })

  it('walks dates and weekdays across months, years and leap days', () => {
    expect(nextDate('2026-12-31')).toBe('2027-01-01')
    expect(nextDate('2028-02-28')).toBe('2028-02-29')
    expect(isoWeekday('2026-10-10')).toBe(6)
    expect(isoWeekday('2026-10-11')).toBe(7)
    expect(isoWeekday('2026-10-12')).toBe(1)
  })

  it('knows IANA names and refuses the rest', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true)
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true)
    expect(isTimeZone('UTC')).toBe(true)
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false)
    expect(isTimeZone('+08:00')).toBe(false)
    expect(isTimeZone('')).toBe(false)
  })
})
