#!/usr/bin/env node
// Checks the two locale files against each other and against the source:
// the same keys in zh-CN and en, and every literal t('key') of the source present.
// Keys built at run time (t(`unitStatus.${s}`)) are checked by their prefix only.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const WEB = fileURLToPath(new URL('..', import.meta.url))
const I18N = join(WEB, 'src/app/i18n')

function flatten(tree, prefix = '', out = new Map()) {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value && typeof value === 'object') flatten(value, path, out)
    else out.set(path, value)
  }
  return out
}

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

const zh = flatten(JSON.parse(readFileSync(join(I18N, 'zh-CN.json'), 'utf8')))
const en = flatten(JSON.parse(readFileSync(join(I18N, 'en.json'), 'utf8')))
const problems = []

for (const key of zh.keys()) if (!en.has(key)) problems.push(`en.json lacks ${key}`)
for (const key of en.keys()) if (!zh.has(key)) problems.push(`zh-CN.json lacks ${key}`)
for (const [key, value] of [...zh, ...en]) {
  if (typeof value !== 'string' || value.trim() === '') problems.push(`empty message ${key}`)
}

// Plural keys live as key_one / key_other.
const known = (key) => zh.has(key) || zh.has(`${key}_other`)
const literal = /\bt\(\s*'([^']+)'/g
const conditional = /\bt\(\s*[^'`()]+\?\s*'([^']+)'\s*:\s*'([^']+)'/g
const template = /\bt\(\s*`([^`$]+)\$\{/g
const labelKey = /labelKey:\s*'([^']+)'/g

for (const file of sourceFiles(join(WEB, 'src'))) {
  const text = readFileSync(file, 'utf8')
  const where = file.slice(WEB.length)
  for (const [, key] of text.matchAll(literal)) if (!known(key)) problems.push(`${where}: ${key}`)
  for (const [, ...keys] of text.matchAll(conditional))
    for (const key of keys) if (!known(key)) problems.push(`${where}: ${key}`)
  for (const [, key] of text.matchAll(labelKey)) if (!known(key)) problems.push(`${where}: ${key}`)
  for (const [, prefix] of text.matchAll(template)) {
    if (![...zh.keys()].some((k) => k.startsWith(prefix))) problems.push(`${where}: ${prefix}*`)
  }
}

if (problems.length > 0) {
  console.error(`i18n: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log(`i18n: ${zh.size} keys, zh-CN and en agree, every key used in the source exists`)
