import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import cookie from '@fastify/cookie'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import fastifyStatic from '@fastify/static'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Config } from './config'
import type { Clock } from './platform/clock'
import type { Database } from './platform/db'
import type { Jobs } from './platform/jobs'
import { registerErrorHandler, sendProblem } from './platform/errors'
import { authPlugin } from './platform/auth'
import { Problem } from './platform/http/schemas'
import { registerValidation, validatorCompiler } from './platform/http/validation'
import { lazySerializerFactory } from './platform/http/lazy-compile'
import { healthRoutes } from './platform/http/health.routes'
import { identityRoutes } from './modules/identity'
import { orgRoutes } from './modules/org'
import { customerRoutes } from './modules/customers'
import { auditRoutes } from './modules/audit'
import { billingRoutes } from './modules/billing'
import { caseRoutes } from './modules/cases'
import { fitOutRoutes } from './modules/fit-out'
import { dashboardRoutes } from './modules/dashboard'
import { testClockRoutes } from './test-clock.routes'
import { settingsRoutes } from './modules/settings'
import { liveEventRoutes, notificationRoutes } from './modules/notifications'
import { startEventBus } from './platform/events'
import { startOutboxDispatcher } from './platform/outbox'
import { serverRoot } from './platform/server-root'
import { serializeError } from './bundle-stack-traces'

export type AppOptions = {
  config: Config
  database: Database
  clock: Clock
  /** The built web console to serve; default web/dist when it exists. */
  webRoot?: string | false
  logger?: boolean | object
  /** Background jobs (started by main.ts); use-cases schedule through `app.jobs`. */
  jobs?: Jobs
  /** The journeys' movable clock (ATRIUM_TEST_CLOCK=on): POST /api/test/clock sets it. */
  testClock?: Clock & { setNow(d: Date | null): void }
  /** Outbox delivery and the event bus (LISTEN/NOTIFY) behind GET /api/v1/events; default true. */
  liveEvents?: boolean
}

declare module 'fastify' {
  interface FastifyInstance {
    /** null where the app runs without background jobs (tests, tools). */
    jobs: Jobs | null
  }
}

export type App = FastifyInstance

const defaultWebRoot = join(serverRoot, '..', 'web', 'dist')

export async function buildApp(options: AppOptions): Promise<App> {
  const { config, database, clock } = options
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel, serializers: { err: serializeError } },
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID()
    },
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    // Our Ajv validators (validation.ts) and Fastify's response serializers, each compiled on its
    // route's first request rather than while the app boots.
    schemaController: {
      compilersFactory: {
        buildValidator: () => validatorCompiler(),
        buildSerializer: lazySerializerFactory(),
      },
    },
    // URLs Fastify cannot route (bad percent-encoding, an overlong parameter) still get problem+json.
    frameworkErrors: (error, request, reply) =>
      sendProblem(reply, {
        status: 400,
        code: 'request.invalid',
        detail: error.message,
        field: 'url',
        reason: 'is not a valid address',
        requestId: request.id,
      }),
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })

  app.decorate('jobs', options.jobs ?? null)
  // Committed outbox rows go out on the bus, which feeds the SSE streams of every instance.
  const bus = options.liveEvents === false ? null : await startEventBus(database, app.log)
  const outbox = bus ? startOutboxDispatcher(database, clock, bus, app.log) : null
  app.decorate('eventBus', bus)
  app.decorate('outbox', {
    drain: async () => {
      await outbox?.drain()
    },
  })
  app.addHook('onClose', async () => {
    await outbox?.stop()
    await bus?.close()
  })
  registerErrorHandler(app)
  registerValidation(app)
  await app.register(cookie)
  await app.register(rateLimit, { global: false })
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Atrium API',
        version: '1',
        description:
          'The customer-service system of a property-management company. Errors are application/problem+json (RFC 9457) with a stable `code`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'atrium_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
  })
  app.addSchema(Problem)
  await app.register(swaggerUi, { routePrefix: '/api/docs' })
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  const deps = { db: database.db, clock, config }
  await app.register(authPlugin, { deps })
  await app.register(healthRoutes, { database })
  if (options.testClock) await app.register(testClockRoutes, { deps, clock: options.testClock })
  await app.register(
    async (api) => {
      await api.register(identityRoutes, { deps })
      await api.register(orgRoutes, { deps })
      await api.register(customerRoutes, { deps })
      await api.register(auditRoutes, { deps })
      await api.register(billingRoutes, { deps })
      await api.register(caseRoutes, { deps })
      await api.register(fitOutRoutes, { deps })
      await api.register(dashboardRoutes, { deps })
      await api.register(settingsRoutes, { deps })
      await api.register(notificationRoutes, { deps })
      await api.register(liveEventRoutes, { deps, bus })
    },
    { prefix: '/api/v1' },
  )

  const webRoot = options.webRoot === undefined ? defaultWebRoot : options.webRoot
  const serveWeb = Boolean(webRoot && existsSync(webRoot))
  if (serveWeb && webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      // One route for all the files, each looked up when asked for: listing web/dist (300 files
      // with their .br/.gz copies) into a route apiece took a tenth of a second of every start.
      // `/` is the console's index.html, as any other path the SPA owns (the handler below).
      wildcard: true,
      index: 'index.html',
      // The build writes .br and .gz beside each file (web/vite.config.ts): sent to browsers that
      // take them, with Vary: Accept-Encoding.
      preCompressed: true,
      // /assets/ names carry a hash of their content: cached for good. index.html (and the SPA
      // fallback below) is revalidated each time, so a new release is picked up at once.
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        )
      },
    })
  }
  // The console is a single-page app: any other GET outside /api serves index.html — except a
  // missing file under /assets/ (an old chunk asked for after a release), which is a 404: HTML
  // in a script's place would fail with a confusing MIME-type error instead.
  app.setNotFoundHandler((request, reply) => {
    const { url } = request
    if (serveWeb && request.method === 'GET' && !/^\/(api|assets)\//.test(url)) {
      return reply.type('text/html').sendFile('index.html')
    }
    return sendProblem(reply, {
      status: 404,
      code: 'not_found',
      detail: `No route ${request.method} ${request.url.split('?')[0]}.`,
      requestId: request.id,
    })
  })
  return app
}
