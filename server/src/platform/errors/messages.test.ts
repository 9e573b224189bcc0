import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { errorStatus } from './codes'
import { permissions } from '../permissions'

// The UI shows every error in the user's language: each code needs a message in both locale files.
const locale = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../../web/src/app/i18n/${name}.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>

function lookup(tree: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
    tree,
  )
}

describe.each(['zh-CN', 'en'])('the %s locale', (name) => {
  const messages = locale(name)

  it.each(Object.keys(errorStatus))('has a message for error code %s', (code) => {
    expect(typeof lookup(messages, ['errors', ...code.split('.')])).toBe('string')
  })

  it.each([...permissions])('has a label for permission %s', (permission) => {
    const permissionsNode = lookup(messages, ['permissions']) as Record<string, unknown> | undefined
    const label = permissionsNode?.[permission] ?? lookup(permissionsNode, permission.split('.'))
    expect(typeof label).toBe('string')
  })
})
