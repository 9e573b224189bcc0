import {
  aliasedTable,
  and,
  asc,
  eq,
  gt,
  ilike,
  inArray,
  isNull,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm'
import { customerContacts, customers, floors, occupancies, units, users } from '../../db/schema'
import type { Db } from '../../platform/db'
import { one } from '../../platform/db/one'
import {
  bigramSearchable,
  bigramsOf,
  bigramTestIsExact,
  hasBigramsOf,
} from '../../platform/db/search'
import { propertyScope, scopeValues, type Actor } from '../../platform/permissions'
import { runStatement } from '../../platform/db/statements'

export type CustomerRow = typeof customers.$inferSelect
export type ContactRow = typeof customerContacts.$inferSelect
export type OccupancyRow = typeof occupancies.$inferSelect

/** Customers the caller may see: their properties' customers; a customer account only itself. */
export function customerScope(actor: Actor, prepared = false): SQL {
  // `prepared`: the caller's values as placeholders (platform/permissions scopeValues).
  const scope = propertyScope(actor, customers.orgId, customers.propertyId, prepared)
  if (actor.kind !== 'customer') return scope
  if (!actor.customerId) return sql`false`
  const own = prepared ? sql.placeholder('scopeCustomer') : actor.customerId
  return and(scope, eq(customers.id, own)) ?? sql`false`
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

export type CustomerFilter = {
  propertyId?: string
  kind?: CustomerRow['kind']
  q?: string
  after?: { name: string; id: string }
  limit: number
}

export async function listCustomers(db: Db, actor: Actor, f: CustomerFilter) {
  const where: (SQL | undefined)[] = [customerScope(actor)]
  if (f.propertyId) where.push(eq(customers.propertyId, f.propertyId))
  if (f.kind) where.push(eq(customers.kind, f.kind))
  if (f.q) {
    // A customer matches when q occurs in their name or a contact's name, the number of a unit
    // they occupy or occupied starts with q, or (digits only) their or a contact's phone has them.
    // The unit and contact arms are id lists drawn once (units of the caller's buildings — a
    // customer occupies units of their own building —, contacts of the organisation), not a
    // subquery per customer.
    const like = `%${escapeLike(f.q)}%`
    const digits = f.q.replace(/\D/g, '')
    // Phone search needs a few digits: "1" alone would match nearly everyone.
    const byPhone = digits.length >= 3 && digits.length === f.q.replace(/[\s+-]/g, '').length
    // Decision 0006: from two characters on the bigram indexes serve the name arms (not a phone
    // query: no index serves its arms).
    const indexed = bigramSearchable(f.q) && !byPhone
    const exact = indexed && bigramTestIsExact(f.q)
    const occupancy = aliasedTable(occupancies, 'q_occupancy')
    const unit = aliasedTable(units, 'q_unit')
    const contact = aliasedTable(customerContacts, 'q_contact')
    const related = [
      sql`${customers.id} = any(array(select ${occupancy.customerId} from ${occupancies} ${occupancy}
        join ${units} ${unit} on ${unit.id} = ${occupancy.unitId} where ${and(
          propertyScope(actor, unit.orgId, unit.propertyId),
          f.propertyId ? eq(unit.propertyId, f.propertyId) : undefined,
          ilike(unit.number, `${escapeLike(f.q)}%`),
        )}))`,
      sql`${customers.id} = any(array(select ${contact.customerId} from ${customerContacts} ${contact} where ${and(
        eq(contact.orgId, actor.orgId),
        indexed ? hasBigramsOf(bigramsOf(contact.name), f.q) : undefined,
        exact ? undefined : ilike(contact.name, like),
      )}))`,
    ]
    const matches: (SQL | undefined)[] = [ilike(customers.name, like), ...related]
    if (byPhone) {
      matches.push(
        sql`replace(${customers.phone}, ' ', '') like ${`%${digits}%`}`,
        sql`exists (select 1 from ${customerContacts} c where c.customer_id = ${customers.id} and replace(c.phone, ' ', '') like ${`%${digits}%`})`,
      )
    }
    // The bigram test (customers_search_idx) is implied by the ILIKE; it comes as a condition of
    // its own so that the ILIKE filters the fetched rows without recomputing their bigrams (and
    // is left out where the bigram test is the ILIKE itself).
    if (indexed) where.push(or(hasBigramsOf(bigramsOf(customers.name), f.q), ...related))
    if (!exact) where.push(or(...matches))
  }
  if (f.after) {
    where.push(
      or(
        gt(customers.name, f.after.name),
        and(eq(customers.name, f.after.name), gt(customers.id, f.after.id)),
      ),
    )
  }
  return db
    .select()
    .from(customers)
    .where(and(...where))
    .orderBy(asc(customers.name), asc(customers.id))
    .limit(f.limit + 1)
}

export async function findCustomer(db: Db, actor: Actor, id: string, forUpdate = false) {
  const shape = [actor.kind, actor.allProperties, actor.propertyIds.length > 0, !!actor.customerId]
  const rows = await runStatement<CustomerRow[]>(
    db,
    `customer ${forUpdate ? 'for update' : 'read'} ${shape.join(':')}`,
    (d) => {
      const q = d
        .select()
        .from(customers)
        .where(and(customerScope(actor, true), eq(customers.id, sql.placeholder('id'))))
      return forUpdate ? q.for('update') : q
    },
    { id, ...scopeValues(actor) },
  )
  return rows[0]
}

export async function contactsOf(db: Db, customerId: string) {
  return db
    .select()
    .from(customerContacts)
    .where(eq(customerContacts.customerId, customerId))
    .orderBy(asc(customerContacts.position))
}

export async function replaceContacts(
  db: Db,
  orgId: string,
  customerId: string,
  contacts: { name: string; phone: string | null; title: string; isPrimary: boolean }[],
) {
  await db.delete(customerContacts).where(eq(customerContacts.customerId, customerId))
  if (contacts.length === 0) return
  await db
    .insert(customerContacts)
    .values(contacts.map((c, position) => ({ ...c, orgId, customerId, position })))
}

export async function occupanciesOf(db: Db, customerIds: string[]) {
  if (customerIds.length === 0) return []
  return db
    .select({ occupancy: occupancies, unitNumber: units.number, floorLabel: floors.label })
    .from(occupancies)
    .innerJoin(units, eq(units.id, occupancies.unitId))
    .innerJoin(floors, eq(floors.id, units.floorId))
    .where(inArray(occupancies.customerId, customerIds))
    .orderBy(asc(occupancies.fromDate), asc(units.number))
}

export async function insertCustomer(db: Db, row: typeof customers.$inferInsert) {
  return one(await db.insert(customers).values(row).returning())
}

export async function updateCustomer(
  db: Db,
  id: string,
  patch: Partial<typeof customers.$inferInsert>,
) {
  return one(
    await db
      .update(customers)
      .set({ ...patch, version: sql`${customers.version} + 1`, updatedAt: sql`now()` })
      .where(eq(customers.id, id))
      .returning(),
  )
}

export async function findOccupancy(db: Db, actor: Actor, id: string) {
  const rows = await db
    .select({ occupancy: occupancies })
    .from(occupancies)
    .innerJoin(customers, eq(customers.id, occupancies.customerId))
    .where(and(customerScope(actor), eq(occupancies.id, id)))
    .for('update', { of: occupancies })
  return rows[0]?.occupancy
}

/** Occupancies of a unit that overlap [from, to] (to null: open-ended). */
export async function overlappingOccupancies(
  db: Db,
  unitId: string,
  from: string,
  to: string | null,
  exceptId?: string,
) {
  const where: (SQL | undefined)[] = [
    eq(occupancies.unitId, unitId),
    or(isNull(occupancies.toDate), sql`${occupancies.toDate} >= ${from}`),
  ]
  if (to !== null) where.push(sql`${occupancies.fromDate} <= ${to}`)
  if (exceptId) where.push(ne(occupancies.id, exceptId))
  return db
    .select()
    .from(occupancies)
    .where(and(...where))
}

export async function insertOccupancy(db: Db, row: typeof occupancies.$inferInsert) {
  return one(await db.insert(occupancies).values(row).returning())
}

export async function endOccupancy(db: Db, id: string, toDate: string) {
  return one(
    await db
      .update(occupancies)
      .set({ toDate, version: sql`${occupancies.version} + 1` })
      .where(eq(occupancies.id, id))
      .returning(),
  )
}

export async function countCurrentOccupancies(
  db: Db,
  unitId: string,
  today: string,
  exceptCustomerId?: string,
) {
  const rows = await db
    .select({ id: occupancies.id })
    .from(occupancies)
    .where(
      and(
        eq(occupancies.unitId, unitId),
        sql`${occupancies.fromDate} <= ${today}`,
        or(isNull(occupancies.toDate), sql`${occupancies.toDate} >= ${today}`),
        exceptCustomerId ? ne(occupancies.customerId, exceptCustomerId) : undefined,
      ),
    )
  return rows.length
}

/** Whether anything refers to the customer: occupancies or a portal account. */
export async function customerHasHistory(db: Db, customerId: string) {
  const occ = await db
    .select({ id: occupancies.id })
    .from(occupancies)
    .where(eq(occupancies.customerId, customerId))
    .limit(1)
  if (occ.length > 0) return true
  const accounts = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.customerId, customerId))
    .limit(1)
  return accounts.length > 0
}

export async function deleteCustomer(db: Db, id: string) {
  await db.delete(customers).where(eq(customers.id, id))
}
