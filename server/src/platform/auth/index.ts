export { authPlugin, contextOf, loadActor } from './auth.plugin'
export { hashPassword, verifyPassword, dummyPasswordHash, passwordWeakness } from './password'
export { SESSION_COOKIE, CSRF_COOKIE, CSRF_HEADER, newToken, sessionIdOf } from './session-token'
export * from './auth.repository'
