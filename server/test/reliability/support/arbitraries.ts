// fast-check arbitraries drawn from the OpenAPI document's JSON schemas: values of the right shape
// (ids from a pool of real records, so requests reach the use-cases, not just the validator) and
// malformed ones (wrong types, huge strings, unicode, nulls, extra fields, bad uuids).
import { fc } from '@fast-check/vitest'

export type JsonSchema = {
  type?: string | string[]
  format?: string
  enum?: unknown[]
  const?: unknown
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  minItems?: number
  maxItems?: number
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
}

const isoDay = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2032-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))
const isoTime = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2032-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString())

/** Strings nobody should have to handle, yet every server receives. */
export const nastyString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'null',
    'undefined',
    'NaN',
    '-1',
    '0',
    '1e309',
    '9'.repeat(40),
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '123e4567-e89b-12d3-a456-42661417400', // one digit short
    '123e4567-e89b-12d3-a456-4266141740000',
    "'; drop table cases; --",
    '../../etc/passwd',
    '%00',
    '\u0000',
    '\uD800',
    '\u202Eevil',
    '𠜎𠜱𠝹𠱓',
    '示例大厦',
    '<script>alert(1)</script>',
    '2026-02-30',
    '2026-13-01',
    '2026-11-29T25:61:00Z',
    '9999-12-31T23:59:59Z',
    '0000-01-01',
    'true',
    '{}',
    '[]',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.nat({ max: 3 }).map((n) => ['x', '字', '\u0000', '😀'][n]!.repeat(20_000)),
)

/** Any JSON value, including the wrong type for every field. */
export const wrongValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(2 ** 53 + 1, -(2 ** 63), 1e308, -0),
  nastyString,
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(nastyString, { maxLength: 3 }),
)

export type IdPool = { all: string[] }

function stringArb(s: JsonSchema, ids: IdPool): fc.Arbitrary<string> {
  if (s.format === 'uuid')
    return ids.all.length > 0
      ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids.all) }, fc.uuid())
      : fc.uuid()
  if (s.format === 'date') return isoDay
  if (s.format === 'date-time') return isoTime
  if (s.format === 'email') return fc.emailAddress().filter((e) => e.length <= (s.maxLength ?? 200))
  if (s.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(s.pattern))
        .filter(
          (v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Number.MAX_VALUE),
        )
    } catch {
      // a pattern fast-check cannot generate from: plain strings then
    }
  }
  const maxLength = Math.min(s.maxLength ?? 60, 60)
  const minLength = Math.min(s.minLength ?? 0, maxLength)
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.string({ unit: 'grapheme', minLength, maxLength }),
    fc.constantFrom('示例大厦', '电梯异响', '张三', '13800138000').filter((v) => {
      return v.length >= minLength && v.length <= maxLength
    }),
  )
}

/** A value of the schema's shape (fields optional at random). */
export function validArb(s: JsonSchema, ids: IdPool, depth = 0): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const)
  if (s.enum) return fc.constantFrom(...s.enum)
  const alternatives = s.anyOf ?? s.oneOf
  if (alternatives && alternatives.length > 0)
    return fc.oneof(...alternatives.map((a) => validArb(a, ids, depth + 1)))
  if (s.allOf && s.allOf.length > 0) return validArb(Object.assign({}, ...s.allOf), ids, depth)
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : []
  if (types.length > 1)
    return fc.oneof(...types.map((type) => validArb({ ...s, type }, ids, depth + 1)))
  switch (types[0]) {
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
    case 'integer': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1e6)
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1e9)
      return fc.oneof(
        fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) }),
        fc.constantFrom(min, max),
      )
    }
    case 'number':
      return fc.double({
        min: s.minimum ?? -1e9,
        max: s.maximum ?? 1e9,
        noNaN: true,
        noDefaultInfinity: true,
      })
    case 'string':
      return stringArb(s, ids)
    case 'array': {
      if (depth > 4) return fc.constant([])
      const items = s.items ? validArb(s.items, ids, depth + 1) : wrongValue
      return fc.array(items, {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 4, 4),
      })
    }
    case 'object':
    default: {
      if (!s.properties) return depth > 4 ? fc.constant({}) : fc.dictionary(fc.string(), wrongValue)
      const required = new Set(s.required ?? [])
      const fields = Object.fromEntries(
        Object.entries(s.properties).map(([k, v]) => [k, validArb(v, ids, depth + 1)]),
      )
      return fc.record(fields, {
        requiredKeys: Object.keys(fields).filter((k) => required.has(k)),
      })
    }
  }
}

type Json = Record<string, unknown>

/** A valid-shaped value broken in one way or several. */
export function malformedArb(s: JsonSchema, ids: IdPool): fc.Arbitrary<unknown> {
  const valid = validArb(s, ids)
  const keys = Object.keys(s.properties ?? {})
  const asObject = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {})
  return fc.oneof(
    wrongValue,
    fc.constantFrom(null, [], {}, '', 0, true),
    // extra fields, including prototype-polluting names
    fc
      .tuple(
        valid,
        fc.constantFrom('__proto__', 'constructor', 'extra', 'orgId', 'id', 'version', '字段'),
        wrongValue,
      )
      .map(([v, k, x]) => ({ ...asObject(v), [k]: x })),
    ...(keys.length > 0
      ? [
          // one field of the wrong type
          fc
            .tuple(valid, fc.constantFrom(...keys), wrongValue)
            .map(([v, k, x]) => ({ ...asObject(v), [k]: x })),
          // a required field missing
          fc.tuple(valid, fc.constantFrom(...keys)).map(([v, k]) => {
            const copy = { ...asObject(v) }
            delete copy[k]
            return copy
          }),
          // every field null
          valid.map((v) => Object.fromEntries(Object.keys(asObject(v)).map((k) => [k, null]))),
        ]
      : []),
  )
}
