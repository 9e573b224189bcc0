import { describe, expect, it } from 'vitest'
import { monthBounds, nextMonthStart, rateBp, tallyOpenCases, type OpenGroup } from './figures'

describe('rateBp', () => {
  it('is null when nothing is counted, and rounds half up in basis points', () => {
    expect(rateBp(0, 0)).toBeNull()
    expect(rateBp(1, 3)).toBe(3333)
    expect(rateBp(2, 3)).toBe(6667)
    expect(rateBp(3, 4)).toBe(7500)
    expect(rateBp(1, 20_000)).toBe(1) // 0.5 bp rounds up
    expect(rateBp(5, 5)).toBe(10_000)
  })
})

describe('months', () => {
  it('the month after, across a year end', () => {
    expect(nextMonthStart('2026-11')).toBe('2026-12-01')
    expect(nextMonthStart('2026-12')).toBe('2027-01-01')
  })
  it('a month begins and ends at local midnight of its building', () => {
    const { start, end } = monthBounds('2026-11', 'Asia/Shanghai')
    expect(start.toISOString()).toBe('2026-10-31T16:00:00.000Z')
    expect(end.toISOString()).toBe('2026-11-30T16:00:00.000Z')
  })
})

describe('tallyOpenCases', () => {
  const g = (o: Partial<OpenGroup>): OpenGroup => ({
    ...{ type: 'complaint', state: 'assigned', department: 'customer_service' },
    ...{ count: 1, overdue: 0, escalated: 0, movesToday: 0 },
    ...o,
  })
  it('sums by type and state and by department, largest first', () => {
    const tally = tallyOpenCases([
      g({ count: 2, overdue: 1, escalated: 1 }),
      g({ department: 'engineering', count: 3 }),
      g({ type: 'repair', state: 'dispatched', department: 'engineering', count: 4, overdue: 2 }),
      g({ type: 'inquiry', state: 'open', department: null, count: 1 }),
    ])
    expect(tally).toMatchObject({ total: 10, overdue: 3, escalated: 1 })
    expect(tally.byTypeAndState).toEqual([
      { type: 'complaint', state: 'assigned', count: 5, overdue: 1 },
      { type: 'repair', state: 'dispatched', count: 4, overdue: 2 },
      { type: 'inquiry', state: 'open', count: 1, overdue: 0 },
    ])
    expect(tally.byType[0]).toEqual({ type: 'complaint', count: 5, overdue: 1 })
    expect(tally.byDepartment).toEqual([
      { department: 'engineering', count: 7, overdue: 2 },
      { department: 'customer_service', count: 2, overdue: 1 },
      { department: null, count: 1, overdue: 0 },
    ])
  })
  it('nothing open: zeros and empty lists', () => {
    expect(tallyOpenCases([])).toEqual({
      ...{ total: 0, overdue: 0, escalated: 0 },
      ...{ byType: [], byTypeAndState: [], byDepartment: [] },
    })
  })
})
