import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, type App } from '../../src/app'
import { loadConfig } from '../../src/config'
import { fixedClock } from '../../src/platform/clock'
import type { Database } from '../../src/platform/db'
import { openTestDatabase } from '../support/test-db'
import { inject } from 'vitest'

// The console's files as `npm start` serves them: hashed assets cached for good, index.html
// revalidated, precompressed copies sent to browsers that take them, any other path the SPA.
let app: App
let database: Database
let webRoot: string
const script = 'console.log("atrium");'.repeat(100)

beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'atrium-web-'))
  mkdirSync(join(webRoot, 'assets'))
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Atrium</title>')
  writeFileSync(join(webRoot, 'assets', 'app-abc123.js'), script)
  writeFileSync(join(webRoot, 'assets', 'app-abc123.js.gz'), gzipSync(script))
  database = await openTestDatabase(inject('dbTemplate'))
  const config = loadConfig({
    SESSION_SECRET: 't'.repeat(40),
    DATABASE_URL: 'postgres://unused/none',
    LOG_LEVEL: 'silent',
  })
  app = await buildApp({ config, database, clock: fixedClock(new Date()), webRoot, logger: false })
  await app.ready()
})
afterAll(async () => {
  await app.close()
  await database.close()
  rmSync(webRoot, { recursive: true, force: true })
})

describe('the console files', () => {
  it('a hashed asset is cached for a year and immutable', async () => {
    const res = await app.inject({ url: '/assets/app-abc123.js' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.body).toBe(script)
  })

  it('a browser that takes gzip gets the precompressed copy, with Vary: Accept-Encoding', async () => {
    const res = await app.inject({
      url: '/assets/app-abc123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(res.headers['content-type']).toContain('javascript')
    expect(res.headers['vary']).toContain('accept-encoding')
    expect(res.rawPayload.length).toBeLessThan(script.length / 5)
  })

  it('index.html, the root and a console route are revalidated on every load', async () => {
    for (const url of ['/', '/index.html', '/cases/123', '/cases/', '/settings?tab=calendars']) {
      const res = await app.inject({ url })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toContain('text/html')
      expect(res.headers['cache-control']).toBe('no-cache')
    }
  })

  it('a directory is never listed, and a missing asset is a 404, not the console page', async () => {
    const folder = await app.inject({ url: '/assets/' })
    expect(folder.body).not.toContain('app-abc123.js')
    // An old chunk asked for after a release: HTML in its place would fail as a script.
    const gone = await app.inject({ url: '/assets/app-gone999.js' })
    expect(gone.statusCode).toBe(404)
    expect(gone.headers['content-type']).toContain('application/problem+json')
  })
})
