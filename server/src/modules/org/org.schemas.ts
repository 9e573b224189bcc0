import { Type, type Static } from 'typebox'
import { Cursor, Id, Limit, Text, Version } from '../../platform/http/schemas'
import { unitKinds, unitStatuses } from '../../db/schema'

export const UnitKind = Type.Enum(unitKinds)
export const UnitStatus = Type.Enum(unitStatuses)

export const Property = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  address: Type.String(),
  timezone: Type.String(),
  floorCount: Type.Integer(),
  unitCount: Type.Integer(),
  version: Type.Integer(),
})
export type Property = Static<typeof Property>

const Timezone = Type.String({
  minLength: 3,
  maxLength: 64,
  pattern: '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$',
})
export const CreatePropertyBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 16, pattern: '^[A-Za-z0-9-]+$' }),
    name: Text(64, 1),
    address: Type.Optional(Text(200)),
    timezone: Type.Optional(Timezone),
  },
  { additionalProperties: false },
)
export type CreatePropertyBody = Static<typeof CreatePropertyBody>
export const UpdatePropertyBody = Type.Object(
  {
    name: Type.Optional(Text(64, 1)),
    address: Type.Optional(Text(200)),
    timezone: Type.Optional(Timezone),
    version: Version,
  },
  { additionalProperties: false },
)
export type UpdatePropertyBody = Static<typeof UpdatePropertyBody>

export const Floor = Type.Object({
  id: Id,
  propertyId: Id,
  label: Type.String(),
  level: Type.Integer(),
  kind: UnitKind,
  unitCount: Type.Integer(),
  version: Type.Integer(),
})
export type Floor = Static<typeof Floor>
export const PropertyIdParams = Type.Object({ propertyId: Id })
const Level = Type.Integer({ minimum: -10, maximum: 200 })
export const CreateFloorBody = Type.Object(
  { label: Text(16, 1), level: Level, kind: UnitKind },
  { additionalProperties: false },
)
export type CreateFloorBody = Static<typeof CreateFloorBody>
export const UpdateFloorBody = Type.Object(
  {
    label: Type.Optional(Text(16, 1)),
    level: Type.Optional(Level),
    kind: Type.Optional(UnitKind),
    version: Version,
  },
  { additionalProperties: false },
)
export type UpdateFloorBody = Static<typeof UpdateFloorBody>

export const Occupant = Type.Object({
  occupancyId: Id,
  customerId: Id,
  customerName: Type.String(),
  role: Type.Enum(['owner', 'tenant']),
})
export const Unit = Type.Object({
  id: Id,
  propertyId: Id,
  floorId: Id,
  floorLabel: Type.String(),
  level: Type.Integer(),
  number: Type.String(),
  kind: UnitKind,
  areaM2: Type.Number(),
  status: UnitStatus,
  version: Type.Integer(),
  occupants: Type.Array(Occupant),
})
export type Unit = Static<typeof Unit>

export const UnitListQuery = Type.Object(
  {
    propertyId: Type.Optional(Id),
    floorId: Type.Optional(Id),
    status: Type.Optional(UnitStatus),
    kind: Type.Optional(UnitKind),
    q: Type.Optional(Text(32)),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
)
export type UnitListQuery = Static<typeof UnitListQuery>
const Area = Type.Number({ minimum: 0.01, maximum: 100000 })
const UnitNumber = Type.String({ minLength: 1, maxLength: 16, pattern: '^[A-Za-z0-9-]+$' })
export const CreateUnitBody = Type.Object(
  {
    floorId: Id,
    number: UnitNumber,
    kind: UnitKind,
    areaM2: Area,
    status: Type.Optional(UnitStatus),
  },
  { additionalProperties: false },
)
export type CreateUnitBody = Static<typeof CreateUnitBody>
export const UpdateUnitBody = Type.Object(
  {
    number: Type.Optional(UnitNumber),
    kind: Type.Optional(UnitKind),
    areaM2: Type.Optional(Area),
    status: Type.Optional(UnitStatus),
    version: Version,
  },
  { additionalProperties: false },
)
export type UpdateUnitBody = Static<typeof UpdateUnitBody>
export { Limit }
