import { describe, expect, it } from 'vitest'
import { startOfLocalDay } from './zoned'

describe('local days', () => {
  it('begin at 16:00 UTC the day before in Shanghai', () => {
    expect(startOfLocalDay('2026-12-01').toISOString()).toBe('2026-11-30T16:00:00.000Z')
  })

  it('follow daylight saving where a zone has it', () => {
    expect(startOfLocalDay('2026-07-01', 'Europe/London').toISOString()).toBe(
      '2026-06-30T23:00:00.000Z',
    )
    expect(startOfLocalDay('2026-12-01', 'Europe/London').toISOString()).toBe(
      '2026-12-01T00:00:00.000Z',
    )
  })
})
