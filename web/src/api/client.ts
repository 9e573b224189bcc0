// The one way the web app talks to the server: openapi-fetch typed by the
// generated schema, same-origin cookies, the CSRF header on unsafe methods, and
// problem+json errors turned into ApiError values.
import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from './schema'

const CSRF_COOKIE = 'atrium_csrf'
const CSRF_HEADER = 'x-csrf-token'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export type FieldProblem = { field: string; code: string; reason?: string }

export type Problem = {
  type?: string
  title?: string
  status: number
  code: string
  detail?: string
  field?: string
  reason?: string
  errors?: FieldProblem[]
  requestId?: string
  // Extra members some codes carry, e.g. `lockedUntil` for auth.locked.
  [extra: string]: unknown
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly detail: string | undefined
  readonly field: string | undefined
  readonly reason: string | undefined
  readonly errors: FieldProblem[]
  readonly requestId: string | undefined
  readonly problem: Problem

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.code)
    this.name = 'ApiError'
    this.status = problem.status
    this.code = problem.code
    this.detail = problem.detail
    this.field = problem.field
    this.reason = problem.reason
    this.errors = problem.errors ?? []
    this.requestId = problem.requestId
    this.problem = problem
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

/** A 409 that says the record changed since it was read (optimistic concurrency). */
export function isStaleVersion(error: unknown): boolean {
  return isApiError(error) && error.code === 'conflict.stale_version'
}

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return decodeURIComponent(rest.join('='))
  }
  return undefined
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (SAFE_METHODS.has(request.method.toUpperCase())) return undefined
    const token = readCookie(CSRF_COOKIE)
    if (token) request.headers.set(CSRF_HEADER, token)
    return request
  },
}

export const client = createClient<paths>({ baseUrl: '', credentials: 'same-origin' })
client.use(csrf)

let onUnauthorized: (() => void) | undefined

/** The app shell registers what a 401 means (forget the user, go to /login). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function toApiError(response: Response, body: unknown): ApiError {
  if (isObject(body) && typeof body.code === 'string') {
    return new ApiError({ ...body, status: response.status, code: body.code })
  }
  return new ApiError({
    status: response.status,
    code: response.status >= 500 ? 'internal' : `http_${response.status}`,
    detail: typeof body === 'string' && body ? body : response.statusText,
  })
}

type Result<T> = { data?: T; error?: unknown; response: Response }

export type UnwrapOptions = {
  /** false for calls where 401 is an answer, not a lost session (login, /me). */
  redirectOn401?: boolean
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError
 * (status 0, code `network` when the server cannot be reached).
 */
export async function unwrap<T>(call: Promise<Result<T>>, options: UnwrapOptions = {}): Promise<T> {
  let result: Result<T>
  try {
    result = await call
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError({ status: 0, code: 'network', detail: String(cause) })
  }
  const { data, error, response } = result
  if (!response.ok) {
    if (response.status === 401 && options.redirectOn401 !== false) onUnauthorized?.()
    throw toApiError(response, error)
  }
  return data as T
}

/** Drops empty filters so that the query string carries only what the user chose. */
export function compact<T extends Record<string, unknown>>(query: T): T {
  return Object.fromEntries(
    Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as T
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,100}$/

/**
 * A fresh Idempotency-Key. crypto.randomUUID exists only in secure contexts (https,
 * localhost); a console opened over plain http on the office LAN uses getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * The header a money POST carries: the server records it once per key and answers a
 * repeat with the first response. Pass as `params: { header: idempotent(key) }`.
 */
export function idempotent(key: string): { 'idempotency-key': string } {
  if (!IDEMPOTENCY_KEY.test(key)) throw new Error(`invalid Idempotency-Key: ${key}`)
  return { 'idempotency-key': key }
}
