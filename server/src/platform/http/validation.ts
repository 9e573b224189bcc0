import { Ajv } from 'ajv'
import addFormatsModule from 'ajv-formats'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../errors'
import { lazily } from './lazy-compile'

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule })
  .default ?? addFormatsModule) as typeof addFormatsModule

function makeAjv(coerce: boolean) {
  const ajv = new Ajv({
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    allErrors: false,
    strict: false,
  })
  addFormats(ajv)
  return ajv
}

// Text PostgreSQL cannot store (U+0000) or that is not UTF-16 at all (a lone surrogate).
// eslint-disable-next-line no-control-regex -- finding U+0000 is the point of this pattern
const unsafeText = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** The path of the first string in a value that cannot be stored as text, if any. */
export function findUnsafeText(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return unsafeText.test(value) ? path || 'body' : undefined
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], path ? `${path}.${i}` : String(i))
      if (found) return found
    }
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (unsafeText.test(key)) return path || 'body'
      const found = findUnsafeText(v, path ? `${path}.${key}` : key)
      if (found) return found
    }
  }
  return undefined
}

async function refuseUnsafeText(request: FastifyRequest) {
  const field =
    findUnsafeText(request.params) ?? findUnsafeText(request.query) ?? findUnsafeText(request.body)
  if (field) {
    throw new AppError('request.invalid', `${field} contains characters that cannot be stored.`, {
      field,
      errors: [{ field, code: 'text', reason: 'contains a NUL character or broken Unicode' }],
    })
  }
}

/**
 * The validator compiler: query strings, params and headers arrive as text and are coerced to their
 * schema's types; bodies are JSON and are taken as sent: "1" is not a number and null is not "".
 * Given to Fastify as its validator factory (app.ts), so Fastify never loads an Ajv of its own.
 */
export function validatorCompiler() {
  const coercing = makeAjv(true)
  const strict = makeAjv(false)
  // Compiled on a route's first request (lazy-compile.ts), not while the app boots.
  return ({ schema, httpPart }: { schema?: unknown; httpPart?: string }) =>
    lazily(
      () => (httpPart === 'body' ? strict : coercing).compile(schema as object),
      ['errors', 'schemaEnv'],
    )
}

export function registerValidation(app: FastifyInstance) {
  app.addHook('preValidation', refuseUnsafeText)
}
