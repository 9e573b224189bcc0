import { AppError } from '../errors'

// Opaque cursors for keyset pagination: the sort key and id of the last row, base64url JSON.
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url')
}

export function decodeCursor(cursor: string | undefined, shape: readonly ('string' | 'number')[]) {
  if (cursor === undefined) return undefined
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (
      Array.isArray(parsed) &&
      parsed.length === shape.length &&
      parsed.every((v, i) => typeof v === shape[i])
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
