import { count, eq, sql } from 'drizzle-orm'
import { customers, organisations, roles, units, userProperties, users } from '../db/schema'
import type { Db } from '../platform/db'
import type { Actor } from '../platform/permissions'

// Several instances may start at once on an empty database: the first to take this lock seeds, the
// others wait for its commit and then find the database no longer empty.
const DEMO_SEED_LOCK = 7_300_002

/** Holds the demo-seed lock until the surrounding transaction ends. */
export async function lockDemoSeed(tx: Db) {
  await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK})`)
}

export async function isDatabaseEmpty(db: Db) {
  const [row] = await db.select({ n: count() }).from(organisations)
  return (row?.n ?? 0) === 0
}

export async function setUnitStatus(
  db: Db,
  unitId: string,
  status: 'vacant' | 'occupied' | 'fitting_out',
) {
  await db.update(units).set({ status }).where(eq(units.id, unitId))
}

export async function firstOrganisation(db: Db) {
  const [row] = await db.select().from(organisations).orderBy(organisations.createdAt).limit(1)
  return row
}

/** Whether the demo logins exist (the database may have been set up with create-admin instead). */
export async function hasDemoLogins(db: Db) {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, 'cs.agent'))
    .limit(1)
  return rows.length > 0
}

/** A demo login as the actor of a request: the demo seed acts through the use-cases as them. */
export async function demoActor(db: Db, username: string): Promise<Actor> {
  const [row] = await db
    .select({ user: users, role: roles })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(eq(users.username, username))
  if (!row) throw new Error(`demo user ${username} missing`)
  const { user, role } = row
  const served = await db
    .select({ id: userProperties.propertyId })
    .from(userProperties)
    .where(eq(userProperties.userId, user.id))
  return {
    userId: user.id,
    orgId: user.orgId,
    username: user.username,
    displayName: user.displayName,
    kind: user.kind,
    permissions: new Set(role.permissions),
    allProperties: user.kind === 'staff' && user.allProperties,
    propertyIds:
      user.kind === 'customer' && user.customerId
        ? (
            await db
              .select({ id: customers.propertyId })
              .from(customers)
              .where(eq(customers.id, user.customerId))
          ).map((r) => r.id)
        : served.map((r) => r.id),
    customerId: user.customerId,
    department: user.department,
    roleCode: role.code,
  }
}
