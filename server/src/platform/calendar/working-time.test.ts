import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import {
  addWorkingMinutes,
  defaultCalendar,
  isWorkingDay,
  workingMinutesBetween,
  type WorkCalendar,
} from '.'

// Real 2026 Chinese holidays (chinese-days 1.5.7): National Day 10-01…10-07 with make-up working
// days on Sunday 09-20 and Saturday 10-10; Spring Festival 02-15…02-23 with make-up Saturdays
// 02-14 and 02-28. Times below are Beijing time (UTC+8).
const china = defaultCalendar('Asia/Shanghai')
const bj = (local: string) => new Date(`${local}+08:00`)
const add = (cal: WorkCalendar, from: string, minutes: number) =>
  addWorkingMinutes(cal, bj(from), minutes).toISOString()
const utc = (local: string) => bj(local).toISOString()

describe('working days', () => {
  it('National Day 2026 is no working day, its make-up Sunday and Saturday are', () => {
    for (let d = 1; d <= 7; d++) expect(isWorkingDay(china, `2026-10-0${d}`)).toBe(false)
    expect(isWorkingDay(china, '2026-09-20')).toBe(true)
    expect(isWorkingDay(china, '2026-10-10')).toBe(true)
    expect(isWorkingDay(china, '2026-10-11')).toBe(false)
  })

  it('Spring Festival 2026 is no working day, with make-up Saturdays either side', () => {
    expect(isWorkingDay(china, '2026-02-14')).toBe(true)
    for (let d = 15; d <= 23; d++) expect(isWorkingDay(china, `2026-02-${d}`)).toBe(false)
    expect(isWorkingDay(china, '2026-02-24')).toBe(true)
    expect(isWorkingDay(china, '2026-02-28')).toBe(true)
  })

  it('an ordinary week: Monday to Friday work, the weekend not', () => {
    expect(isWorkingDay(china, '2026-11-27')).toBe(true)
    expect(isWorkingDay(china, '2026-11-28')).toBe(false)
    expect(isWorkingDay(china, '2026-11-29')).toBe(false)
  })

  it('a holiday wins over a working weekday, a make-up day over the weekend', () => {
    const cal = { ...china, holidays: new Set(['2026-11-25']), workdays: new Set(['2026-11-28']) }
    expect(isWorkingDay(cal, '2026-11-25')).toBe(false)
    expect(isWorkingDay(cal, '2026-11-28')).toBe(true)
  })
})

describe('adding working minutes', () => {
  it('counts inside working hours of one day', () => {
    expect(add(china, '2026-11-25T09:00:00', 30)).toBe(utc('2026-11-25T09:30:00'))
    // 09:00–18:00 is 540 minutes: a whole day from the opening ends at closing time, not later.
    expect(add(china, '2026-11-25T09:00:00', 480)).toBe(utc('2026-11-25T17:00:00'))
    expect(add(china, '2026-11-25T09:00:00', 540)).toBe(utc('2026-11-25T18:00:00'))
    expect(add(china, '2026-11-25T09:00:00', 541)).toBe(utc('2026-11-26T09:01:00'))
  })

  it('starting before opening time starts at the opening', () => {
    expect(add(china, '2026-11-25T07:12:00', 30)).toBe(utc('2026-11-25T09:30:00'))
  })

  it('starting after closing time or on a weekend starts at the next opening', () => {
    expect(add(china, '2026-11-25T20:00:00', 30)).toBe(utc('2026-11-26T09:30:00'))
    expect(add(china, '2026-11-27T17:45:00', 30)).toBe(utc('2026-11-30T09:15:00'))
    expect(add(china, '2026-11-28T11:00:00', 15)).toBe(utc('2026-11-30T09:15:00'))
  })

  it('0 minutes is the moment itself in working hours, else the next opening', () => {
    expect(add(china, '2026-11-25T10:00:00', 0)).toBe(utc('2026-11-25T10:00:00'))
    expect(add(china, '2026-11-28T10:00:00', 0)).toBe(utc('2026-11-30T09:00:00'))
  })

  it('skips National Day 2026 and works its make-up Saturday', () => {
    expect(add(china, '2026-09-30T17:00:00', 120)).toBe(utc('2026-10-08T10:00:00'))
    expect(add(china, '2026-10-09T17:00:00', 120)).toBe(utc('2026-10-10T10:00:00'))
    // The make-up Sunday before it, after a Friday and a free Saturday.
    expect(add(china, '2026-09-18T17:00:00', 120)).toBe(utc('2026-09-20T10:00:00'))
  })

  it('skips Spring Festival 2026: the make-up Saturday, then nine days off', () => {
    expect(add(china, '2026-02-13T17:00:00', 120)).toBe(utc('2026-02-14T10:00:00'))
    expect(add(china, '2026-02-14T17:00:00', 120)).toBe(utc('2026-02-24T10:00:00'))
  })

  it('ten working days from Monday 28 September 2026 end on Thursday 15 October', () => {
    // 09-28, 29, 30; 10-08, 09, 10 (make-up Saturday); 10-12, 13, 14, 15.
    expect(add(china, '2026-09-28T09:00:00', 10 * 540)).toBe(utc('2026-10-15T18:00:00'))
  })

  it('walks a year of working time a day at a time, not a minute at a time', () => {
    const started = performance.now()
    const due = addWorkingMinutes(china, bj('2025-01-02T09:00:00'), 250 * 540)
    expect(performance.now() - started).toBeLessThan(250)
    expect(workingMinutesBetween(china, bj('2025-01-02T09:00:00'), due)).toBe(250 * 540)
  })

  it('refuses a negative count and a calendar without working time', () => {
    expect(() => addWorkingMinutes(china, new Date(), -1)).toThrow(RangeError)
    expect(() => addWorkingMinutes(china, new Date(), Number.NaN)).toThrow(RangeError)
    const never = { ...china, workWeekdays: [], workdays: new Set<string>() }
    expect(() => addWorkingMinutes(never, new Date('2026-01-01T00:00:00Z'), 1)).toThrow(RangeError)
  })
})

