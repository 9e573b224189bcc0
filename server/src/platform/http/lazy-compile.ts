import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import type { FastifyServerOptions } from 'fastify'

// Fastify compiles every route's validators (Ajv) and response serializers (fast-json-stringify)
// while the app boots: ~300 schemas, a third of a second or more of a 2-core machine's start. These
// helpers defer each compilation to the first request that needs it, so `npm start` is ready
// sooner; a route's first call pays a few milliseconds once.

type AnyFunction = (...args: never[]) => unknown

/**
 * A function that compiles `compile()` on its first call and forwards to it. `properties` are read
 * through to the compiled function (Fastify reads an Ajv validator's `errors` and `schemaEnv`;
 * reading one compiles it).
 */
export function lazily<F extends AnyFunction>(compile: () => F, properties: string[] = []): F {
  let compiled: F | undefined
  const get = () => (compiled ??= compile())
  const forward = (...args: Parameters<F>) => get()(...args)
  for (const name of properties) {
    Object.defineProperty(forward, name, {
      get: () => (get() as unknown as Record<string, unknown>)[name],
    })
  }
  return forward as unknown as F
}

type SerializerFactory = NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>['buildSerializer']

/** Fastify's own serializer factory (fast-json-stringify), each route's serializer built lazily. */
export function lazySerializerFactory(): SerializerFactory {
  // Fastify's own compiler (the same version Fastify depends on): only its timing changes.
  const build = SerializerSelector()
  return (externalSchemas, options) => {
    const compiler = build(externalSchemas, options)
    return (routeSchema) => lazily(() => compiler(routeSchema))
  }
}
