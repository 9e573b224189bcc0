import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm'
import { occupancies, roles, sessions, userProperties, units, users } from '../../db/schema'
import type { Db } from '../db'
import { runStatement } from '../db/statements'

export async function insertSession(db: Db, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row)
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id))
}

export async function deleteSessionsOfUser(db: Db, userId: string, exceptId?: string) {
  await db
    .delete(sessions)
    .where(
      exceptId
        ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${exceptId}`)
        : eq(sessions.userId, userId),
    )
}

export async function deleteExpiredSessions(db: Db, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now))
}

export async function touchSession(db: Db, id: string, lastSeenAt: Date, expiresAt: Date) {
  await db.update(sessions).set({ lastSeenAt, expiresAt }).where(eq(sessions.id, id))
}

/**
 * A live session with its user and role, or undefined; a staff member's buildings come with it
 * (one round trip on every request, not two).
 */
export async function findLiveSession(db: Db, id: string, now: Date) {
  const rows = await runStatement<LiveSessionRow[]>(db, 'live session', liveSession, { id, now })
  return rows[0]
}

type LiveSessionRow = Awaited<ReturnType<typeof liveSession>>[number]

const liveSession = (db: Db) =>
  db
    .select({
      session: sessions,
      user: users,
      role: roles,
      staffPropertyIds: sql<
        string[]
      >`array(select ${userProperties.propertyId}::text from ${userProperties} where ${userProperties.userId} = ${users.id})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('id')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        eq(users.disabled, false),
      ),
    )
    .limit(1)

/** The buildings a customer has a current or future occupancy in. */
export async function propertyIdsOfCustomer(db: Db, customerId: string, today: string) {
  const rows = await db
    .selectDistinct({ propertyId: units.propertyId })
    .from(occupancies)
    .innerJoin(units, eq(units.id, occupancies.unitId))
    .where(
      and(
        eq(occupancies.customerId, customerId),
        or(isNull(occupancies.toDate), sql`${occupancies.toDate} >= ${today}`),
      ),
    )
  return rows.map((r) => r.propertyId)
}

export async function findUserForLogin(db: Db, login: string) {
  const rows = await db
    .select()
    .from(users)
    .where(or(sql`lower(${users.username}) = lower(${login})`, eq(users.phone, login)))
    .limit(2)
  // A phone that matches two accounts is not a usable login; the unique index should prevent it.
  return rows.length === 1 ? rows[0] : undefined
}

export async function recordLoginFailure(db: Db, userId: string, lockUntil: Date | null) {
  await db
    .update(users)
    // Locking starts the count again, so the next lock needs as many failures.
    .set(
      lockUntil
        ? { failedLogins: 0, lockedUntil: lockUntil }
        : { failedLogins: sql`${users.failedLogins} + 1` },
    )
    .where(eq(users.id, userId))
}

export async function recordLoginSuccess(db: Db, userId: string, at: Date) {
  await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: at })
    .where(eq(users.id, userId))
}
