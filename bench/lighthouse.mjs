#!/usr/bin/env node
// Lighthouse performance of the staff console's first pages: the sign-in page (/login) and the
// case queue (/cases, signed in as cs.agent: the session cookie goes in --extra-headers), on the
// desktop preset and on the default mobile preset, each run 3 times; the median score is reported.
// Lighthouse is not a dependency: `npx -y lighthouse@12.8.2` fetches it on demand (13 needs Node 22).
// The browser is Debian's Chromium (CHROME_PATH, default /usr/bin/chromium).
//
//   node bench/lighthouse.mjs [--runs 3] [--port 3920] [--url http://127.0.0.1:3000] [--only desktop|mobile]
//                             [--page sign-in|case-queue]
//
// Without --url the server is started from this checkout on a fresh data dir: the console and the
// server are built if stale (as `npm start` does), then both builds are copied to a temp folder and
// served from there, so that a build in the checkout meanwhile (another session's `npm start` or
// journeys) cannot replace the files under a run (a page then fails to load its chunks).
// Targets (issue 7): desktop ≥ 0.95, mobile ≥ 0.85, on both pages. Reports go to bench/out/.
// Note the machine's load average with any figure: total blocking time grows with it.
import { spawn, spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const LIGHTHOUSE = 'lighthouse@12.8.2'
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const OUT = join(ROOT, 'bench', 'out', 'lighthouse')
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
].join(' ')
const TARGETS = { desktop: 0.95, mobile: 0.85 }

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    port: { type: 'string', default: '3920' },
    url: { type: 'string' },
    only: { type: 'string' },
    page: { type: 'string' },
  },
})
const runs = Number(args.runs)
mkdirSync(OUT, { recursive: true })

