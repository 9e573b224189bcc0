import type { Deps, RequestContext } from '../../../platform/http/context'
import { AppError, notFound, staleVersion } from '../../../platform/errors'
import { diffOf, recordAudit } from '../../../platform/audit'
import { builtinRoles, isPermission } from '../../../platform/permissions'
import type { Db } from '../../../platform/db'
import * as repo from '../identity.repository'
import type { CreateRoleBody, Role, UpdateRoleBody } from '../identity.schemas'

const toRole = (r: repo.RoleRow, userCount: number): Role => ({
  id: r.id,
  code: r.code,
  name: r.name,
  builtin: r.builtin,
  permissions: [...r.permissions].sort(),
  userCount,
  version: r.version,
})

function checkPermissions(list: string[]) {
  const unknown = list.filter((p) => !isPermission(p))
  if (unknown.length > 0) {
    throw new AppError(
      'identity.unknown_permission',
      `Unknown permissions: ${unknown.join(', ')}.`,
      {
        field: 'permissions',
        extra: { unknown },
      },
    )
  }
}

export async function listRoles({ db }: Deps, ctx: RequestContext) {
  const rows = await repo.listRoles(db, ctx.actor.orgId)
  return rows.map((r) => toRole(r.role, r.userCount))
}

export async function createRole({ db, clock }: Deps, ctx: RequestContext, input: CreateRoleBody) {
  checkPermissions(input.permissions)
  return db.transaction(async (tx) => {
    const created = await repo.insertRole(tx, { orgId: ctx.actor.orgId, ...input, builtin: false })
    await recordAudit(tx, clock, ctx, {
      action: 'role.create',
      entityType: 'role',
      entityId: created.id,
      diff: { after: input },
    })
    return toRole(created, 0)
  })
}

export async function updateRole(
  { db, clock }: Deps,
  ctx: RequestContext,
  id: string,
  input: UpdateRoleBody,
) {
  if (input.permissions) checkPermissions(input.permissions)
  return db.transaction(async (tx) => {
    const current = await repo.findRoleForUpdate(tx, ctx.actor.orgId, id)
    if (!current) throw notFound('role')
    // The built-in roles are the shared vocabulary of every organisation: copy one to vary it.
    if (current.builtin)
      throw new AppError('identity.role_builtin', 'Built-in roles cannot be changed.')
    if (current.version !== input.version) throw staleVersion()
    const { version: _version, ...patch } = input
    const updated = await repo.updateRole(tx, id, { ...patch, updatedAt: clock.now() })
    await recordAudit(tx, clock, ctx, {
      action: 'role.update',
      entityType: 'role',
      entityId: id,
      diff: diffOf(current, patch),
    })
    return toRole(updated, await repo.countUsersOfRole(tx, id))
  })
}

/**
 * Gives an organisation the built-in roles it lacks and brings their permissions up to date
 * (a release that adds permissions extends the built-in roles on the next start).
 */
export async function ensureBuiltinRoles(db: Db, orgId: string) {
  const byCode: Record<string, repo.RoleRow> = {}
  for (const [code, def] of Object.entries(builtinRoles)) {
    const existing = await repo.findRoleByCode(db, orgId, code)
    const wanted = [...def.permissions].sort()
    if (!existing) {
      byCode[code] = await repo.insertRole(db, {
        orgId,
        code,
        name: def.name,
        builtin: true,
        permissions: wanted,
      })
    } else if (existing.builtin && existing.permissions.join() !== wanted.join()) {
      byCode[code] = await repo.updateRole(db, existing.id, { permissions: wanted })
    } else {
      byCode[code] = existing
    }
  }
  return byCode
}

/**
 * On start: every organisation's built-in roles brought up to this release's permissions. Instances
 * starting together on one database take turns (a transaction-scoped advisory lock), so two of
 * them never insert the same missing role.
 */
export async function syncBuiltinRoles(db: Db) {
  for (const orgId of await repo.organisationIds(db))
    await db.transaction(async (tx) => {
      await repo.waitForRoleSync(tx)
      await ensureBuiltinRoles(tx, orgId)
    })
}
