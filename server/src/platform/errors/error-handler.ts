import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, type FieldError } from './app-error'
import { errorStatus } from './codes'

type Problem = {
  type: string
  title: string
  status: number
  code: string
  detail?: string
  field?: string
  reason?: string
  errors?: FieldError[]
  requestId: string
  /** Code-specific members, e.g. lockedUntil for auth.locked. */
  extra?: Record<string, unknown>
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

export function sendProblem(reply: FastifyReply, problem: Omit<Problem, 'type' | 'title'>) {
  const { extra, ...rest } = problem
  return reply
    .status(problem.status)
    .type('application/problem+json')
    .serializer(JSON.stringify)
    .send({
      type: `https://atrium.example/problems/${problem.code}`,
      title: titles[problem.status] ?? 'Error',
      ...extra,
      ...rest,
    })
}

type AjvError = {
  instancePath?: string
  keyword?: string
  message?: string
  params?: Record<string, unknown>
}

// Ajv paths look like "/contacts/0/phone"; missing properties name themselves in params.
function fieldErrors(validation: AjvError[], context: string | undefined): FieldError[] {
  return validation.map((v) => {
    let path = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.')
    const missing = v.params?.['missingProperty']
    if (v.keyword === 'required' && typeof missing === 'string') {
      path = path ? `${path}.${missing}` : missing
    }
    const extra = v.params?.['additionalProperty']
    if (v.keyword === 'additionalProperties' && typeof extra === 'string') {
      path = path ? `${path}.${extra}` : extra
    }
    const field = path || context || 'body'
    return { field, code: v.keyword ?? 'invalid', reason: v.message ?? 'is invalid' }
  })
}

// Postgres unique violations become 409 with the constraint's column as the field.
function fromDatabaseError(error: unknown): AppError | undefined {
  const e = error as { code?: string; constraint?: string; cause?: unknown }
  const pgError = e.code ? e : (e.cause as { code?: string; constraint?: string } | undefined)
  if (!pgError?.code) return undefined
  if (pgError.code === '23505') {
    const constraint = pgError.constraint ?? ''
    const field = constraint.replace(/_uq$/, '').split('_').slice(1).pop() ?? 'id'
    return new AppError('conflict.duplicate', 'A record with this value already exists.', {
      field,
      errors: [{ field, code: 'duplicate', reason: 'already exists' }],
    })
  }
  // Bad text, numbers or dates that got past validation: the caller's input, not our failure.
  if (['22P02', '22P05', '22021', '22003', '22007', '22008'].includes(pgError.code)) {
    return new AppError('request.invalid', 'A value has the wrong format.')
  }
  if (pgError.code === '23503') {
    return new AppError('rule.violation', 'The record is referenced by or refers to another one.')
  }
  return undefined
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError, request: FastifyRequest, reply) => {
    const requestId = request.id
    if (error instanceof AppError) {
      return sendProblem(reply, {
        status: error.status,
        code: error.code,
        detail: error.message,
        ...(error.field
          ? { field: error.field, reason: error.errors?.[0]?.reason ?? error.message }
          : {}),
        ...(error.errors ? { errors: error.errors } : {}),
        ...(error.extra ? { extra: error.extra } : {}),
        requestId,
      })
    }
    const fe = error as FastifyError
    if (fe.validation) {
      const errors = fieldErrors(fe.validation as AjvError[], fe.validationContext)
      const first = errors[0]
      return sendProblem(reply, {
        status: 400,
        code: 'request.invalid',
        detail: `${first?.field ?? 'input'} ${first?.reason ?? 'is invalid'}`,
        ...(first ? { field: first.field, reason: first.reason } : {}),
        errors,
        requestId,
      })
    }
    if (
      fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      (fe instanceof SyntaxError && fe.statusCode === 400)
    ) {
      return sendProblem(reply, {
        status: 400,
        code: 'request.malformed_json',
        detail: 'The body is not valid JSON.',
        requestId,
      })
    }
    if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return sendProblem(reply, {
        status: 400,
        code: 'request.malformed_json',
        detail: 'The JSON body is empty.',
        requestId,
      })
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendProblem(reply, {
        status: 413,
        code: 'request.too_large',
        detail: 'The body is too large.',
        requestId,
      })
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendProblem(reply, {
        status: 415,
        code: 'request.unsupported_media_type',
        detail: 'Send application/json.',
        requestId,
      })
    }
    if (fe.statusCode === 429) {
      return sendProblem(reply, {
        status: 429,
        code: 'rate_limited',
        detail: 'Too many requests; wait a minute.',
        requestId,
      })
    }
    const dbError = fromDatabaseError(error)
    if (dbError) {
      return sendProblem(reply, {
        status: dbError.status,
        code: dbError.code,
        detail: dbError.message,
        ...(dbError.field ? { field: dbError.field } : {}),
        ...(dbError.errors ? { errors: dbError.errors } : {}),
        requestId,
      })
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return sendProblem(reply, {
        status: fe.statusCode === 404 ? 404 : 400,
        code: fe.statusCode === 404 ? 'not_found' : 'request.invalid',
        detail: fe.message,
        requestId,
      })
    }
    // 5xx: log everything, send nothing of the internals.
    request.log.error({ err: error }, 'unhandled error')
    return sendProblem(reply, {
      status: 500,
      code: 'internal',
      detail: 'Something went wrong on our side. The request id identifies it in the logs.',
      requestId,
    })
  })
}

export { errorStatus }
