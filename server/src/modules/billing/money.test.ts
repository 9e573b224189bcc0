import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  addMonths,
  ageingBucket,
  allocateOldestFirst,
  daysInMonth,
  divRound,
  monthlyFee,
  payingDays,
  prorate,
  rateBasisPoints,
} from './money'

describe('money arithmetic', () => {
  it('rounds half up to the fen', () => {
    expect(divRound(5, 2)).toBe(3)
    expect(divRound(4, 2)).toBe(2)
    expect(divRound(1, 3)).toBe(0)
    expect(divRound(2, 3)).toBe(1)
  })

  it('a management fee is area × rate, to the fen: 85.55 m² at ¥3.50 is ¥299.43', () => {
    expect(monthlyFee(85.55, 350)).toBe(29943)
    expect(monthlyFee(120, 285)).toBe(34200)
  })

  it('a partial month is prorated by days: 10 of 30 days of ¥300 is ¥100', () => {
    expect(prorate(30000, 10, 30)).toBe(10000)
    expect(prorate(30000, 30, 30)).toBe(30000)
    expect(prorate(29943, 1, 31)).toBe(966)
  })

  it('prorated days of a month add up to the month within a fen per part', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 28, max: 31 }),
        fc.integer({ min: 1, max: 27 }),
        (amount, days, split) => {
          const a = prorate(amount, split, days)
          const b = prorate(amount, days - split, days)
          expect(Math.abs(a + b - amount)).toBeLessThanOrEqual(1)
        },
      ),
    )
  })

  it('knows month lengths and adds months without overflow', () => {
    expect(daysInMonth('2026-02')).toBe(28)
    expect(daysInMonth('2028-02')).toBe(29)
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
    expect(addMonths('2026-01-15', 3)).toBe('2026-04-15')
  })
})

describe('who pays the management fee', () => {
  it('a tenant pays the days of the lease; the owner pays the days without a tenant', () => {
    const days = payingDays(
      [
        { id: 'owner', customerId: 'o', role: 'owner', fromDate: '2020-01-01', toDate: null },
        { id: 'tenant', customerId: 't', role: 'tenant', fromDate: '2026-11-11', toDate: null },
      ],
      '2026-11',
    )
    expect(days.get('tenant')).toBe(20)
    expect(days.get('owner')).toBe(10)
  })

  it('every day of the month is paid by at most one occupancy', () => {
    const span = fc.record({
      id: fc.uuid(),
      customerId: fc.uuid(),
      role: fc.constantFrom<'owner' | 'tenant'>('owner', 'tenant'),
      fromDate: fc.integer({ min: 1, max: 28 }).map((d) => `2026-11-${String(d).padStart(2, '0')}`),
      toDate: fc.option(
        fc.integer({ min: 1, max: 30 }).map((d) => `2026-11-${String(d).padStart(2, '0')}`),
        { nil: null },
      ),
    })
    fc.assert(
      fc.property(fc.array(span, { maxLength: 5 }), (spans) => {
        const total = [...payingDays(spans, '2026-11').values()].reduce((a, b) => a + b, 0)
        expect(total).toBeLessThanOrEqual(30)
      }),
    )
  })
})

describe('allocation', () => {
  it('pays the oldest due charge first and keeps the rest as credit', () => {
    const r = allocateOldestFirst(
      [
        { id: 'new', open: 500, dueDate: '2026-11-15' },
        { id: 'old', open: 300, dueDate: '2026-10-15' },
      ],
      600,
    )
    expect(r.allocations).toEqual([
      { chargeId: 'old', amount: 300 },
      { chargeId: 'new', amount: 300 },
    ])
    expect(r.credit).toBe(0)
  })

  it('never allocates more than the payment or more than a charge is open', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.uuid(),
            open: fc.integer({ min: 0, max: 1_000_000 }),
            dueDate: fc.constantFrom('2026-09-15', '2026-10-15', '2026-11-15'),
          }),
        ),
        fc.integer({ min: 1, max: 5_000_000 }),
        (charges, amount) => {
          const r = allocateOldestFirst(charges, amount)
          const allocated = r.allocations.reduce((s, a) => s + a.amount, 0)
          expect(allocated + r.credit).toBe(amount)
          for (const a of r.allocations) {
            expect(a.amount).toBeGreaterThan(0)
            expect(a.amount).toBeLessThanOrEqual(
              charges.find((c) => c.id === a.chargeId)?.open ?? 0,
            )
          }
        },
      ),
    )
  })
})

describe('ageing and rates', () => {
  it('puts overdue amounts into 0–30, 31–90 and 90+ day buckets', () => {
    expect(ageingBucket('2026-11-30', '2026-11-29')).toBe('current')
    expect(ageingBucket('2026-11-15', '2026-11-29')).toBe('d0_30')
    expect(ageingBucket('2026-10-15', '2026-11-29')).toBe('d31_90')
    expect(ageingBucket('2026-08-15', '2026-11-29')).toBe('d90_plus')
  })

  it('H-IS-27 a collection rate is in basis points: 2 of 3 is 66.67%', () => {
    expect(rateBasisPoints(2, 3)).toBe(6667)
    expect(rateBasisPoints(0, 0)).toBeNull()
  })
})
