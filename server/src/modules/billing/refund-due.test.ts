import { describe, expect, it } from 'vitest'
import { defaultCalendar, isWorkingDay, type WorkCalendar } from '../../platform/calendar'
import { REFUND_DELAY_MONTHS, refundDueDate } from './use-cases/deposits'

// H-FO-15: a fit-out deposit is refunded three calendar months after the clean re-inspection, on
// the building's next working day. The weekdays below were worked out by hand (and checked with
// Date): 2027-02-28 is a Sunday, 2028-02-29 a Tuesday, 2026-11-30 a Monday.

const official = defaultCalendar()
/** Monday to Friday, with no holidays at all: only the weekend moves a date. */
const plain: WorkCalendar = {
  timeZone: 'Asia/Shanghai',
  workStart: 540,
  workEnd: 1080,
  workWeekdays: [1, 2, 3, 4, 5],
  holidays: new Set(),
  workdays: new Set(),
}

describe('refundDueDate (H-FO-15)', () => {
  it('H-FO-15 the delay is three months', () => {
    expect(REFUND_DELAY_MONTHS).toBe(3)
  })

  it.each([
    // A weekday three months on is the due date itself.
    ['2026-12-14', '2027-03-15', 'Sunday 14 March 2027 → Monday 15 March'],
    ['2026-08-31', '2026-11-30', '31 August → 30 November (clamped), a Monday'],
    ['2026-03-31', '2026-06-30', '31 March → 30 June (clamped), a Tuesday'],
    ['2026-11-30', '2027-03-01', '30 November → Sunday 28 February 2027 → Monday 1 March'],
    ['2027-11-30', '2028-02-29', '30 November → 29 February of the leap year 2028, a Tuesday'],
    ['2027-11-29', '2028-02-29', '29 November → 29 February 2028, a Tuesday'],
    ['2027-12-31', '2028-03-31', '31 December → 31 March 2028, a Friday'],
  ])('H-FO-15 re-inspected %s: refund due %s (%s)', (reinspectedOn, due) => {
    expect(refundDueDate(reinspectedOn, plain)).toBe(due)
    // The official calendar has no days announced for 2027 and 2028 yet: the same dates.
    expect(refundDueDate(reinspectedOn, official)).toBe(due)
  })

  it('H-FO-15 a due date on the National Day holiday (国庆) moves past it: 1 October 2026 → Thursday 8 October', () => {
    expect(isWorkingDay(official, '2026-10-01')).toBe(false)
    expect(refundDueDate('2026-07-01', official)).toBe('2026-10-08')
    // On a calendar without holidays 1 October 2026 (a Thursday) is a working day.
    expect(refundDueDate('2026-07-01', plain)).toBe('2026-10-01')
  })

  it('H-FO-15 a due date in the Spring Festival holiday (春节) moves past it: 17 February 2026 → Tuesday 24 February', () => {
    expect(refundDueDate('2025-11-17', official)).toBe('2026-02-24')
    expect(refundDueDate('2025-11-17', plain)).toBe('2026-02-17')
  })

  it('H-FO-15 a make-up working day (调休) on a Saturday is a working day: 28 February 2026 stays', () => {
    expect(refundDueDate('2025-11-28', official)).toBe('2026-02-28')
    expect(refundDueDate('2025-11-28', plain)).toBe('2026-03-02')
  })

  it('H-FO-15 a holiday that runs into the weekend moves on to the Monday: 端午 20–21 June 2026 → 22 June', () => {
    expect(refundDueDate('2026-03-20', official)).toBe('2026-06-22')
  })

  it('H-FO-15 the building’s own calendar decides: a Saturday at work, a holiday of its own', () => {
    const sixDays: WorkCalendar = {
      ...plain,
      workWeekdays: [1, 2, 3, 4, 5, 6],
      holidays: new Set(['2027-03-01']),
    }
    // Sunday 28 February is no working day; Monday 1 March is the building's holiday.
    expect(refundDueDate('2026-11-30', sixDays)).toBe('2027-03-02')
    expect(refundDueDate('2026-11-27', sixDays)).toBe('2027-02-27')
  })

  it('H-FO-15 over two years of re-inspections: three months on (clamped), then the first working day', () => {
    // Three calendar months on, worked out independently: the same day, or the month's last.
    const threeMonthsOn = (date: string) => {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number]
      const last = new Date(Date.UTC(y, m - 1 + 4, 0)).getUTCDate()
      return new Date(Date.UTC(y, m - 1 + 3, Math.min(d, last))).toISOString().slice(0, 10)
    }
    const next = (date: string) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    for (let day = 0; day < 800; day++) {
      const reinspectedOn = new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10)
      const due = refundDueDate(reinspectedOn, official)
      let expected = threeMonthsOn(reinspectedOn)
      while (!isWorkingDay(official, expected)) expected = next(expected)
      expect(due, reinspectedOn).toBe(expected)
      expect(due >= threeMonthsOn(reinspectedOn), reinspectedOn).toBe(true)
    }
  })
})
