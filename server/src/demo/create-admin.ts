import type { Db } from '../platform/db'
import type { Clock } from '../platform/clock'
import { recordAudit } from '../platform/audit'
import { hashPassword, passwordWeakness } from '../platform/auth'
import { insertOrganisation } from '../modules/org'
import { ensureBuiltinRoles, insertUser } from '../modules/identity'
import { firstOrganisation } from './demo.repository'

/** Creates an administrator of every property; on an empty database, the organisation too. */
export async function createAdmin(
  db: Db,
  clock: Clock,
  input: { username: string; password: string; displayName: string; orgName: string },
) {
  const weakness = passwordWeakness(input.password, input.username)
  if (weakness) throw new Error(`The password ${weakness}.`)
  const passwordHash = await hashPassword(input.password)
  return db.transaction(async (tx) => {
    const existing = await firstOrganisation(tx)
    const org = existing ?? (await insertOrganisation(tx, input.orgName))
    const roles = await ensureBuiltinRoles(tx, org.id)
    const admin = roles['admin']
    if (!admin) throw new Error('admin role missing')
    const user = await insertUser(tx, {
      orgId: org.id,
      username: input.username,
      displayName: input.displayName,
      kind: 'staff',
      roleId: admin.id,
      allProperties: true,
      passwordHash,
    })
    await recordAudit(
      tx,
      clock,
      { actor: null, orgId: org.id, actorName: 'cli' },
      {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        diff: { after: { username: input.username, role: 'admin' } },
      },
    )
    return { createdOrg: !existing, userId: user.id }
  })
}