describe('working minutes between two moments', () => {
  it('is 0 when the end is not after the start', () => {
    expect(workingMinutesBetween(china, bj('2026-11-25T10:00:00'), bj('2026-11-25T10:00:00'))).toBe(
      0,
    )
    expect(workingMinutesBetween(china, bj('2026-11-25T11:00:00'), bj('2026-11-25T10:00:00'))).toBe(
      0,
    )
  })

  it('counts only working hours of working days', () => {
    const between = (a: string, b: string) => workingMinutesBetween(china, bj(a), bj(b))
    expect(between('2026-11-25T08:00:00', '2026-11-25T20:00:00')).toBe(540)
    expect(between('2026-11-27T17:00:00', '2026-11-30T10:00:00')).toBe(120)
    // Nothing from 10-01 to 10-07; 09-30, 10-08, 10-09 and the make-up Saturday 10-10 count.
    expect(between('2026-10-01T00:00:00', '2026-10-08T00:00:00')).toBe(0)
    expect(between('2026-09-30T00:00:00', '2026-10-11T00:00:00')).toBe(4 * 540)
  })

  it('is exact to the millisecond', () => {
    expect(workingMinutesBetween(china, bj('2026-11-25T10:00:00'), bj('2026-11-25T10:00:30'))).toBe(
      0.5,
    )
  })
})

describe('a zone with daylight saving time (Europe/Berlin)', () => {
  const berlin: WorkCalendar = {
    ...defaultCalendar('Europe/Berlin'),
    holidays: new Set(),
    workdays: new Set(),
  }
  const local = (s: string, offset: string) => new Date(`${s}${offset}`)

  it('working hours stay 09:00–18:00 local across the spring change', () => {
    // Friday 27 March 2026 is CET (UTC+1), Monday 30 March CEST (UTC+2).
    const due = addWorkingMinutes(berlin, local('2026-03-27T17:00:00', '+01:00'), 120)
    expect(due.toISOString()).toBe('2026-03-30T08:00:00.000Z') // 10:00 CEST
    expect(workingMinutesBetween(berlin, local('2026-03-27T17:00:00', '+01:00'), due)).toBe(120)
  })

  it('working hours stay 09:00–18:00 local across the autumn change', () => {
    const due = addWorkingMinutes(berlin, local('2026-10-23T17:00:00', '+02:00'), 120)
    expect(due.toISOString()).toBe('2026-10-26T09:00:00.000Z') // 10:00 CET
  })

  it('round-the-clock hours: the change days have 23 and 25 hours', () => {
    const always: WorkCalendar = {
      ...berlin,
      workStart: 0,
      workEnd: 1440,
      workWeekdays: [1, 2, 3, 4, 5, 6, 7],
    }
    const day = (date: string, offset: string, next: string, nextOffset: string) =>
      workingMinutesBetween(always, local(`${date}T00:00:00`, offset), local(next, nextOffset))
    expect(day('2026-03-29', '+01:00', '2026-03-30T00:00:00', '+02:00')).toBe(23 * 60)
    expect(day('2026-10-25', '+02:00', '2026-10-26T00:00:00', '+01:00')).toBe(25 * 60)
    // 24 working hours from Saturday midnight end at Sunday 01:00, not midnight.
    const due = addWorkingMinutes(always, local('2026-03-28T00:00:00', '+01:00'), 48 * 60)
    expect(due.toISOString()).toBe('2026-03-29T23:00:00.000Z') // Monday 01:00 CEST
  })

  it('night hours that contain the jump lose or gain its hour', () => {
    const nights: WorkCalendar = {
      ...berlin,
      workStart: 0,
      workEnd: 360,
      workWeekdays: [1, 2, 3, 4, 5, 6, 7],
    }
    const night = (date: string, from: string, to: string) =>
      workingMinutesBetween(
        nights,
        new Date(`${date}T00:00:00${from}`),
        new Date(`${date}T12:00:00${to}`),
      )
    expect(night('2026-03-29', '+01:00', '+02:00')).toBe(300)
    expect(night('2026-10-25', '+02:00', '+01:00')).toBe(420)
  })
})

