// atrium migrate | seed-demo | create-admin --username U --password P [--name N] [--org "Company"]
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from './config'
import { openDatabase, runMigrations } from './platform/db'
import { systemClock } from './platform/clock'
import { seedDemo } from './demo/seed-demo'
import { createAdmin } from './demo/create-admin'

const usage = `Usage: atrium <command>
  migrate                       apply database migrations
  seed-demo                     create the demo building and logins (empty database only)
  create-admin --username U --password P [--name "Display name"] [--org "Company name"]
Configuration comes from the environment (DATABASE_URL, ATRIUM_DATA_DIR, …), as for the server.`

async function run(argv: string[]) {
  const [command, ...rest] = argv
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${usage}\n`)
    return 0
  }
  if (!['migrate', 'seed-demo', 'create-admin'].includes(command)) {
    process.stderr.write(`Unknown command: ${command}\n${usage}\n`)
    return 2
  }
  const config = loadConfig()
  const database = await openDatabase(config.database)
  try {
    await runMigrations(database)
    if (command === 'migrate') {
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

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`)
    else process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  },
)
