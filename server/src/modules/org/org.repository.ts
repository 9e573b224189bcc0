import {
  and,
  asc,
  count,
  countDistinct,
  eq,
  gt,
  ilike,
  inArray,
  isNull,
  or,
  sql,
  type SQL,
} from 'drizzle-orm'
import { customers, floors, occupancies, organisations, properties, units } from '../../db/schema'
import type { Db } from '../../platform/db'
import { one } from '../../platform/db/one'
import { propertyScope, type Actor } from '../../platform/permissions'

export type PropertyRow = typeof properties.$inferSelect
export type FloorRow = typeof floors.$inferSelect
export type UnitRow = typeof units.$inferSelect

/** Units a customer occupies today or will: the only units a customer account may see. */
const unitsOfCustomer = (customerId: string, today: string) =>
  sql`${units.id} in (select ${occupancies.unitId} from ${occupancies} where ${occupancies.customerId} = ${customerId} and (${occupancies.toDate} is null or ${occupancies.toDate} >= ${today}))`

function unitScope(actor: Actor, today: string): SQL {
  const scope = propertyScope(actor, units.orgId, units.propertyId)
  if (actor.kind !== 'customer') return scope
  return (
    and(scope, actor.customerId ? unitsOfCustomer(actor.customerId, today) : sql`false`) ??
    sql`false`
  )
}

export async function insertOrganisation(db: Db, name: string) {
  return one(await db.insert(organisations).values({ name }).returning())
}

export async function listProperties(db: Db, actor: Actor) {
  return db
    .select({
      property: properties,
      floorCount: countDistinct(floors.id),
      unitCount: countDistinct(units.id),
    })
    .from(properties)
    .leftJoin(floors, eq(floors.propertyId, properties.id))
    .leftJoin(units, eq(units.floorId, floors.id))
    .where(propertyScope(actor, properties.orgId, properties.id))
    .groupBy(properties.id)
    .orderBy(asc(properties.code))
}

export async function findProperty(db: Db, actor: Actor, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(properties)
    .where(and(propertyScope(actor, properties.orgId, properties.id), eq(properties.id, id)))
  const rows = forUpdate ? await q.for('update') : await q
  return rows[0]
}

export async function propertyRefs(db: Db, orgId: string, ids: string[] | 'all') {
  const where =
    ids === 'all'
      ? eq(properties.orgId, orgId)
      : ids.length === 0
        ? sql`false`
        : and(eq(properties.orgId, orgId), inArray(properties.id, ids))
  return db
    .select({ id: properties.id, code: properties.code, name: properties.name })
    .from(properties)
    .where(where)
    .orderBy(asc(properties.code))
}

export async function insertProperty(db: Db, row: typeof properties.$inferInsert) {
  return one(await db.insert(properties).values(row).returning())
}

export async function updateProperty(
  db: Db,
  id: string,
  patch: Partial<typeof properties.$inferInsert>,
) {
  return one(
    await db
      .update(properties)
      .set({ ...patch, version: sql`${properties.version} + 1`, updatedAt: sql`now()` })
      .where(eq(properties.id, id))
      .returning(),
  )
}

export async function listFloors(db: Db, actor: Actor, propertyId: string, today: string) {
  return db
    .select({ floor: floors, unitCount: count(units.id) })
    .from(floors)
    .leftJoin(units, and(eq(units.floorId, floors.id), unitScope(actor, today)))
    .where(
      and(propertyScope(actor, floors.orgId, floors.propertyId), eq(floors.propertyId, propertyId)),
    )
    .groupBy(floors.id)
    .orderBy(asc(floors.level))
}

export async function findFloor(db: Db, actor: Actor, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(floors)
    .where(and(propertyScope(actor, floors.orgId, floors.propertyId), eq(floors.id, id)))
  const rows = forUpdate ? await q.for('update') : await q
  return rows[0]
}

export async function countUnitsOnFloor(db: Db, floorId: string) {
  const [row] = await db.select({ n: count() }).from(units).where(eq(units.floorId, floorId))
  return row?.n ?? 0
}

