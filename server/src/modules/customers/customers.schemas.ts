import { Type, type Static } from 'typebox'
import {
  Cursor,
  DateString,
  DateTime,
  Id,
  Nullable,
  Text,
  Version,
} from '../../platform/http/schemas'
import { customerKinds, occupancyRoles } from '../../db/schema'

export const CustomerKind = Type.Enum(customerKinds)
export const OccupancyRole = Type.Enum(occupancyRoles)
const Phone = Type.String({ minLength: 3, maxLength: 20, pattern: '^\\+?[0-9][0-9 -]{2,19}$' })
const IdNumber = Type.String({ minLength: 4, maxLength: 32, pattern: '^[0-9A-Za-z-]+$' })
const Email = Type.String({ maxLength: 120, format: 'email' })

export const Contact = Type.Object({
  id: Id,
  name: Type.String(),
  phone: Nullable(Type.String()),
  title: Type.String(),
  isPrimary: Type.Boolean(),
})
export const ContactInput = Type.Object(
  {
    /** An existing contact: a phone left out keeps the stored one (the client only has it masked). */
    id: Type.Optional(Id),
    name: Text(64, 1),
    phone: Type.Optional(Nullable(Phone)),
    title: Type.Optional(Text(64)),
    isPrimary: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
export type ContactInput = Static<typeof ContactInput>

export const Occupancy = Type.Object({
  id: Id,
  unitId: Id,
  unitNumber: Type.String(),
  floorLabel: Type.String(),
  role: OccupancyRole,
  fromDate: DateString,
  toDate: Nullable(DateString),
  version: Type.Integer(),
})
export type Occupancy = Static<typeof Occupancy>

export const Customer = Type.Object({
  id: Id,
  propertyId: Id,
  kind: CustomerKind,
  name: Type.String(),
  phone: Nullable(Type.String()),
  idNumber: Nullable(Type.String()),
  email: Nullable(Type.String()),
  notes: Type.String(),
  masked: Type.Boolean(),
  contacts: Type.Array(Contact),
  occupancies: Type.Array(Occupancy),
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
})
export type Customer = Static<typeof Customer>

export const CustomerSummary = Type.Object({
  id: Id,
  propertyId: Id,
  kind: CustomerKind,
  name: Type.String(),
  phone: Nullable(Type.String()),
  units: Type.Array(Type.String()),
  roles: Type.Array(OccupancyRole),
})
export type CustomerSummary = Static<typeof CustomerSummary>

export const CustomerListQuery = Type.Object(
  {
    propertyId: Type.Optional(Id),
    q: Type.Optional(Text(64)),
    kind: Type.Optional(CustomerKind),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
)
export type CustomerListQuery = Static<typeof CustomerListQuery>

export const CreateCustomerBody = Type.Object(
  {
    propertyId: Id,
    kind: CustomerKind,
    name: Text(100, 1),
    phone: Type.Optional(Nullable(Phone)),
    idNumber: Type.Optional(Nullable(IdNumber)),
    email: Type.Optional(Nullable(Email)),
    notes: Type.Optional(Text(2000)),
    contacts: Type.Optional(Type.Array(ContactInput, { maxItems: 20 })),
  },
  { additionalProperties: false },
)
export type CreateCustomerBody = Static<typeof CreateCustomerBody>

export const UpdateCustomerBody = Type.Object(
  {
    kind: Type.Optional(CustomerKind),
    name: Type.Optional(Text(100, 1)),
    phone: Type.Optional(Nullable(Phone)),
    idNumber: Type.Optional(Nullable(IdNumber)),
    email: Type.Optional(Nullable(Email)),
    notes: Type.Optional(Text(2000)),
    contacts: Type.Optional(Type.Array(ContactInput, { maxItems: 20 })),
    version: Version,
  },
  { additionalProperties: false },
)
export type UpdateCustomerBody = Static<typeof UpdateCustomerBody>

export const Revealed = Type.Object({
  phone: Nullable(Type.String()),
  idNumber: Nullable(Type.String()),
  contacts: Type.Array(Type.Object({ id: Id, phone: Nullable(Type.String()) })),
})
export type Revealed = Static<typeof Revealed>

export const CreateOccupancyBody = Type.Object(
  {
    unitId: Id,
    role: OccupancyRole,
    fromDate: DateString,
    toDate: Type.Optional(Nullable(DateString)),
  },
  { additionalProperties: false },
)
export type CreateOccupancyBody = Static<typeof CreateOccupancyBody>
export const EndOccupancyBody = Type.Object(
  { toDate: DateString, version: Version },
  { additionalProperties: false },
)
export type EndOccupancyBody = Static<typeof EndOccupancyBody>
