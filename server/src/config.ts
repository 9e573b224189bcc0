import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join, resolve } from 'node:path'
import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'

// One validated schema for the environment: the server refuses to start on a bad value.
const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '0.0.0.0' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  ATRIUM_DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  SESSION_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  SESSION_TTL_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 30, default: 12 }),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  ATRIUM_DEMO: Type.Union([Type.Literal('auto'), Type.Literal('off')], { default: 'auto' }),
  ATRIUM_JOBS: Type.Union([Type.Literal('on'), Type.Literal('off')], { default: 'on' }),
  LOGIN_RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 20 }),
  /** How long the dashboard keeps a month's rates before refreshing them (0: never kept). */
  DASHBOARD_RATES_TTL_SECONDS: Type.Integer({ minimum: 0, maximum: 3600, default: 30 }),
  /** `on` (journeys only): an admin may move the server's clock (POST /api/test/clock). */
  ATRIUM_TEST_CLOCK: Type.Union([Type.Literal('on'), Type.Literal('off')], { default: 'off' }),
})
type Env = Static<typeof EnvSchema>

export type Config = {
  port: number
  host: string
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string }
  dataDir: string
  sessionSecret: string
  sessionTtlHours: number
  publicUrl: string | undefined
  secureCookies: boolean
  smtpUrl: string | undefined
  logLevel: string
  demo: 'auto' | 'off'
  /** `off`: this server runs no background jobs (an `atrium worker` process runs them). */
  jobs: 'on' | 'off'
  loginRateLimitPerMinute: number
  /** The dashboard's month rates are kept this long (seconds) and refreshed behind the answer. */
  dashboardRatesTtlSeconds: number
  /** The Playwright journeys move the clock to reach a day months ahead (H-FO-15). Never in production. */
  testClock: boolean
}

export class ConfigError extends Error {}

function parseEnv(env: NodeJS.ProcessEnv): Env {
  const known = Object.keys(EnvSchema.properties)
  const raw: Record<string, unknown> = {}
  for (const key of known) {
    const value = env[key]
    if (value !== undefined && value !== '') raw[key] = value
  }
  const withDefaults = Value.Default(EnvSchema, Value.Convert(EnvSchema, raw))
  const errors = [...Value.Errors(EnvSchema, withDefaults)]
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.instancePath.slice(1) || '(env)'}: ${e.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  return withDefaults as Env
}

// Embedded mode keeps its own session secret beside the database, so sessions survive restarts.
function embeddedSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = parseEnv(env)
  // The journeys' movable clock never runs against a shared database or in production.
  if (e.ATRIUM_TEST_CLOCK === 'on' && (e.DATABASE_URL || env['NODE_ENV'] === 'production'))
    throw new ConfigError(
      'ATRIUM_TEST_CLOCK=on is for the embedded test database only (not with DATABASE_URL or NODE_ENV=production).',
    )
  const dataDir = resolve(e.ATRIUM_DATA_DIR)
  let sessionSecret = e.SESSION_SECRET
  if (!sessionSecret) {
    if (e.DATABASE_URL) {
      throw new ConfigError(
        'SESSION_SECRET (at least 32 characters) is required when DATABASE_URL is set: every instance must share it.',
      )
    }
    sessionSecret = embeddedSecret(dataDir)
  }
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: join(dataDir, 'pglite') },
    dataDir,
    sessionSecret,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    publicUrl: e.PUBLIC_URL,
    secureCookies: e.PUBLIC_URL?.startsWith('https://') ?? false,
    smtpUrl: e.SMTP_URL,
    logLevel: e.LOG_LEVEL,
    demo: e.ATRIUM_DEMO,
    jobs: e.ATRIUM_JOBS,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    dashboardRatesTtlSeconds: e.DASHBOARD_RATES_TTL_SECONDS,
    testClock: e.ATRIUM_TEST_CLOCK === 'on',
  }
}
