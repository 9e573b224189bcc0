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
  // Instants are given out as toISOString() writes them: anything else (February 31st, which
  // Date.parse rolls over; year 0, which PostgreSQL refuses) was not given out by this server.
  iso: (v) => typeof v === 'string' && canonical(v, v),
  date: (v) =>
    typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && canonical(`${v}T00:00:00.000Z`, v),
}

/** Whether `instant` is a real instant from year 1 on whose ISO form starts with `written`. */
function canonical(instant: string, written: string): boolean {
  const at = new Date(instant)
  if (Number.isNaN(at.getTime()) || at.getUTCFullYear() < 1 || at.getUTCFullYear() > 9999)
    return false
  return at.toISOString().startsWith(written)
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
