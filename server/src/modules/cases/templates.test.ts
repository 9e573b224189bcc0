import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// Every notification a workflow or the engine sends has its message in both languages.
const modules = new URL('..', import.meta.url).pathname
const sources = readdirSync(modules, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(join(modules, f), 'utf8'))
const used = new Set(
  sources.flatMap((s) => [
    ...[...s.matchAll(/template: '([a-z_]+\.[a-z_]+)'/g)].map((m) => m[1]!),
    ...[...s.matchAll(/'((?:case|inquiry|incident|liaison|release|repair)\.[a-z_]+)',\s*\{/g)].map(
      (m) => m[1]!,
    ),
  ]),
)
const locale = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../../web/src/app/i18n/${name}.json`, import.meta.url), 'utf8'),
  ) as { notifications: Record<string, Record<string, string>> }

describe.each(['zh-CN', 'en'])('the %s notifications', (name) => {
  const messages = locale(name).notifications
  it('the scan finds the templates', () => expect(used.size).toBeGreaterThan(10))
  it.each([...used])('has a message for %s', (template) => {
    const [group, key] = template.split('.') as [string, string]
    expect(typeof messages[group]?.[key]).toBe('string')
  })
})
