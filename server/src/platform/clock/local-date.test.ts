import { describe, expect, it } from 'vitest'
import { localDate } from './local-date'

describe('local dates', () => {
  it('are the calendar date in Asia/Shanghai, not in UTC', () => {
    expect(localDate(new Date('2026-11-29T16:30:00Z'))).toBe('2026-11-30')
    expect(localDate(new Date('2026-11-29T15:59:59Z'))).toBe('2026-11-29')
  })

  it('follow another time zone when a property has one', () => {
    expect(localDate(new Date('2026-11-29T16:30:00Z'), 'Europe/London')).toBe('2026-11-29')
  })
})
