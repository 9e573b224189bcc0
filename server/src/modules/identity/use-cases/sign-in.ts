import type { Deps } from '../../../platform/http/context'
import { AppError } from '../../../platform/errors'
import { recordAudit } from '../../../platform/audit'
import {
  dummyPasswordHash,
  findUserForLogin,
  insertSession,
  newToken,
  recordLoginFailure,
  recordLoginSuccess,
  sessionIdOf,
  verifyPassword,
} from '../../../platform/auth'

export const MAX_FAILED_LOGINS = 5
export const LOCKOUT_MINUTES = 15

type SignInInput = {
  login: string
  password: string
  ip: string
  userAgent: string | undefined
  requestId: string
}

const invalid = () => new AppError('auth.invalid_credentials', 'Wrong username or password.')

/** Checks the password, counts failures toward a lockout, and opens a session. */
export async function signIn(deps: Deps, input: SignInInput) {
  const { db, clock, config } = deps
  const user = await findUserForLogin(db, input.login.trim())
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password)
    throw invalid()
  }
  const now = clock.now()
  const auditCtx = {
    actor: null,
    orgId: user.orgId,
    actorName: user.username,
    requestId: input.requestId,
    ip: input.ip,
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError(
      'auth.locked',
      'Too many wrong passwords: this account is locked for a while.',
      {
        extra: { lockedUntil: user.lockedUntil.toISOString() },
      },
    )
  }
  const ok = !user.disabled && (await verifyPassword(user.passwordHash, input.password))
  if (!ok) {
    const lockUntil =
      user.failedLogins + 1 >= MAX_FAILED_LOGINS
        ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000)
        : null
    await db.transaction(async (tx) => {
      await recordLoginFailure(tx, user.id, lockUntil)
      await recordAudit(tx, clock, auditCtx, {
        action: lockUntil ? 'auth.locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
      })
    })
    if (lockUntil) {
      throw new AppError(
        'auth.locked',
        'Too many wrong passwords: this account is locked for a while.',
        {
          extra: { lockedUntil: lockUntil.toISOString() },
        },
      )
    }
    throw invalid()
  }
  const token = newToken()
  const csrfToken = newToken()
  await db.transaction(async (tx) => {
    await recordLoginSuccess(tx, user.id, now)
    await insertSession(tx, {
      id: sessionIdOf(token, config.sessionSecret),
      userId: user.id,
      orgId: user.orgId,
      csrfToken,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + config.sessionTtlHours * 3600_000),
    })
    await recordAudit(tx, clock, auditCtx, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
    })
  })
  return { token, csrfToken, userId: user.id }
}
