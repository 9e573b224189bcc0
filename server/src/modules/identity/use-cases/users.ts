import type { Deps, RequestContext } from '../../../platform/http/context'
import { AppError, invalidField, notFound, staleVersion } from '../../../platform/errors'
import { diffOf, recordAudit } from '../../../platform/audit'
import { deleteSessionsOfUser, hashPassword, passwordWeakness } from '../../../platform/auth'
import { decodeCursor, page } from '../../../platform/http/cursor'
import type { Db } from '../../../platform/db'
import { propertyRefs } from '../../org'
import * as repo from '../identity.repository'
import type { CreateUserBody, UpdateUserBody, User } from '../identity.schemas'

function toUser(u: repo.UserRow, role: repo.RoleRow, propertyIds: string[]): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    phone: u.phone,
    kind: u.kind,
    department: u.department,
    role: { id: role.id, code: role.code, name: role.name },
    allProperties: u.allProperties,
    propertyIds,
    customerId: u.customerId,
    disabled: u.disabled,
    lockedUntil: u.lockedUntil?.toISOString() ?? null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    version: u.version,
  }
}

async function checkPropertyIds(db: Db, orgId: string, ids: string[] | undefined) {
  if (!ids || ids.length === 0) return
  const found = await propertyRefs(db, orgId, ids)
  if (found.length !== new Set(ids).size)
    throw invalidField('propertyIds', 'names a building that does not exist')
}

function checkPassword(password: string, username: string) {
  const weakness = passwordWeakness(password, username)
  if (weakness)
    throw new AppError('auth.weak_password', `The password ${weakness}.`, { field: 'password' })
}

export async function listUsers(
  { db }: Deps,
  ctx: RequestContext,
  q: { q?: string; cursor?: string; limit?: number },
) {
  const limit = q.limit ?? 50
  const cursor = decodeCursor(q.cursor, ['string', 'uuid'])
  const rows = await repo.listUsers(db, ctx.actor.orgId, {
    limit,
    ...(q.q ? { q: q.q } : {}),
    ...(cursor ? { after: { username: String(cursor[0]), id: String(cursor[1]) } } : {}),
  })
  const { items, nextCursor } = page(rows, limit, (r) => [r.user.username, r.user.id])
  const props = await repo.propertyIdsOfUsers(
    db,
    items.map((r) => r.user.id),
  )
  return { items: items.map((r) => toUser(r.user, r.role, props.get(r.user.id) ?? [])), nextCursor }
}

export async function getUser({ db }: Deps, ctx: RequestContext, id: string): Promise<User> {
  const found = await repo.findUser(db, ctx.actor.orgId, id)
  if (!found) throw notFound('user')
  const props = await repo.propertyIdsOfUsers(db, [id])
  return toUser(found.user, found.role, props.get(id) ?? [])
}

export async function createUser(deps: Deps, ctx: RequestContext, input: CreateUserBody) {
  const { db, clock } = deps
  const orgId = ctx.actor.orgId
  if (!(await repo.findRole(db, orgId, input.roleId)))
    throw invalidField('roleId', 'names a role that does not exist')
  if (input.kind === 'customer' && !input.customerId) {
    throw new AppError(
      'identity.customer_link_required',
      'A customer account must be linked to a customer.',
      { field: 'customerId' },
    )
  }
  if (
    input.kind === 'customer' &&
    input.customerId &&
    !(await repo.customerExists(db, orgId, input.customerId))
  ) {
    throw invalidField('customerId', 'names a customer that does not exist')
  }
  await checkPropertyIds(db, orgId, input.propertyIds)
  checkPassword(input.password, input.username)
  const passwordHash = await hashPassword(input.password)
  const id = await db.transaction(async (tx) => {
    const created = await repo.insertUser(tx, {
      orgId,
      username: input.username,
      displayName: input.displayName,
      phone: input.phone ?? null,
      kind: input.kind,
      department: input.kind === 'staff' ? (input.department ?? null) : null,
      roleId: input.roleId,
      allProperties: input.kind === 'staff' && Boolean(input.allProperties),
      customerId: input.kind === 'customer' ? (input.customerId ?? null) : null,
      passwordHash,
    })
    if (input.kind === 'staff')
      await repo.replaceUserProperties(tx, orgId, created.id, input.propertyIds ?? [])
    const { password: _password, ...audited } = input
    await recordAudit(tx, clock, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: created.id,
      diff: { after: audited },
    })
    return created.id
  })
  return getUser(deps, ctx, id)
}

export async function updateUser(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: UpdateUserBody,
) {
  const { db, clock } = deps
  const orgId = ctx.actor.orgId
  if (id === ctx.actor.userId && (input.disabled === true || input.roleId !== undefined)) {
    throw new AppError(
      'identity.self_lockout',
      'You cannot disable yourself or change your own role.',
    )
  }
  if (input.roleId && !(await repo.findRole(db, orgId, input.roleId))) {
    throw invalidField('roleId', 'names a role that does not exist')
  }
  await checkPropertyIds(db, orgId, input.propertyIds)
  await db.transaction(async (tx) => {
    const current = await repo.findUserForUpdate(tx, orgId, id)
    if (!current) throw notFound('user')
    if (current.version !== input.version) throw staleVersion()
    const { version: _version, propertyIds, ...patch } = input
    await repo.updateUser(tx, id, { ...patch, updatedAt: clock.now() })
    const diff = diffOf(current, patch)
    if (propertyIds) {
      const before = (await repo.propertyIdsOfUsers(tx, [id])).get(id) ?? []
      await repo.replaceUserProperties(tx, orgId, id, [...new Set(propertyIds)])
      diff['propertyIds'] = [before, propertyIds]
    }
    // A disabled account is signed out everywhere at once.
    if (input.disabled === true) await deleteSessionsOfUser(tx, id)
    await recordAudit(tx, clock, ctx, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      diff,
    })
  })
  return getUser(deps, ctx, id)
}

export async function setUserPassword(
  { db, clock }: Deps,
  ctx: RequestContext,
  id: string,
  password: string,
) {
  const found = await repo.findUser(db, ctx.actor.orgId, id)
  if (!found) throw notFound('user')
  checkPassword(password, found.user.username)
  const passwordHash = await hashPassword(password)
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, id, {
      passwordHash,
      passwordChangedAt: clock.now(),
      failedLogins: 0,
      lockedUntil: null,
    })
    await deleteSessionsOfUser(tx, id)
    await recordAudit(tx, clock, ctx, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
    })
  })
}

export async function unlockUser(deps: Deps, ctx: RequestContext, id: string) {
  await deps.db.transaction(async (tx) => {
    const current = await repo.findUserForUpdate(tx, ctx.actor.orgId, id)
    if (!current) throw notFound('user')
    await repo.updateUser(tx, id, { failedLogins: 0, lockedUntil: null })
    await recordAudit(tx, deps.clock, ctx, {
      action: 'user.unlock',
      entityType: 'user',
      entityId: id,
    })
  })
  return getUser(deps, ctx, id)
}
