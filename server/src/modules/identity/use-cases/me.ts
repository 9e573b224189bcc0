import type { Deps, RequestContext } from '../../../platform/http/context'
import { AppError, notFound } from '../../../platform/errors'
import { recordAudit } from '../../../platform/audit'
import {
  deleteSession,
  deleteSessionsOfUser,
  hashPassword,
  passwordWeakness,
  verifyPassword,
} from '../../../platform/auth'
import { propertyRefs } from '../../org'
import * as repo from '../identity.repository'
import type { Me } from '../identity.schemas'

export async function getMe({ db }: Deps, ctx: RequestContext): Promise<Me> {
  const found = await repo.findUser(db, ctx.actor.orgId, ctx.actor.userId)
  if (!found) throw notFound('user')
  const { user, role } = found
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    kind: user.kind,
    department: user.department,
    role: { id: role.id, code: role.code, name: role.name },
    permissions: [...ctx.actor.permissions].sort(),
    allProperties: ctx.actor.allProperties,
    properties: await propertyRefs(
      db,
      ctx.actor.orgId,
      ctx.actor.allProperties ? 'all' : [...ctx.actor.propertyIds],
    ),
    customerId: ctx.actor.customerId,
  }
}

export async function signOut({ db, clock }: Deps, ctx: RequestContext, sessionId: string) {
  await db.transaction(async (tx) => {
    await deleteSession(tx, sessionId)
    await recordAudit(tx, clock, ctx, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: ctx.actor.userId,
    })
  })
}

/** Changing one's password ends every other session of the account. */
export async function changeOwnPassword(
  { db, clock }: Deps,
  ctx: RequestContext,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
) {
  const found = await repo.findUser(db, ctx.actor.orgId, ctx.actor.userId)
  if (!found) throw notFound('user')
  if (!(await verifyPassword(found.user.passwordHash, input.currentPassword))) {
    throw new AppError('auth.wrong_password', 'The current password is wrong.', {
      field: 'currentPassword',
    })
  }
  const weakness = passwordWeakness(input.newPassword, found.user.username)
  if (weakness)
    throw new AppError('auth.weak_password', `The new password ${weakness}.`, {
      field: 'newPassword',
    })
  const passwordHash = await hashPassword(input.newPassword)
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, found.user.id, { passwordHash, passwordChangedAt: clock.now() })
    await deleteSessionsOfUser(tx, found.user.id, sessionId)
    await recordAudit(tx, clock, ctx, {
      action: 'user.password_change',
      entityType: 'user',
      entityId: found.user.id,
    })
  })
}
