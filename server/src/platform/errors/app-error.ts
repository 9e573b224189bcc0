import { errorStatus, type ErrorCode } from './codes'

export type FieldError = { field: string; code: string; reason: string }

/** An error as a value with a stable code; rendered as problem+json by the one error handler. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly field: string | undefined
  readonly errors: FieldError[] | undefined
  readonly extra: Record<string, unknown> | undefined

  constructor(
    code: ErrorCode,
    detail?: string,
    options: { field?: string; errors?: FieldError[]; extra?: Record<string, unknown> } = {},
  ) {
    super(detail ?? code)
    this.code = code
    this.status = errorStatus[code]
    this.field = options.field
    this.errors = options.errors
    this.extra = options.extra
  }
}

export const notFound = (what = 'record') => new AppError('not_found', `No such ${what}.`)
export const forbidden = (permission?: string) =>
  new AppError(
    'forbidden',
    permission ? `This needs the permission ${permission}.` : 'Not allowed.',
    permission ? { extra: { permission } } : {},
  )
export const staleVersion = () =>
  new AppError(
    'conflict.stale_version',
    'Someone else changed this record; reload it and try again.',
    { field: 'version' },
  )
export const invalidField = (field: string, reason: string, code = 'invalid') =>
  new AppError('request.invalid', reason, { field, errors: [{ field, code, reason }] })
