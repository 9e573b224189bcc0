import { count, eq } from 'drizzle-orm'
import { organisations, units, users } from '../db/schema'
import type { Db } from '../platform/db'

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
