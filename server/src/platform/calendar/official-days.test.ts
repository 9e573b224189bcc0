import { describe, expect, it } from 'vitest'
import { defaultCalendar, latestOfficialYear, officialDays } from '.'

describe('the official calendar (chinese-days)', () => {
  it('has 2026: National Day and its make-up working days', () => {
    const days = officialDays(2026, 2026)
    const october = days.filter((d) => d.name === '国庆节')
    expect(october).toEqual([
      { date: '2026-09-20', kind: 'workday', name: '国庆节' },
      ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({
        date: `2026-10-0${d}`,
        kind: 'holiday',
        name: '国庆节',
      })),
      { date: '2026-10-10', kind: 'workday', name: '国庆节' },
    ])
  })

  it('has Spring Festival 2026 with its make-up Saturdays', () => {
    const spring = officialDays(2026, 2026).filter((d) => d.name === '春节')
    expect(spring.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual(
      [15, 16, 17, 18, 19, 20, 21, 22, 23].map((d) => `2026-02-${d}`),
    )
    expect(spring.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual([
      '2026-02-14',
      '2026-02-28',
    ])
  })

  it('gives the days of the years asked for, in date order', () => {
    const days = officialDays(2025, 2026)
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort())
    expect(new Set(days.map((d) => d.date.slice(0, 4)))).toEqual(new Set(['2025', '2026']))
    expect(officialDays(2026, 2025)).toEqual([])
  })

  it('knows the last year published, and nothing after it', () => {
    const latest = latestOfficialYear()
    expect(latest).toBeGreaterThanOrEqual(2026)
    expect(officialDays(latest, latest).length).toBeGreaterThan(20)
    expect(officialDays(latest + 1, latest + 100)).toEqual([])
  })

  it('the default calendar: Monday to Friday, 09:00–18:00, with the official days', () => {
    const cal = defaultCalendar()
    expect(cal).toMatchObject({
      timeZone: 'Asia/Shanghai',
      workStart: 540,
      workEnd: 1080,
      workWeekdays: [1, 2, 3, 4, 5],
    })
    expect(cal.holidays.has('2026-10-01')).toBe(true)
    expect(cal.workdays.has('2026-10-10')).toBe(true)
    expect(defaultCalendar('Europe/Berlin').timeZone).toBe('Europe/Berlin')
  })
})
