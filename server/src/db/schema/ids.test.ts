import { describe, expect, it } from 'vitest'
import { uuidv7 } from './ids'

describe('uuidv7', () => {
  it('is a version-7 RFC 9562 UUID carrying the time in milliseconds', () => {
    const at = Date.UTC(2026, 10, 30, 2, 40, 0, 123)
    const id = uuidv7(at)
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at)
  })

  it('sorts by creation time and never repeats', () => {
    const ids = Array.from({ length: 20000 }, (_, i) =>
      uuidv7(1_700_000_000_000 + Math.floor(i / 7)),
    )
    expect(new Set(ids).size).toBe(ids.length)
    const prefixes = ids.map((id) => id.slice(0, 13))
    expect([...prefixes].sort()).toEqual(prefixes)
  })
})