// ------------------------------------------------------------------ the server
let base = args.url?.replace(/\/$/, '')
let server
let dataDir
let snapshot
if (!base) {
  base = `http://127.0.0.1:${args.port}`
  const { ensureWebBuild } = await import('../scripts/web-build.mjs')
  const { ensureServerBuild, SERVER_V8_FLAGS } = await import('../scripts/server-build.mjs')
  if (!ensureWebBuild() || !(await ensureServerBuild())) throw new Error('the build failed')
  // The server finds its folder by drizzle/ and serves ../web/dist from there (server-root.ts).
  snapshot = mkdtempSync(join(tmpdir(), 'atrium-lighthouse-build-'))
  for (const part of ['server/dist', 'server/drizzle', 'server/package.json', 'web/dist'])
    cpSync(join(ROOT, part), join(snapshot, part), { recursive: true })
  for (const modules of ['node_modules', 'server/node_modules'])
    if (existsSync(join(ROOT, modules))) symlinkSync(join(ROOT, modules), join(snapshot, modules))
  dataDir = mkdtempSync(join(tmpdir(), 'atrium-lighthouse-'))
  // Started as `npm start` starts it (scripts/start.mjs): the bundle with the same V8 settings and
  // without `--enable-source-maps` (a second of every start, and a server unlike the real one).
  server = spawn(process.execPath, [...SERVER_V8_FLAGS, join(snapshot, 'server/dist/main.mjs')], {
    cwd: snapshot,
    env: {
      ...process.env,
      PORT: args.port,
      HOST: '127.0.0.1',
      ATRIUM_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  process.on('exit', () => {
    if (server.exitCode === null) server.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(snapshot, { recursive: true, force: true })
  })
  for (let i = 0; ; i++) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) break
    if (i > 1200 || server.exitCode !== null) throw new Error('the server did not start')
    await new Promise((r) => setTimeout(r, 100))
  }
}

const login = await fetch(`${base}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'cs.agent', password: 'demo1234' }),
})
if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`)
const cookie = login.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ')
const headersFile = join(OUT, 'session-headers.json')
writeFileSync(headersFile, JSON.stringify({ Cookie: cookie }))

// ------------------------------------------------------------------ the runs
const pages = [
  { name: 'sign-in', path: '/login', signedIn: false },
  { name: 'case queue', path: '/cases', signedIn: true },
].filter((p) => !args.page || p.name.replace(' ', '-') === args.page)
const presets = args.only ? [args.only] : ['desktop', 'mobile']
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

function lighthouse(url, preset, signedIn, file) {
  const cli = [
    '-y',
    LIGHTHOUSE,
    url,
    '--quiet',
    '--only-categories=performance',
    '--output=json',
    `--output-path=${file}`,
    `--chrome-flags=${CHROME_FLAGS}`,
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
    ...(signedIn ? [`--extra-headers=${headersFile}`] : []),
  ]
  const r = spawnSync('npx', cli, {
    cwd: ROOT,
    env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (r.status !== 0) throw new Error(`lighthouse failed on ${url} (${preset})`)
  const report = JSON.parse(readFileSync(file, 'utf8'))
  const audit = (id) => report.audits[id]?.numericValue
  if (report.finalDisplayedUrl && !report.finalDisplayedUrl.endsWith(new URL(url).pathname))
    console.warn(`  note: ${url} ended on ${report.finalDisplayedUrl}`)
  const scripts = (report.audits['network-requests']?.details?.items ?? []).filter(
    (i) => i.resourceType === 'Script',
  )
  return {
    score: report.categories.performance.score,
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    si: audit('speed-index'),
    scriptKb: scripts.reduce((n, i) => n + (i.transferSize ?? 0), 0) / 1024,
  }
}

const summary = []
for (const preset of presets) {
  for (const page of pages) {
    const results = []
    for (let i = 1; i <= runs; i++) {
      const file = join(OUT, `${page.name.replace(' ', '-')}-${preset}-${i}.json`)
      const r = { ...lighthouse(base + page.path, preset, page.signedIn, file), load: loadavg()[0] }
      results.push(r)
      console.log(
        `${preset.padEnd(7)} ${page.name.padEnd(10)} run ${i}: ${r.score.toFixed(2)} ` +
          `[load ${r.load.toFixed(1)}] ` +
          `(FCP ${(r.fcp / 1000).toFixed(2)} s, LCP ${(r.lcp / 1000).toFixed(2)} s, ` +
          `TBT ${r.tbt.toFixed(0)} ms, CLS ${r.cls.toFixed(3)}, SI ${(r.si / 1000).toFixed(2)} s, ` +
          `scripts ${r.scriptKb.toFixed(0)} kB sent)`,
      )
    }
    const score = median(results.map((r) => r.score))
    const pick = (k) => median(results.map((r) => r[k]))
    summary.push({
      preset,
      page: page.name,
      score,
      fcp: pick('fcp'),
      lcp: pick('lcp'),
      tbt: pick('tbt'),
      cls: pick('cls'),
      load: results.map((r) => r.load.toFixed(1)).join('/'),
      target: TARGETS[preset],
    })
  }
}

console.log(
  `\nLighthouse ${LIGHTHOUSE.split('@')[1]}, median of ${runs} — ${new Date().toISOString()}`,
)
console.log('| preset | page | score | target | FCP | LCP | TBT | CLS | load average (1 min) |')
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |')
for (const s of summary)
  console.log(
    `| ${s.preset} | ${s.page} | ${s.score.toFixed(2)} | ≥ ${s.target} ${s.score >= s.target ? '✓' : '✗'} | ` +
      `${(s.fcp / 1000).toFixed(2)} s | ${(s.lcp / 1000).toFixed(2)} s | ${s.tbt.toFixed(0)} ms | ${s.cls.toFixed(3)} | ${s.load} |`,
  )
writeFileSync(join(OUT, 'summary.json'), JSON.stringify(summary, null, 2))
// The server we started keeps the event loop alive: stop it, or the script never ends.
if (server?.exitCode === null) server.kill('SIGTERM')
process.exitCode = summary.every((s) => s.score >= s.target) ? 0 : 1
