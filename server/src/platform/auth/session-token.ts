import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export const SESSION_COOKIE = 'atrium_session'
export const CSRF_COOKIE = 'atrium_csrf'
export const CSRF_HEADER = 'x-csrf-token'

export const newToken = () => randomBytes(32).toString('base64url')

/** The stored id of a session: the HMAC of its cookie token under the server's secret. */
export const sessionIdOf = (token: string, secret: string) =>
  createHmac('sha256', secret).update(token).digest('hex')

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
