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

  it('page() returns the limit and a cursor only when there is more', () => {
    const rows = [{ k: 'a' }, { k: 'b' }, { k: 'c' }]
    expect(page(rows, 2, (r) => [r.k])).toEqual({
      items: rows.slice(0, 2),
      nextCursor: encodeCursor(['b']),
    })
    expect(page(rows, 3, (r) => [r.k])).toEqual({ items: rows, nextCursor: null })
  })
})