// ——— properties, over many calendars and zones ———

const zones = [
  'Asia/Shanghai',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Australia/Lord_Howe', // a half-hour daylight-saving change
  'Asia/Kolkata',
  'UTC',
]
const weekdays = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 })
// At least an hour a day, so that 20 000 minutes never walk for decades.
const hours = (earliest: number) =>
  fc
    .tuple(fc.integer({ min: earliest, max: 1380 }), fc.integer({ min: 60, max: 1440 }))
    .filter(([start, end]) => start + 60 <= end)
const calendar = (earliestStart = 0) =>
  fc
    .record({
      zone: fc.constantFrom(...zones),
      hours: hours(earliestStart),
      weekdays,
      official: fc.boolean(),
    })
    .map(({ zone, hours: [workStart, workEnd], weekdays, official }): WorkCalendar => ({
      ...defaultCalendar(zone),
      workStart,
      workEnd,
      workWeekdays: weekdays,
      ...(official ? {} : { holidays: new Set<string>(), workdays: new Set<string>() }),
    }))
const moment = fc
  .integer({
    min: new Date('2025-06-01T00:00:00Z').getTime(),
    max: new Date('2027-06-01T00:00:00Z').getTime(),
  })
  .map((ms) => new Date(ms))
const minutes = fc.integer({ min: 0, max: 20_000 })

/** Local date and minute of the day of an instant, by Intl directly. */
function wallClock(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  )
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  }
}

describe('working-time arithmetic (properties)', () => {
  test.prop([calendar(), moment, minutes])(
    'workingMinutesBetween gives back what addWorkingMinutes added',
    (cal, from, m) => {
      const due = addWorkingMinutes(cal, from, m)
      expect(due.getTime()).toBeGreaterThanOrEqual(from.getTime())
      expect(workingMinutesBetween(cal, from, due)).toBe(m)
    },
  )

  // Hours from 04:00 on: the wall clock then never jumps inside them in these zones.
  test.prop([calendar(240), moment, minutes.filter((m) => m > 0)])(
    'a due time lies inside working hours of a working day',
    (cal, from, m) => {
      const due = addWorkingMinutes(cal, from, m)
      // A due time may be closing time itself: look at the moment just before it.
      const { date, minute } = wallClock(new Date(due.getTime() - 1), cal.timeZone)
      expect(isWorkingDay(cal, date)).toBe(true)
      expect(minute).toBeGreaterThanOrEqual(cal.workStart)
      expect(minute).toBeLessThan(cal.workEnd)
    },
  )

  // The second step must add something: 0 minutes from closing time moves on to the next opening.
  test.prop([calendar(), moment, minutes, minutes.filter((m) => m > 0)])(
    'adding in two steps is adding the sum',
    (cal, from, a, b) => {
      const once = addWorkingMinutes(cal, from, a + b)
      const twice = addWorkingMinutes(cal, addWorkingMinutes(cal, from, a), b)
      expect(twice.getTime()).toBe(once.getTime())
    },
  )

  test.prop([calendar(), moment, moment, moment])(
    'working minutes add up over consecutive spans',
    (cal, x, y, z) => {
      const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date]
      expect(workingMinutesBetween(cal, a, b) + workingMinutesBetween(cal, b, c)).toBeCloseTo(
        workingMinutesBetween(cal, a, c),
        6,
      )
    },
  )
})
