import { AppError } from '../errors'

// Opaque cursors for keyset pagination: the sort key and id of the last row, base64url JSON.
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url')
}

type Part = 'string' | 'number' | 'int' | 'uuid' | 'iso' | 'date'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const fits: Record<Part, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string' && v.length <= 200 && !v.includes('\u0000'),
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  // Cursor values go into SQL: an integer must fit PostgreSQL's int and bigint columns.
  int: (v) => Number.isSafeInteger(v),
  uuid: (v) => typeof v === 'string' && UUID.test(v),
  iso: (v) =>
    typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)),
  date: (v) =>
    typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
}

/** The values of a cursor this server gave out, checked against the shape it was given in. */
export function decodeCursor(cursor: string | undefined, shape: readonly Part[]) {
  if (cursor === undefined) return undefined
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (
      Array.isArray(parsed) &&
      parsed.length === shape.length &&
      parsed.every((v, i) => fits[shape[i] ?? 'string'](v))
    ) {
      return parsed as (string | number)[]
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('request.invalid', 'The cursor is not one this server gave out.', {
    field: 'cursor',
    errors: [{ field: 'cursor', code: 'cursor', reason: 'is not a valid cursor' }],
  })
}

export function page<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]) {
  const hasMore = rows.length > limit
  const items = hasMore ? rows.slice(0, limit) : rows
  const last = items[items.length - 1]
  return { items, nextCursor: hasMore && last ? encodeCursor(keyOf(last)) : null }
}
