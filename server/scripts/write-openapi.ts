// Writes the server's OpenAPI document to openapi.json, for openapi-typescript to turn into
// web/src/api/schema.d.ts (npm run api:generate).
import { writeFileSync } from 'node:fs'
import { buildApp } from '../src/app'
import { loadConfig } from '../src/config'
import { openPglite } from '../src/platform/db'
import { systemClock } from '../src/platform/clock'

const { database } = await openPglite()
const config = {
  ...loadConfig({ SESSION_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://unused/none' }),
}
const app = await buildApp({ config, database, clock: systemClock, webRoot: false, logger: false })
await app.ready()
writeFileSync(new URL('../openapi.json', import.meta.url), JSON.stringify(app.swagger(), null, 2))
await app.close()
await database.close()
