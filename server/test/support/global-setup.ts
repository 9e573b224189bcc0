import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { openPglite, openPostgres, runMigrations, type Database } from '../../src/platform/db'
import { fixedClock } from '../../src/platform/clock'
import { seedDemo } from '../../src/demo/seed-demo'
import { seedOtherOrganisation } from './other-org'
import { adminQuery, testDbKind, uniqueDbName, urlOfDatabase } from './test-db'

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of a data-dir dump; PostgreSQL: name of a template database. */
    dbTemplate: string
  }
}

export const TEST_EPOCH = new Date('2026-11-02T01:00:00Z')

async function seed(database: Database) {
  await runMigrations(database)
  const clock = fixedClock(TEST_EPOCH)
  await seedDemo(database.db, clock)
  await seedOtherOrganisation(database.db)
}

// Migrate and seed once; every test file starts from a copy.
export default async function setup(project: TestProject) {
  if (testDbKind() === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'atrium-tpl-'))
    const { database, client } = await openPglite()
    await seed(database)
    const dump = await client.dumpDataDir('none')
    const file = join(dir, 'template.tar')
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
    await database.close()
    project.provide('dbTemplate', file)
    return () => rmSync(dir, { recursive: true, force: true })
  }
  const name = uniqueDbName('atrium_tpl')
  await adminQuery(`create database ${name}`)
  const database = openPostgres(urlOfDatabase(name), 2)
  await seed(database)
  await database.close()
  project.provide('dbTemplate', name)
  return async () => {
    await adminQuery(`drop database if exists ${name} with (force)`)
  }
}
