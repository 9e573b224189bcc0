// H-IS-15, H-IS-31: customer phone and ID numbers leave the server masked unless revealed.

/** 13812345678 → 138****5678; short numbers keep only their last two digits. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null || phone === '') return phone
  const chars = [...phone]
  if (chars.length >= 7) return chars.slice(0, 3).join('') + '****' + chars.slice(-4).join('')
  if (chars.length <= 2) return '*'.repeat(chars.length)
  return '*'.repeat(chars.length - 2) + chars.slice(-2).join('')
}

/** 110101199003071234 → 1101**********1234: the region prefix and the check digits stay. */
export function maskIdNumber(id: string | null): string | null {
  if (id === null || id === '') return id
  const chars = [...id]
  if (chars.length <= 8) return '*'.repeat(chars.length)
  return chars.slice(0, 4).join('') + '*'.repeat(chars.length - 8) + chars.slice(-4).join('')
}
