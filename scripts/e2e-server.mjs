#!/usr/bin/env node
// The server Playwright starts (e2e/playwright.config.ts → webServer): a fresh, empty data
// directory every run, so the server seeds the demo building and every journey starts from
// the same state. The directory is removed when the server stops.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT, ensureWebBuild } from './web-build.mjs'

// `npm test` builds before Playwright; this covers `npm run e2e` after a change in web/.
if (!ensureWebBuild()) process.exit(1)

const dataDir = mkdtempSync(join(tmpdir(), 'atrium-e2e-'))
let removed = false
function removeDataDir() {
  if (removed) return
  removed = true
  rmSync(dataDir, { recursive: true, force: true })
}
process.on('exit', removeDataDir)

const env = {
  ...process.env,
  PORT: process.env.E2E_PORT ?? '3100',
  HOST: '127.0.0.1',
  ATRIUM_DATA_DIR: dataDir,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  // The fit-out journey moves the clock three months on to reach the deposit refund (H-FO-15).
  ATRIUM_TEST_CLOCK: 'on',
}
// Always the embedded database: a DATABASE_URL from the shell (or CI) would make runs share state.
delete env.DATABASE_URL

const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
  cwd: ROOT,
  env,
  stdio: 'inherit',
})

// Playwright stops us with SIGTERM to the whole process group (gracefulShutdown in the
// config), so the server usually has it already; forwarding covers a signal sent to us
// alone. A server that reads a second signal as "exit now" is fine here: the data is thrown away.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (server.exitCode === null && server.signalCode === null) server.kill(signal)
  })
}

server.on('error', (err) => {
  console.error(`e2e-server: could not start the server: ${err.message}`)
  process.exit(1)
})
server.on('exit', (code, signal) => {
  removeDataDir()
  process.exit(code ?? (signal ? 0 : 1))
})
