// atrium migrate | seed-demo | create-admin --username U --password P [--name N] [--org O] | worker
import { syncBuiltinRoles } from './modules/identity'
import { parseArgs } from 'node:util'
import pino from 'pino'
import { ConfigError, loadConfig, type Config } from './config'
import { openDatabase, runMigrations, type Database } from './platform/db'
import { systemClock } from './platform/clock'
import { startJobs } from './platform/jobs'
import { jobRegistrars } from './jobs'
import { seedDemo } from './demo/seed-demo'
import { createAdmin } from './demo/create-admin'

const usage = `Usage: atrium <command>
  migrate                       apply database migrations
  seed-demo                     create the demo building and logins (empty database only)
  create-admin --username U --password P [--name "Display name"] [--org "Company name"]
  worker                        run the background jobs until SIGINT/SIGTERM, beside servers
                                started with ATRIUM_JOBS=off (needs DATABASE_URL)
Configuration comes from the environment (DATABASE_URL, ATRIUM_DATA_DIR, …), as for the server.`

async function run(argv: string[]) {
  const [command, ...rest] = argv
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${usage}\n`)
    return 0
  }
  if (!['migrate', 'seed-demo', 'create-admin', 'worker'].includes(command)) {
    process.stderr.write(`Unknown command: ${command}\n${usage}\n`)
    return 2
  }
  const config = loadConfig()
  if (command === 'worker' && config.database.kind === 'pglite') {
    // PGlite's data folder belongs to one process: a second one beside the server would corrupt it.
    process.stderr.write(
      'atrium worker needs DATABASE_URL: an embedded database runs its jobs inside `npm start`.\n',
    )
    return 2
  }
  const database = await openDatabase(config.database)
  try {
    await runMigrations(database)
    await syncBuiltinRoles(database.db)
    if (command === 'worker') {
      await runWorker(config, database)
    } else if (command === 'migrate') {
      process.stdout.write('Migrations applied.\n')
    } else if (command === 'seed-demo') {
      const seeded = await seedDemo(database.db, systemClock)
      process.stdout.write(
        seeded ? 'Demo data created.\n' : 'The database already has data: nothing seeded.\n',
      )
      if (!seeded) return 1
    } else {
      const { values } = parseArgs({
        args: rest,
        options: {
          username: { type: 'string' },
          password: { type: 'string' },
          name: { type: 'string' },
          org: { type: 'string' },
        },
      })
      if (!values.username || !values.password) {
        process.stderr.write(`create-admin needs --username and --password\n${usage}\n`)
        return 2
      }
      const result = await createAdmin(database.db, systemClock, {
        username: values.username,
        password: values.password,
        displayName: values.name ?? values.username,
        orgName: values.org ?? '物业服务公司',
      })
      process.stdout.write(
        `Administrator ${values.username} created${result.createdOrg ? ' with a new organisation' : ''}.\n`,
      )
    }
    return 0
  } finally {
    await database.close()
  }
}

// The same handlers as `npm start` runs in-process, until a signal; then running handlers finish.
async function runWorker(config: Config, database: Database) {
  const logger = pino({ level: config.logLevel }).child({ component: 'jobs' })
  const jobs = await startJobs(database, { logger })
  const deps = { db: database.db, clock: systemClock, config }
  for (const register of jobRegistrars(deps)) await register(jobs)
  logger.info({ database: database.kind }, 'worker running background jobs')
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'))
    process.once('SIGTERM', () => resolve('SIGTERM'))
  })
  logger.info({ signal }, 'worker stopping')
  await jobs.stop()
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`)
    else process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  },
)
