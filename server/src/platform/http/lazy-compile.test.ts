import { describe, expect, it } from 'vitest'
import { lazily } from './lazy-compile'

describe('lazily', () => {
  it('compiles on the first call only and forwards every argument', () => {
    let compiled = 0
    const add = lazily(() => {
      compiled++
      return (a: number, b: number) => a + b
    })
    expect(compiled).toBe(0)
    expect(add(1, 2)).toBe(3)
    expect(add(2, 3)).toBe(5)
    expect(compiled).toBe(1)
  })

  it('reads the named properties through to the compiled function (an Ajv validator)', () => {
    const compiledValidator = Object.assign((x: unknown) => x === 1, {
      errors: [{ message: 'must be 1' }],
      schemaEnv: { id: 'env' },
    })
    const validate = lazily(() => compiledValidator, ['errors', 'schemaEnv'])
    expect(validate(2)).toBe(false)
    expect((validate as unknown as { errors: unknown }).errors).toEqual([{ message: 'must be 1' }])
    expect((validate as unknown as { schemaEnv: unknown }).schemaEnv).toEqual({ id: 'env' })
  })
})
