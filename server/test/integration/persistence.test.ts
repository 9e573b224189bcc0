import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/app'
import { loadConfig } from '../../src/config'
import { openDatabase, runMigrations } from '../../src/platform/db'
import { fixedClock } from '../../src/platform/clock'
import { seedDemo } from '../../src/demo/seed-demo'
import { TEST_NOW } from '../support/app'
import { testDbKind } from '../support/test-db'

// Embedded mode: the data folder is the database. A restart must find everything where it was.
const dir = mkdtempSync(join(tmpdir(), 'atrium-persist-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function boot() {
  const config = loadConfig({ ATRIUM_DATA_DIR: dir, LOG_LEVEL: 'silent' })
  const database = await openDatabase(config.database)
  await runMigrations(database)
  const clock = fixedClock(TEST_NOW)
  const seeded = await seedDemo(database.db, clock)
  const app = await buildApp({ config, database, clock, webRoot: false, logger: false })
  return { app, database, seeded, config }
}

describe.runIf(testDbKind() === 'pglite')('embedded database', () => {
  // Two boots of an embedded database (initdb and the demo seed the first time): slow on a busy machine.
  it(
    'restarting the server keeps data, sessions and the session secret',
    { timeout: 180_000 },
    async () => {
      const first = await boot()
      expect(first.seeded).toBe(true)
      const login = await first.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'cs.agent', password: 'demo1234' },
      })
      const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]))
      const propertyId = (
        await first.app.inject({ method: 'GET', url: '/api/v1/properties', cookies })
      ).json<{ items: { id: string }[] }>().items[0]?.id
      const created = await first.app.inject({
        method: 'POST',
        url: '/api/v1/customers',
        cookies,
        headers: { 'x-csrf-token': cookies['atrium_csrf'] ?? '' },
        payload: { propertyId, kind: 'person', name: '重启之后' },
      })
      expect(created.statusCode).toBe(201)
      await first.app.close()
      await first.database.close()

      const second = await boot()
      expect(second.seeded).toBe(false)
      expect(second.config.sessionSecret).toBe(first.config.sessionSecret)
      const res = await second.app.inject({
        method: 'GET',
        url: `/api/v1/customers/${created.json<{ id: string }>().id}`,
        cookies,
      })
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ name: '重启之后' })
      await second.app.close()
      await second.database.close()
    },
  )
})
