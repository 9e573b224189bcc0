import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { idColumn } from './ids'
import { organisations, properties, units } from './org'
import { bigramsOf } from '../../platform/db/search'

export const customerKinds = ['company', 'person'] as const
export const occupancyRoles = ['owner', 'tenant'] as const

export const customers = pgTable(
  'customers',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    propertyId: uuid('property_id')
      .notNull()
      .references(() => properties.id),
    kind: text('kind', { enum: customerKinds }).notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    idNumber: text('id_number'),
    email: text('email'),
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('customers_property_name_idx').on(t.propertyId, t.name, t.id),
    index('customers_phone_idx').on(t.phone),
    // Search by name (decision 0006); listCustomers and listCases repeat this expression exactly.
    index('customers_search_idx').using('gin', bigramsOf(t.name)),
  ],
)

export const customerContacts = pgTable(
  'customer_contacts',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    phone: text('phone'),
    title: text('title').notNull().default(''),
    isPrimary: boolean('is_primary').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('customer_contacts_customer_idx').on(t.customerId),
    // Search by a contact's name (decision 0006); listCustomers repeats this expression exactly.
    index('customer_contacts_search_idx').using('gin', bigramsOf(t.name)),
  ],
)

export const occupancies = pgTable(
  'occupancies',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    propertyId: uuid('property_id')
      .notNull()
      .references(() => properties.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    role: text('role', { enum: occupancyRoles }).notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('occupancies_unit_idx').on(t.unitId),
    index('occupancies_customer_idx').on(t.customerId),
  ],
)
