import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Deps, RequestContext } from '../http/context'
import { AppError } from '../errors'
import type { Actor, Permission } from '../permissions'
import { findLiveSession, propertyIdsOfCustomer, touchSession } from './auth.repository'
import { CSRF_HEADER, SESSION_COOKIE, sameToken, sessionIdOf } from './session-token'
import { localDate } from '../clock/local-date'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null
    sessionId: string | null
    csrfToken: string | null
  }
  interface FastifyContextConfig {
    /** 'public': no session needed. Default: a signed-in user. */
    auth?: 'public'
    /** Checked before the handler: without it every call is 403, whatever the record. */
    permission?: Permission
    /** Staff only: a customer account holding the permission (for its own rows) still gets 403. */
    staffOnly?: boolean
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
// Refreshing the expiry on every request would write on every read; once per 5 minutes is enough.
const TOUCH_AFTER_MS = 5 * 60 * 1000

export async function loadActor(deps: Deps, request: FastifyRequest): Promise<void> {
  const token = request.cookies[SESSION_COOKIE]
  if (!token) return
  const id = sessionIdOf(token, deps.config.sessionSecret)
  const now = deps.clock.now()
  const found = await findLiveSession(deps.db, id, now)
  if (!found) return
  const { session, user, role } = found
  const propertyIds =
    user.kind === 'customer' && user.customerId
      ? await propertyIdsOfCustomer(deps.db, user.customerId, localDate(now))
      : found.staffPropertyIds
  request.actor = {
    userId: user.id,
    orgId: user.orgId,
    username: user.username,
    displayName: user.displayName,
    kind: user.kind,
    permissions: new Set(role.permissions),
    allProperties: user.kind === 'staff' && user.allProperties,
    propertyIds,
    customerId: user.kind === 'customer' ? user.customerId : null,
    department: user.kind === 'staff' ? user.department : null,
    roleCode: role.code,
  }
  request.sessionId = id
  request.csrfToken = session.csrfToken
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    const expiresAt = new Date(now.getTime() + deps.config.sessionTtlHours * 3600_000)
    await touchSession(deps.db, id, now, expiresAt)
  }
}

export const authPlugin = fp<{ deps: Deps }>(async (app, { deps }) => {
  app.decorateRequest('actor', null)
  app.decorateRequest('sessionId', null)
  app.decorateRequest('csrfToken', null)

  // onRequest: a caller without a session learns nothing, not even which body the route would take.
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const config = request.routeOptions.config
    if (!request.url.startsWith('/api/v1/')) return
    await loadActor(deps, request)
    if (config.auth === 'public') return
    if (!request.actor) throw new AppError('auth.unauthenticated', 'Sign in first.')
    if (UNSAFE.has(request.method)) {
      const header = request.headers[CSRF_HEADER]
      if (
        typeof header !== 'string' ||
        !request.csrfToken ||
        !sameToken(header, request.csrfToken)
      ) {
        throw new AppError('auth.csrf', 'The request lacks the CSRF token of this session.')
      }
    }
    const customerRefused = config.staffOnly === true && request.actor.kind === 'customer'
    if (
      config.permission &&
      (customerRefused || !request.actor.permissions.has(config.permission))
    ) {
      throw new AppError('forbidden', `This needs the permission ${config.permission}.`, {
        extra: { permission: config.permission },
      })
    }
  })
})

/** The caller's context for a use-case; only on routes that require a session. */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.actor) throw new AppError('auth.unauthenticated', 'Sign in first.')
  return { actor: request.actor, requestId: request.id, ip: request.ip }
}
