import { and, asc, count, desc, eq, gt, ilike, inArray, or, sql } from 'drizzle-orm'
import { customers, organisations, roles, userProperties, users } from '../../db/schema'
import type { Db } from '../../platform/db'
import { one } from '../../platform/db/one'

export type UserRow = typeof users.$inferSelect
export type RoleRow = typeof roles.$inferSelect

export async function findUser(db: Db, orgId: string, id: string) {
  const rows = await db
    .select({ user: users, role: roles })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(and(eq(users.orgId, orgId), eq(users.id, id)))
    .limit(1)
  return rows[0]
}

export async function findUserForUpdate(db: Db, orgId: string, id: string) {
  const rows = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)))
    .for('update')
  return rows[0]
}

export async function listUsers(
  db: Db,
  orgId: string,
  f: { q?: string; after?: { username: string; id: string }; limit: number },
) {
  const where = [eq(users.orgId, orgId)]
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const match = or(
      ilike(users.username, like),
      ilike(users.displayName, like),
      ilike(users.phone, like),
    )
    if (match) where.push(match)
  }
  if (f.after) {
    const after = or(
      gt(users.username, f.after.username),
      and(eq(users.username, f.after.username), gt(users.id, f.after.id)),
    )
    if (after) where.push(after)
  }
  return db
    .select({ user: users, role: roles })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(and(...where))
    .orderBy(asc(users.username), asc(users.id))
    .limit(f.limit + 1)
}

export async function propertyIdsOfUsers(db: Db, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, string[]>()
  const rows = await db.select().from(userProperties).where(inArray(userProperties.userId, userIds))
  const map = new Map<string, string[]>()
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), r.propertyId])
  return map
}

export async function insertUser(db: Db, row: typeof users.$inferInsert) {
  return one(await db.insert(users).values(row).returning())
}

export async function updateUser(db: Db, id: string, patch: Partial<typeof users.$inferInsert>) {
  return one(
    await db
      .update(users)
      .set({ ...patch, version: sql`${users.version} + 1` })
      .where(eq(users.id, id))
      .returning(),
  )
}

export async function replaceUserProperties(
  db: Db,
  orgId: string,
  userId: string,
  propertyIds: string[],
) {
  await db.delete(userProperties).where(eq(userProperties.userId, userId))
  if (propertyIds.length > 0) {
    await db
      .insert(userProperties)
      .values(propertyIds.map((propertyId) => ({ userId, propertyId, orgId })))
  }
}

export async function findRole(db: Db, orgId: string, id: string) {
  const rows = await db
    .select()
    .from(roles)
    .where(and(eq(roles.orgId, orgId), eq(roles.id, id)))
    .limit(1)
  return rows[0]
}

export async function findRoleByCode(db: Db, orgId: string, code: string) {
  const rows = await db
    .select()
    .from(roles)
    .where(and(eq(roles.orgId, orgId), eq(roles.code, code)))
    .limit(1)
  return rows[0]
}

export async function findRoleForUpdate(db: Db, orgId: string, id: string) {
  const rows = await db
    .select()
    .from(roles)
    .where(and(eq(roles.orgId, orgId), eq(roles.id, id)))
    .for('update')
  return rows[0]
}

export async function listRoles(db: Db, orgId: string) {
  return db
    .select({ role: roles, userCount: count(users.id) })
    .from(roles)
    .leftJoin(users, eq(users.roleId, roles.id))
    .where(eq(roles.orgId, orgId))
    .groupBy(roles.id)
    .orderBy(desc(roles.builtin), asc(roles.code))
}

export async function countUsersOfRole(db: Db, roleId: string) {
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.roleId, roleId))
  return row?.n ?? 0
}

export async function insertRole(db: Db, row: typeof roles.$inferInsert) {
  return one(await db.insert(roles).values(row).returning())
}

export async function updateRole(db: Db, id: string, patch: Partial<typeof roles.$inferInsert>) {
  return one(
    await db
      .update(roles)
      .set({ ...patch, version: sql`${roles.version} + 1` })
      .where(eq(roles.id, id))
      .returning(),
  )
}

export async function customerExists(db: Db, orgId: string, customerId: string) {
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)))
  return rows.length > 0
}

export async function organisationIds(db: Db) {
  return (await db.select({ id: organisations.id }).from(organisations)).map((r) => r.id)
}

const ROLE_SYNC_LOCK = 7_300_002

/** Until the transaction ends: one start-up at a time gives organisations their built-in roles. */
export async function waitForRoleSync(tx: Db) {
  await tx.execute(sql`select pg_advisory_xact_lock(${ROLE_SYNC_LOCK})`)
}