export async function insertFloor(db: Db, row: typeof floors.$inferInsert) {
  return one(await db.insert(floors).values(row).returning())
}

export async function updateFloor(db: Db, id: string, patch: Partial<typeof floors.$inferInsert>) {
  return one(
    await db
      .update(floors)
      .set({ ...patch, version: sql`${floors.version} + 1` })
      .where(eq(floors.id, id))
      .returning(),
  )
}

export async function deleteFloor(db: Db, id: string) {
  await db.delete(floors).where(eq(floors.id, id))
}

export type UnitFilter = {
  propertyId?: string
  floorId?: string
  status?: UnitRow['status']
  kind?: UnitRow['kind']
  q?: string
  after?: { level: number; number: string; id: string }
  limit: number
}

const unitColumns = { unit: units, floorLabel: floors.label, level: floors.level }

export async function listUnits(db: Db, actor: Actor, today: string, f: UnitFilter) {
  const where: (SQL | undefined)[] = [unitScope(actor, today)]
  if (f.propertyId) where.push(eq(units.propertyId, f.propertyId))
  if (f.floorId) where.push(eq(units.floorId, f.floorId))
  if (f.status) where.push(eq(units.status, f.status))
  if (f.kind) where.push(eq(units.kind, f.kind))
  if (f.q) where.push(ilike(units.number, `${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))
  if (f.after) {
    const { level, number, id } = f.after
    where.push(
      or(
        gt(floors.level, level),
        and(eq(floors.level, level), gt(units.number, number)),
        and(eq(floors.level, level), eq(units.number, number), gt(units.id, id)),
      ),
    )
  }
  return db
    .select(unitColumns)
    .from(units)
    .innerJoin(floors, eq(floors.id, units.floorId))
    .where(and(...where))
    .orderBy(asc(floors.level), asc(units.number), asc(units.id))
    .limit(f.limit + 1)
}

export async function findUnit(db: Db, actor: Actor, today: string, id: string) {
  const rows = await db
    .select(unitColumns)
    .from(units)
    .innerJoin(floors, eq(floors.id, units.floorId))
    .where(and(unitScope(actor, today), eq(units.id, id)))
  return rows[0]
}

export async function lockUnit(db: Db, id: string) {
  const rows = await db.select().from(units).where(eq(units.id, id)).for('update')
  return rows[0]
}

export async function insertUnit(db: Db, row: typeof units.$inferInsert) {
  return one(await db.insert(units).values(row).returning())
}

export async function updateUnit(db: Db, id: string, patch: Partial<typeof units.$inferInsert>) {
  return one(
    await db
      .update(units)
      .set({ ...patch, version: sql`${units.version} + 1`, updatedAt: sql`now()` })
      .where(eq(units.id, id))
      .returning(),
  )
}

/** Current occupants (occupancies open today) of the given units, with customer names. */
export async function currentOccupants(db: Db, unitIds: string[], today: string) {
  if (unitIds.length === 0) return []
  return db
    .select({
      unitId: occupancies.unitId,
      occupancyId: occupancies.id,
      customerId: customers.id,
      customerName: customers.name,
      role: occupancies.role,
    })
    .from(occupancies)
    .innerJoin(customers, eq(customers.id, occupancies.customerId))
    .where(
      and(
        inArray(occupancies.unitId, unitIds),
        sql`${occupancies.fromDate} <= ${today}`,
        or(isNull(occupancies.toDate), sql`${occupancies.toDate} >= ${today}`),
      ),
    )
    .orderBy(asc(occupancies.role), asc(customers.name))
}

export async function findOrganisation(db: Db, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id))
  return row
}

export async function renameOrganisation(db: Db, id: string, name: string) {
  await db.update(organisations).set({ name }).where(eq(organisations.id, id))
}

export async function unitHasHistory(db: Db, unitId: string) {
  const rows = await db
    .select({ id: occupancies.id })
    .from(occupancies)
    .where(eq(occupancies.unitId, unitId))
    .limit(1)
  return rows.length > 0
}

export async function deleteUnit(db: Db, id: string) {
  await db.delete(units).where(eq(units.id, id))
}
