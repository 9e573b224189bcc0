import { describe, expect, it } from 'vitest'
import { diffOf } from './record-audit'

describe('audit diffs', () => {
  it('list only the fields that changed, as [before, after]', () => {
    expect(diffOf({ name: 'a', notes: 'x', version: 1 }, { name: 'b', notes: 'x' })).toEqual({
      name: ['a', 'b'],
    })
  })

  it('H-IS-15 never carry a phone or ID number in clear', () => {
    const diff = diffOf(
      { phone: '13812345678', idNumber: '1' },
      { phone: '13900000000', idNumber: '2' },
    )
    expect(JSON.stringify(diff)).not.toMatch(/138|139/)
    expect(diff).toEqual({
      phone: ['[redacted]', '[redacted]'],
      idNumber: ['[redacted]', '[redacted]'],
    })
  })
})
