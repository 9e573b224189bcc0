import {
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { idColumn } from './ids'

export const unitKinds = ['apartment', 'office'] as const
export const unitStatuses = ['vacant', 'occupied', 'fitting_out'] as const

export const organisations = pgTable('organisations', {
  id: idColumn(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const properties = pgTable(
  'properties',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    timezone: text('timezone').notNull().default('Asia/Shanghai'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('properties_org_code_uq').on(t.orgId, t.code)],
)

export const floors = pgTable(
  'floors',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    propertyId: uuid('property_id')
      .notNull()
      .references(() => properties.id),
    label: text('label').notNull(),
    level: integer('level').notNull(),
    kind: text('kind', { enum: unitKinds }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('floors_property_level_uq').on(t.propertyId, t.level),
    uniqueIndex('floors_property_label_uq').on(t.propertyId, t.label),
  ],
)

export const units = pgTable(
  'units',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    propertyId: uuid('property_id')
      .notNull()
      .references(() => properties.id),
    floorId: uuid('floor_id')
      .notNull()
      .references(() => floors.id),
    number: text('number').notNull(),
    kind: text('kind', { enum: unitKinds }).notNull(),
    areaM2: numeric('area_m2', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    status: text('status', { enum: unitStatuses }).notNull().default('vacant'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_property_number_uq').on(t.propertyId, t.number),
    index('units_floor_idx').on(t.floorId),
  ],
)
