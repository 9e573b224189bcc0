#!/usr/bin/env node
// Builds the staff console (web/dist) when it is missing or older than its sources.
// Used by start.mjs and e2e-server.mjs; `node scripts/web-build.mjs` does the same by hand.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
const WEB = join(ROOT, 'web')
const BUILT = join(WEB, 'dist', 'index.html')
// What the Vite build reads; package.json is here too, so a dependency bump rebuilds.
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json']

function newestMtime(path) {
  let stat
  try {
    stat = statSync(path)
  } catch {
    return 0 // an optional source (public/) that does not exist
  }
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs // a deleted file bumps its folder's mtime
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/** Why the console needs building, or null when web/dist is up to date. */
export function webBuildReason() {
  if (!existsSync(BUILT)) return 'web/dist is missing'
  const built = statSync(BUILT).mtimeMs
  const changed = SOURCES.find((s) => newestMtime(join(WEB, s)) > built)
  return changed ? `web/${changed} changed since the last build` : null
}

/** Runs `npm run build --workspace web`; returns true on success. */
export function buildWeb({ stdio = 'inherit' } = {}) {
  const r = spawnSync('npm', ['run', 'build', '--workspace', 'web'], { cwd: ROOT, stdio })
  return r.status === 0
}

/** Builds only when needed; prints one line saying why. Returns true when dist is usable. */
export function ensureWebBuild(options) {
  const reason = webBuildReason()
  if (!reason) return true
  console.log(`Building the staff console once (${reason}) …`)
  return buildWeb(options)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exit(ensureWebBuild() ? 0 : 1)
}
