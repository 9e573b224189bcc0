// Small conversions the fit-out's forms share: typed text to the input, dates to YYYY-MM-DD.
import type { Dayjs } from 'dayjs'

/** Trimmed text, or nothing when blank (the server's optional fields are left out, not empty). */
export const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined

export const dayText = (value: unknown): string | undefined =>
  value && typeof (value as Dayjs).format === 'function'
    ? (value as Dayjs).format('YYYY-MM-DD')
    : undefined

/** The keys of an object whose value is not undefined (an input without its blank fields). */
export const defined = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined))

/** Non-blank lines of a list field, trimmed. */
export const linesOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map((l) => (typeof l === 'string' ? l.trim() : '')).filter(Boolean)
    : []
