import { Type, type Static } from 'typebox'
import { DateTime, Id, Nullable, Text, Version } from '../../platform/http/schemas'
import { departmentCodes } from '../../db/schema'

export const Department = Type.Enum(departmentCodes)
export const UserKind = Type.Union([Type.Literal('staff'), Type.Literal('customer')])
const Username = Type.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' })
const Phone = Type.String({ minLength: 5, maxLength: 20, pattern: '^\\+?[0-9][0-9 -]{3,19}$' })
const Password = Type.String({ minLength: 1, maxLength: 128 })

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Password },
  { additionalProperties: false },
)

export const RoleRef = Type.Object({ id: Id, code: Type.String(), name: Type.String() })
export const PropertyRef = Type.Object({ id: Id, code: Type.String(), name: Type.String() })

export const Me = Type.Object({
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  kind: UserKind,
  department: Nullable(Department),
  role: RoleRef,
  permissions: Type.Array(Type.String()),
  allProperties: Type.Boolean(),
  properties: Type.Array(PropertyRef),
  customerId: Nullable(Id),
})
export type Me = Static<typeof Me>

export const ChangePasswordBody = Type.Object(
  { currentPassword: Password, newPassword: Password },
  { additionalProperties: false },
)

export const User = Type.Object({
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  phone: Nullable(Type.String()),
  kind: UserKind,
  department: Nullable(Department),
  role: RoleRef,
  allProperties: Type.Boolean(),
  propertyIds: Type.Array(Id),
  customerId: Nullable(Id),
  disabled: Type.Boolean(),
  lockedUntil: Nullable(DateTime),
  lastLoginAt: Nullable(DateTime),
  version: Type.Integer(),
})
export type User = Static<typeof User>

export const UserListQuery = Type.Object(
  {
    q: Type.Optional(Text(64)),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
)

export const CreateUserBody = Type.Object(
  {
    username: Username,
    displayName: Text(64, 1),
    phone: Type.Optional(Nullable(Phone)),
    kind: UserKind,
    department: Type.Optional(Nullable(Department)),
    roleId: Id,
    propertyIds: Type.Optional(Type.Array(Id, { maxItems: 200 })),
    allProperties: Type.Optional(Type.Boolean()),
    customerId: Type.Optional(Nullable(Id)),
    password: Password,
  },
  { additionalProperties: false },
)
export type CreateUserBody = Static<typeof CreateUserBody>

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Text(64, 1)),
    phone: Type.Optional(Nullable(Phone)),
    department: Type.Optional(Nullable(Department)),
    roleId: Type.Optional(Id),
    propertyIds: Type.Optional(Type.Array(Id, { maxItems: 200 })),
    allProperties: Type.Optional(Type.Boolean()),
    disabled: Type.Optional(Type.Boolean()),
    version: Version,
  },
  { additionalProperties: false },
)
export type UpdateUserBody = Static<typeof UpdateUserBody>

export const SetPasswordBody = Type.Object({ password: Password }, { additionalProperties: false })

export const Role = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  builtin: Type.Boolean(),
  permissions: Type.Array(Type.String()),
  userCount: Type.Integer(),
  version: Type.Integer(),
})
export type Role = Static<typeof Role>

const PermissionList = Type.Array(Type.String({ maxLength: 64 }), {
  maxItems: 200,
  uniqueItems: true,
})
export const CreateRoleBody = Type.Object(
  {
    code: Type.String({ minLength: 2, maxLength: 40, pattern: '^[a-z][a-z0-9_]*$' }),
    name: Text(40, 1),
    permissions: PermissionList,
  },
  { additionalProperties: false },
)
export type CreateRoleBody = Static<typeof CreateRoleBody>
export const UpdateRoleBody = Type.Object(
  {
    name: Type.Optional(Text(40, 1)),
    permissions: Type.Optional(PermissionList),
    version: Version,
  },
  { additionalProperties: false },
)
export type UpdateRoleBody = Static<typeof UpdateRoleBody>

export const PermissionInfo = Type.Object({
  key: Type.String(),
  resource: Type.String(),
  action: Type.String(),
})
export const DepartmentInfo = Type.Object({ code: Department, name: Type.String() })
