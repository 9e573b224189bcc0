import { describe, expect, it } from 'vitest'
import { findUnsafeText } from './validation'

describe('storable text', () => {
  it('finds a NUL character or a lone surrogate and names its path', () => {
    expect(findUnsafeText({ name: 'a\u0000b' })).toBe('name')
    expect(findUnsafeText({ contacts: [{ name: 'ok' }, { name: 'x\ud800' }] })).toBe(
      'contacts.1.name',
    )
    expect(findUnsafeText({ q: '\udc00' })).toBe('q')
  })

  it('accepts Chinese text, emoji and ordinary values', () => {
    expect(
      findUnsafeText({ name: '示例大厦 😀', n: 1, list: ['a'], nothing: null }),
    ).toBeUndefined()
  })
})
