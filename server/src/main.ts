// Boots config → database → migrations → demo data → app, and shuts down cleanly on a signal.
import { ConfigError, loadConfig, type Config } from './config'
import { openDatabase, runMigrations } from './platform/db'
import { systemClock } from './platform/clock'
import { buildApp } from './app'
import { DEMO_PASSWORD, demoUsers, seedDemo } from './demo/seed-demo'
import { hasDemoLogins } from './demo/demo.repository'

function banner(config: Config, seeded: boolean, demoLogins: boolean) {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  const url = config.publicUrl ?? `http://${host}:${config.port}`
  const db =
    config.database.kind === 'pglite'
      ? `PGlite in ${config.database.dataDir}`
      : 'PostgreSQL (DATABASE_URL)'
  const lines = [
    '',
    `  Atrium is running: ${url}`,
    `  Database: ${db}${seeded ? ' — demo building 示例大厦 created' : ''}`,
    `  API docs: ${url}/api/docs`,
  ]
  if (demoLogins) {
    lines.push(`  Demo logins (password ${DEMO_PASSWORD}):`)
    lines.push(`    ${demoUsers.map((u) => u.username).join(', ')}`)
  }
  lines.push('')
  process.stdout.write(lines.join('\n') + '\n')
}

async function main() {
  let config: Config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(2)
    }
    throw error
  }
  const database = await openDatabase(config.database)
  await runMigrations(database)
  const seeded = config.demo === 'auto' ? await seedDemo(database.db, systemClock) : false
  const app = await buildApp({ config, database, clock: systemClock })

  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    await app.close()
    await database.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  await app.listen({ port: config.port, host: config.host })
  banner(config, seeded, await hasDemoLogins(database.db))
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Atrium failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exit(1)
})
