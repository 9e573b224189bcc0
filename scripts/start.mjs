#!/usr/bin/env node
// `npm start`: build the console if needed, then run the server in the foreground.
// The server prints its URL and the demo logins itself.
import { spawn } from 'node:child_process'
import { ROOT, ensureWebBuild } from './web-build.mjs'
import { SERVER_BUNDLE, SERVER_V8_FLAGS, ensureServerBuild } from './server-build.mjs'

if (!ensureWebBuild()) {
  console.error('The console build failed; not starting the server.')
  process.exit(1)
}

// The server runs from its esbuild bundle (server/dist/main.mjs, rebuilt when server/src changes):
// plain JavaScript starts in about half the time tsx takes to load ~170 TypeScript files
// (docs/decisions/0005-prebuilt-server-bundle.md). Should bundling fail, tsx runs the sources.
// No `--enable-source-maps`: it costs about a second of every start (reading and decoding the
// bundle's 11 MB map). The server maps the stacks it logs to server/src itself
// (server/src/bundle-stack-traces.ts); NODE_OPTIONS=--enable-source-maps maps every stack, at that cost.
// The V8 settings for a small machine: SERVER_V8_FLAGS (server-build.mjs).
const v8Flags = SERVER_V8_FLAGS
const args = (await ensureServerBuild())
  ? [...v8Flags, SERVER_BUNDLE]
  : [...v8Flags, '--import', 'tsx', 'server/src/main.ts']

// One node process (no npm or tsx wrapper in between), so the signal we forward is the one
// the server's graceful-shutdown handler sees.
// detached: the server gets its own process group, so a Ctrl-C in the terminal reaches
// it once, through us, instead of twice (directly from the terminal and again from us
// or npm), which a server may read as "stop now, skip the graceful part".
const server = spawn(process.execPath, args, {
  cwd: ROOT,
  env: process.env,
  stdio: 'inherit',
  detached: true,
})

let firstSignalAt = 0
function forward(signal) {
  // npm relays the terminal's SIGINT to us as well, so one Ctrl-C arrives here twice
  // within milliseconds: pass on the first; pass on a later one only when the user
  // insists (a second Ctrl-C a moment later), which lets the server hurry if it wants.
  const now = Date.now()
  if (firstSignalAt !== 0 && now - firstSignalAt < 1000) return
  firstSignalAt ||= now
  if (server.exitCode === null && server.signalCode === null) server.kill(signal)
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal))

// If we exit for any other reason, don't leave the server running on its own.
process.on('exit', () => {
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM')
})

server.on('error', (err) => {
  console.error(`Could not start the server: ${err.message}`)
  process.exit(1)
})
server.on('exit', (code, signal) => {
  // A server ended by a signal reports no code; use the shell's 128+n convention.
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129, SIGKILL: 137 }
  process.exit(code ?? codes[signal] ?? 1)
})
