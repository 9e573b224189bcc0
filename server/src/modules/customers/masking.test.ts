import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { maskIdNumber, maskPhone } from './masking'

describe('H-IS-15 masking of customer contact data', () => {
  it('H-IS-15 a mobile number keeps its first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
  })

  it('H-IS-15 a landline with a dash keeps the area code and the last four digits', () => {
    expect(maskPhone('021-55556666')).toBe('021****6666')
  })

  it('H-IS-15 a short number keeps only its last two digits', () => {
    expect(maskPhone('12345')).toBe('***45')
    expect(maskPhone('12')).toBe('**')
  })

  it('H-IS-15 an ID number keeps its region prefix and check digits', () => {
    expect(maskIdNumber('110101199003071234')).toBe('1101**********1234')
    expect(maskIdNumber('11010119900307123X')).toBe('1101**********123X')
  })

  it('nothing to mask stays as it is', () => {
    expect(maskPhone(null)).toBeNull()
    expect(maskIdNumber('')).toBe('')
  })

  it('H-IS-15 a masked phone of 7+ digits never contains the hidden middle digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{7,15}$/), (phone) => {
        const masked = maskPhone(phone) ?? ''
        expect(masked).toHaveLength(11)
        expect(masked.slice(3, 7)).toBe('****')
        expect(masked.startsWith(phone.slice(0, 3)) && masked.endsWith(phone.slice(-4))).toBe(true)
      }),
    )
  })

  it('H-IS-15 a masked ID number keeps its length and shows at most eight characters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{1,32}$/), (id) => {
        const masked = maskIdNumber(id) ?? ''
        expect(masked).toHaveLength(id.length)
        expect([...masked].filter((c) => c !== '*').length).toBeLessThanOrEqual(8)
      }),
    )
  })
})
