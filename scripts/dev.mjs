#!/usr/bin/env node
// `npm run dev`: the API server under `tsx watch` on :3000 and Vite on :5173 (which proxies
// /api to :3000). Output is prefixed per process; when either stops, or on Ctrl-C, both stop.
// (Not `concurrently`: its current releases need Node 22.)
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const color = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code, text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text)

const processes = [
  {
    name: paint(36, '[server]'),
    // tsx watch relays a signal to the server it runs, so it alone gets our SIGTERM: sent
    // to the whole group the server would see it twice and might skip its graceful stop.
    command: join(ROOT, 'node_modules', '.bin', 'tsx'),
    args: ['watch', '--clear-screen=false', 'server/src/main.ts'],
    env: { PORT: '3000' },
    stopGroup: false,
  },
  {
    name: paint(35, '[web]   '),
    command: 'npm',
    args: ['run', 'dev', '--workspace', 'web'],
    env: {},
    // npm → sh → vite: the group, so vite stops even if a layer does not pass the signal on
    stopGroup: true,
  },
]

let stopping = false
const running = new Set()

for (const p of processes) {
  const child = spawn(p.command, p.args, {
    cwd: ROOT,
    // piped output is not a TTY; keep the tools' colours when ours is one
    env: { ...process.env, ...(color ? { FORCE_COLOR: '1' } : {}), ...p.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // own process group each, so stop() reaches npm's and npx's grandchildren (vite, node)
    detached: true,
  })
  child.stopGroup = p.stopGroup
  running.add(child)
  for (const stream of [child.stdout, child.stderr]) {
    const out = stream === child.stdout ? process.stdout : process.stderr
    createInterface({ input: stream }).on('line', (line) => out.write(`${p.name} ${line}\n`))
  }
  child.on('error', (err) => {
    console.error(`${p.name} could not start: ${err.message}`)
    stop(1)
  })
  child.on('exit', (code, signal) => {
    running.delete(child)
    if (!stopping) console.error(`${p.name} exited (${signal ?? code}); stopping the other one`)
    stop(code ?? 1)
    if (running.size === 0) process.exit(exitCode)
  })
}

let exitCode = 0
function signalAll(signal, { groups = false } = {}) {
  for (const child of running) {
    try {
      process.kill(groups || child.stopGroup ? -child.pid : child.pid, signal)
    } catch {
      // already gone
    }
  }
}

function stop(code) {
  if (stopping) return
  stopping = true
  exitCode = code
  signalAll('SIGTERM')
  // watchers normally stop at once; don't hang if one ignores SIGTERM
  setTimeout(() => signalAll('SIGKILL', { groups: true }), 5000).unref()
}

let firstSignalAt = 0
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    // One Ctrl-C can reach us twice (terminal and npm); a second one a moment later means "now".
    const now = Date.now()
    if (firstSignalAt === 0) {
      firstSignalAt = now
      stop(0)
    } else if (now - firstSignalAt > 1000) {
      signalAll('SIGKILL', { groups: true })
    }
  })
}
process.on('exit', () => signalAll('SIGKILL', { groups: true }))
