import { describe, expect, it } from 'vitest'
import { hashPassword, passwordWeakness, verifyPassword } from './password'

describe('passwords', () => {
  it('are stored as argon2id hashes that verify only the right password', async () => {
    const hash = await hashPassword('Correct2026horse')
    expect(hash.startsWith('$argon2id$')).toBe(true)
    expect(await verifyPassword(hash, 'Correct2026horse')).toBe(true)
    expect(await verifyPassword(hash, 'correct2026horse')).toBe(false)
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false)
  })

  it('a weak password is refused with a reason', () => {
    expect(passwordWeakness('short1', 'amy')).toMatch(/8 characters/)
    expect(passwordWeakness('onlyletters', 'amy')).toMatch(/letters and digits/)
    expect(passwordWeakness('12345678', 'amy')).toMatch(/letters and digits/)
    expect(passwordWeakness('amy.wong2026', 'amy.wong')).toMatch(/username/)
    expect(passwordWeakness('Front2026desk', 'amy')).toBeNull()
  })
})
