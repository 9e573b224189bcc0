#!/usr/bin/env node
// How long `npm start` takes on an existing embedded database: from spawning the process to the
// first 200 on GET /api/health, and to the "Atrium is running" banner. The data dir is created
// once by a first start (which migrates and seeds the demo) and reused by the timed runs.
//
//   node bench/startup.mjs [--runs 5] [--data-dir /tmp/atrium-startup] [--port 3917] [--npm|--tsx]
//
// --npm spawns `npm start` (npm's own ~0.3 s included); the default spawns `node scripts/start.mjs`,
// which is what `npm start` runs; --tsx runs the TypeScript sources through tsx as `npm start` did
// before the bundle (node --import tsx server/src/main.ts). Set ATRIUM_STARTUP_TRACE=1 to have the
// server print its boot steps, each with the main thread's CPU time and its time waiting for a CPU.
// Besides wall time, each run reports the CPU time its processes had used when /api/health first
// answered (from /proc) and the load average: on a machine busy with other work, wall time
// stretches with the queue for the cores, CPU time much less. Out-of-date builds are brought up to
// date before the timed runs; a run that still had to build (sources changed meanwhile) says so.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { connect } from 'node:net'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'data-dir': { type: 'string', default: '/tmp/atrium-startup' },
    port: { type: 'string', default: '3917' },
    npm: { type: 'boolean', default: false },
    tsx: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
})
const runs = Number(args.runs)
const dataDir = args['data-dir']
const port = Number(args.port)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** CPU seconds (user + system) used so far by a process and its descendants (Linux /proc). */
function treeCpu(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    let ticks = Number(fields[11]) + Number(fields[12]) // utime, stime
    for (const task of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' '))
      if (task.trim()) ticks += treeCpu(Number(task)) * 100
    return ticks / 100
  } catch {
    return 0
  }
}

/**
 * One GET /api/health over a plain socket. While the server starts, a refused connection costs this
 * process next to nothing; fetch() cost about a millisecond of CPU per attempt, every 5 ms, taken
 * from the server starting on the same two cores.
 */
function healthy() {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let head = ''
    socket.setEncoding('latin1')
    socket.on('connect', () =>
      socket.write(
        `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
      ),
    )
    socket.on('data', (chunk) => (head += chunk))
    socket.on('error', () => resolve(false))
    socket.on('close', () => resolve(/^HTTP\/1\.1 200 /.test(head)))
  })
}

/** One start: returns { health, banner } in ms since spawn, then stops the server. */
async function startOnce({ timeoutMs = 120_000 } = {}) {
  if (await healthy()) throw new Error(`port ${port} already serves /api/health: stop that first`)
  const env = {
    ...process.env,
    ATRIUM_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  }
  const cmd = args.npm
    ? ['npm', ['start', '--silent']]
    : args.tsx
      ? [process.execPath, ['--import', 'tsx', 'server/src/main.ts']]
      : [process.execPath, ['scripts/start.mjs']]
  const t0 = performance.now()
  const child = spawn(cmd[0], cmd[1], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let banner = null
  child.stdout.on('data', (chunk) => {
    out += chunk
    if (args.verbose) process.stdout.write(chunk)
    if (banner === null && out.includes('Atrium is running')) banner = performance.now() - t0
  })
  child.stderr.on('data', (chunk) => {
    out += chunk
    if (args.verbose) process.stderr.write(chunk)
  })
  let exited = false
  child.on('exit', () => (exited = true))
  let health = null
  let cpu = null
  while (health === null) {
    if (exited) throw new Error(`the server exited before it was ready:\n${out}`)
    if (performance.now() - t0 > timeoutMs) {
      child.kill('SIGTERM')
      throw new Error(`not ready after ${timeoutMs} ms:\n${out}`)
    }
    if (await healthy()) {
      health = performance.now() - t0
      cpu = treeCpu(child.pid)
    } else await sleep(5)
  }
  while (banner === null && !exited && performance.now() - t0 < timeoutMs) await sleep(5)
  const trace = out.split('\n').filter((l) => l.startsWith('[startup]'))
  // start.mjs rebuilt the console or the server first (someone changed their sources meanwhile)
  const rebuilt = /^Building the /m.test(out)
  child.kill('SIGTERM')
  await new Promise((resolve) => (exited ? resolve() : child.on('exit', resolve)))
  return { health, banner, cpu, trace, rebuilt }
}

/** The 1-, 5- and 15-minute load averages: how busy the machine was around a run. */
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const fmt = (ms) => (ms === null ? '—' : `${(ms / 1000).toFixed(2)} s`)

// Builds out of date are brought up to date first, so that the timed runs are restarts, not builds.
if (!args.tsx) {
  const { ensureWebBuild } = await import('../scripts/web-build.mjs')
  const { ensureServerBuild } = await import('../scripts/server-build.mjs')
  if (!ensureWebBuild() || !(await ensureServerBuild())) throw new Error('the build failed')
}

if (!existsSync(dataDir)) {
  console.log(`First start on an empty ${dataDir} (migrations, demo data) …`)
  const first = await startOnce()
  console.log(`  first start: health ${fmt(first.health)}, banner ${fmt(first.banner)}`)
}

console.log(`Restart on the existing database in ${dataDir}, ${runs} runs:`)
const results = []
for (let i = 0; i < runs; i++) {
  const r = await startOnce()
  results.push(r)
  console.log(
    `  run ${i + 1}: health ${fmt(r.health)}, banner ${fmt(r.banner)}, CPU ${r.cpu.toFixed(2)} s, ` +
      `load average ${loadAverage()}${r.rebuilt ? ' (a build ran first: the sources changed)' : ''}`,
  )
  for (const line of r.trace) console.log(`    ${line}`)
  await sleep(300)
}
const healthMedian = median(results.map((r) => r.health))
const bannerMedian = median(results.map((r) => r.banner ?? Infinity))
const cpuMedian = median(results.map((r) => r.cpu))
const load = loadAverage()
console.log(
  `median: health ${fmt(healthMedian)}, banner ${fmt(bannerMedian)} (target ≤ 2.00 s), ` +
    `CPU ${cpuMedian.toFixed(2)} s — node ${process.version}, load average ${load}`,
)
process.exitCode = healthMedian <= 2000 ? 0 : 1
