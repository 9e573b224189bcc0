import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { AppError } from '../errors'
import { decodeCursor, encodeCursor, page } from './cursor'

describe('cursors', () => {
  it('round-trip any sort key of the declared shape', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer(), (s, n) => {
        expect(decodeCursor(encodeCursor([s, n]), ['string', 'number'])).toEqual([s, n])
      }),
    )
  })

  it('refuse a cursor of another shape or of garbage with a request.invalid on field cursor', () => {
    for (const bad of ['x', encodeCursor([1, 'a']), encodeCursor(['a']), '%%%']) {
      try {
        decodeCursor(bad, ['string', 'number'])
        expect.unreachable()
      } catch (error) {
        expect(error).toBeInstanceOf(AppError)
        expect(error).toMatchObject({ code: 'request.invalid', field: 'cursor', status: 400 })
      }
    }
  })

  it('refuse an instant or a day this server would not have written: Feb 31st, year 0, another form', () => {
    const id = '01a22b01-212d-76a6-83d1-9f9ebc35df87'
    const at = '2026-11-30T07:20:00.123Z'
    expect(decodeCursor(encodeCursor([at, id]), ['iso', 'uuid'])).toEqual([at, id])
    expect(decodeCursor(encodeCursor(['2026-02-28']), ['date'])).toEqual(['2026-02-28'])
    const bad: [unknown[], ('iso' | 'uuid' | 'date')[]][] = [
      [
        ['2026-02-31T00:00:00.000Z', id],
        ['iso', 'uuid'],
      ],
      [
        ['0000-01-01T00:00:00.000Z', id],
        ['iso', 'uuid'],
      ],
      [
        ['2026-11-30T07:20:00Z', id],
        ['iso', 'uuid'],
      ],
      [
        ['2026-11-30T15:20:00.123+08:00', id],
        ['iso', 'uuid'],
      ],
      [['2026-02-31'], ['date']],
      [['0000-01-01'], ['date']],
    ]
    for (const [values, shape] of bad)
      expect(() => decodeCursor(encodeCursor(values as string[]), shape)).toThrow(AppError)
  })

  it('page() returns the limit and a cursor only when there is more', () => {
    const rows = [{ k: 'a' }, { k: 'b' }, { k: 'c' }]
    expect(page(rows, 2, (r) => [r.k])).toEqual({
      items: rows.slice(0, 2),
      nextCursor: encodeCursor(['b']),
    })
    expect(page(rows, 3, (r) => [r.k])).toEqual({ items: rows, nextCursor: null })
  })
})
