import { describe, expect, it } from 'vitest'
import { errorStatus } from './codes'
import { AppError } from './app-error'

describe('error codes', () => {
  it('every code maps to a 4xx or 5xx status', () => {
    for (const [code, status] of Object.entries(errorStatus)) {
      expect(status, code).toBeGreaterThanOrEqual(400)
      expect(status, code).toBeLessThan(600)
    }
  })

  it('an AppError takes its status from the one map', () => {
    expect(new AppError('conflict.stale_version').status).toBe(409)
    expect(new AppError('rate_limited').status).toBe(429)
  })
})
