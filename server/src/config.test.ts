import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config'

const dir = mkdtempSync(join(tmpdir(), 'atrium-config-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('configuration', () => {
  it('defaults to PGlite in ./data on port 3000', () => {
    const c = loadConfig({ ATRIUM_DATA_DIR: dir })
    expect(c.port).toBe(3000)
    expect(c.database).toEqual({ kind: 'pglite', dataDir: join(dir, 'pglite') })
  })

  it('embedded mode generates a session secret once and keeps it beside the data', () => {
    const first = loadConfig({ ATRIUM_DATA_DIR: dir }).sessionSecret
    expect(first).toHaveLength(64)
    expect(loadConfig({ ATRIUM_DATA_DIR: dir }).sessionSecret).toBe(first)
    expect(readFileSync(join(dir, 'session-secret'), 'utf8')).toBe(first)
  })

  it('uses PostgreSQL when DATABASE_URL is set, and then requires SESSION_SECRET', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x@localhost/db' })).toThrow(ConfigError)
    const c = loadConfig({
      DATABASE_URL: 'postgres://x@localhost/db',
      SESSION_SECRET: 's'.repeat(32),
    })
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://x@localhost/db' })
  })

  it('fails fast on a bad value, naming the variable', () => {
    expect(() => loadConfig({ ATRIUM_DATA_DIR: dir, PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => loadConfig({ ATRIUM_DATA_DIR: dir, LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/)
    expect(() => loadConfig({ ATRIUM_DATA_DIR: dir, DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL/,
    )
  })

  it('marks cookies Secure when the public URL is HTTPS', () => {
    expect(
      loadConfig({ ATRIUM_DATA_DIR: dir, PUBLIC_URL: 'https://atrium.example' }).secureCookies,
    ).toBe(true)
    expect(loadConfig({ ATRIUM_DATA_DIR: dir }).secureCookies).toBe(false)
  })
})
