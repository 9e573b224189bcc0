// `npm run bench:seed -- --scale S|M|L`: (re)creates the bench database, runs the app's
// migrations and fills it with a company's buildings, customers, bills and a year of cases.
import pg from 'pg'
import { openPostgres, runMigrations } from '../server/src/platform/db'
import { prng } from '../server/src/demo/demo-names'
import { databaseUrl, scaleOf, type Scale } from './lib/options'
import { recreateDatabase } from './lib/database'
import { scaleSpecs } from './seed/spec'
import { seedBuildings, seedOrganisation } from './seed/org'
import { seedBilling } from './seed/billing'
import { seedCases } from './seed/cases'
import { Writer } from './seed/writer'

/** Whether this login may skip triggers for the load (superusers may). */
async function mayUseReplicaRole(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('set session_replication_role = replica')
    return true
  } catch {
    return false
  } finally {
    await client.end()
  }
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1)

/** Seeds the database of a scale from scratch; returns the seconds it took. */
export async function seedBench(scale: Scale, url = databaseUrl(scale)): Promise<number> {
  const spec = scaleSpecs[scale]
  const started = performance.now()
  const log = (line: string) => process.stdout.write(`  [${seconds(started)} s] ${line}\n`)
  process.stdout.write(`Seeding scale ${scale} into ${url.replace(/:[^:@/]*@/, ':***@')}\n`)
  await recreateDatabase(url)
  const database = openPostgres(url, 2)
  await runMigrations(database)
  log('database created and migrated')

  // A bulk load: no fsync wait per batch, and — where we may (a superuser) — no foreign-key
  // trigger per row; the generator writes parents first either way, so the rows are valid.
  const replica = await mayUseReplicaRole(url)
  const pool = new pg.Pool({
    connectionString: url,
    max: 3,
    options: `-c synchronous_commit=off${replica ? ' -c session_replication_role=replica' : ''}`,
  })
  const fkTriggers = replica ? 'off (session_replication_role = replica)' : 'on'
  const writer = new Writer(pool)
  try {
    const ctx = { orgId: '', now: new Date(), adminId: '', rand: prng(20261129) }
    const { orgId, roleIds } = await seedOrganisation(pool, database)
    ctx.orgId = orgId
    const { buildings, globalUsers } = await seedBuildings(database, writer, ctx, spec, roleIds)
    ctx.adminId = globalUsers['bench.admin'] ?? ''
    log(`${buildings.length} buildings, units, customers, staff and calendars`)
    await seedBilling(pool, writer, ctx, buildings, spec.months)
    log(`${spec.months} months of bills, charges and payments`)
    const counts = await seedCases(pool, writer, ctx, buildings, spec.cases)
    log(`cases: ${counts.open} open (${counts.overdue} overdue), ${counts.closed} done`)
    // As after any bulk load: statistics, and the visibility map that index-only scans need
    // (autovacuum would get there on its own, minutes later).
    await pool.query('vacuum (analyze)')
    log('vacuumed and analyzed')
    const took = (performance.now() - started) / 1000
    process.stdout.write(`\nMade (foreign-key checks during the load: ${fkTriggers}):\n`)
    for (const [table, n] of writer.counts)
      process.stdout.write(`  ${table.padEnd(18)} ${n.toLocaleString('en')}\n`)
    process.stdout.write(`Seeded scale ${scale} in ${took.toFixed(1)} s.\n`)
    process.stdout.write(
      `Logins: bench.admin, bench.manager, bench.finance, b001.agent1, b001.eng.head, … (password bench1234)\n`,
    )
    return took
  } finally {
    await pool.end()
    await database.close()
  }
}

const invokedDirectly = process.argv[1]?.endsWith('seed.ts') ?? false
if (invokedDirectly) {
  seedBench(scaleOf(process.argv.slice(2), 'S')).catch((error: unknown) => {
    process.stderr.write(
      `Seeding failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exit(1)
  })
}
