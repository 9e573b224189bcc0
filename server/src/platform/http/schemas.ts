import { Type, type TSchema } from 'typebox'

// Shared pieces of request and response schemas.
export const Id = Type.String({ format: 'uuid' })
export const IdParams = Type.Object({ id: Id })
export const Version = Type.Integer({ minimum: 1 })
export const DateString = Type.String({ format: 'date' })
export const DateTime = Type.String({ format: 'date-time' })
export const Limit = Type.Integer({ minimum: 1, maximum: 200, default: 50 })
export const Cursor = Type.String({ maxLength: 500 })
export const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max })
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) })
export const Items = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) })

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.Optional(Type.String()),
    field: Type.Optional(Type.String()),
    reason: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), code: Type.String(), reason: Type.String() })),
    ),
    requestId: Type.String(),
  },
  { $id: 'Problem', additionalProperties: true },
)
