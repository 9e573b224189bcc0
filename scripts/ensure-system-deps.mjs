#!/usr/bin/env node
// Makes sure the system packages the e2e journeys need are present:
//   - Debian's chromium at /usr/bin/chromium (we never let Playwright download a browser)
//   - Noto CJK fonts, or screenshots of the zh-CN console show boxes instead of characters
// When something is missing and we are root on a machine with apt-get, installs it;
// otherwise says exactly what is missing and exits 1 (the caller counts that as a failure).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'

const CHROMIUM = '/usr/bin/chromium'
const NOTO_DIR = '/usr/share/fonts/opentype/noto'

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

function hasCjkFonts() {
  // fontconfig knows best; the file check covers a machine without fc-list
  if (has('fc-list')) {
    const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' })
    if (r.status === 0 && r.stdout.trim() !== '') return true
  }
  try {
    return readdirSync(NOTO_DIR).some((f) => f.startsWith('NotoSansCJK'))
  } catch {
    return false
  }
}

function missing() {
  const packages = []
  if (!existsSync(CHROMIUM)) packages.push('chromium')
  if (!hasCjkFonts()) packages.push('fonts-noto-cjk')
  // without fc-list chromium still works, but our own check above is weaker; install it with the fonts
  if (packages.length > 0 && !has('fc-list')) packages.push('fontconfig')
  return packages
}

const needed = missing()
if (needed.length === 0) {
  console.log(`system deps: ok (${CHROMIUM}, Noto CJK fonts)`)
  process.exit(0)
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
if (!isRoot || !has('apt-get')) {
  console.error(`system deps: missing ${needed.join(', ')}`)
  if (needed.includes('chromium')) console.error(`  - no browser at ${CHROMIUM}`)
  if (needed.includes('fonts-noto-cjk'))
    console.error(`  - no Chinese fonts (fc-list :lang=zh is empty, no ${NOTO_DIR}/NotoSansCJK*)`)
  console.error(
    `  install them with: sudo apt-get install -y --no-install-recommends ${needed.join(' ')}`,
  )
  process.exit(1)
}

console.log(`system deps: installing ${needed.join(', ')} with apt-get (once)`)
const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env: aptEnv }).status === 0

// The package lists of a fresh container are often empty; one update is enough.
if (!run(['update'])) console.error('system deps: apt-get update failed; trying the install anyway')
if (!run(['install', '-y', '--no-install-recommends', ...needed])) {
  console.error(`system deps: apt-get install ${needed.join(' ')} failed`)
  process.exit(1)
}

const still = missing()
if (still.length > 0) {
  console.error(`system deps: still missing after install: ${still.join(', ')}`)
  process.exit(1)
}
console.log('system deps: installed')
