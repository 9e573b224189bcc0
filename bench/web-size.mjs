#!/usr/bin/env node
// How much JavaScript the staff console's first pages load: the sign-in page (/login) and the case
// queue (/cases, signed in as cs.agent). Two views of web/dist:
//   1. static: every chunk's size (raw, gzip -9, brotli) and the entry's closure — index.html's
//      script, its modulepreloads and every chunk they import statically;
//   2. in a browser: the server is started on web/dist, Chromium (Debian's, through Playwright)
//      opens each page cold, and every script it requests is counted, with its gzip size and the
//      bytes the server actually sent.
//
//   node bench/web-size.mjs [--build] [--no-browser] [--port 3919] [--json out.json]
//
// Target (issue 7): the first page ≤ 250 kB of JavaScript, gzip.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DIST = join(ROOT, 'web', 'dist')
const ASSETS = join(DIST, 'assets')
const TARGET_KB = 250
const { values: args } = parseArgs({
  options: {
    build: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    port: { type: 'string', default: '3919' },
    json: { type: 'string' },
  },
})

if (args.build || !existsSync(join(DIST, 'index.html'))) {
  const r = spawnSync('npm', ['run', 'build', '--workspace', 'web'], {
    cwd: ROOT,
    stdio: 'inherit',
  })
  if (r.status !== 0) process.exit(1)
}

const kB = (n) => (n / 1024).toFixed(1)
const sizes = new Map()
function sizeOf(file) {
  let s = sizes.get(file)
  if (!s) {
    const raw = readFileSync(join(ASSETS, file))
    s = {
      raw: raw.length,
      gzip: gzipSync(raw, { level: 9 }).length,
      brotli: brotliCompressSync(raw, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length,
    }
    sizes.set(file, s)
  }
  return s
}
const sum = (files, key) => files.reduce((n, f) => n + sizeOf(f)[key], 0)

// ------------------------------------------------------------------ static
const staticImport = /(?:\bfrom|\bimport)\s*["']\.\/([\w.-]+\.js)["']/g
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen
  seen.add(file)
  for (const m of readFileSync(join(ASSETS, file), 'utf8').matchAll(staticImport))
    closure(m[1], seen)
  return seen
}
const html = readFileSync(join(DIST, 'index.html'), 'utf8')
const fromHtml = [...html.matchAll(/(?:src|href)="\/assets\/([\w.-]+\.js)"/g)].map((m) => m[1])
const entryFiles = [...fromHtml.reduce((seen, f) => closure(f, seen), new Set())]
const allJs = readdirSync(ASSETS).filter((f) => f.endsWith('.js'))

console.log(`web/dist: ${allJs.length} JavaScript chunks, ${kB(sum(allJs, 'gzip'))} kB gzip in all`)
console.log('largest chunks (kB raw / gzip / brotli):')
for (const f of [...allJs].sort((a, b) => sizeOf(b).gzip - sizeOf(a).gzip).slice(0, 12))
  console.log(
    `  ${kB(sizeOf(f).raw).padStart(7)} ${kB(sizeOf(f).gzip).padStart(6)} ${kB(sizeOf(f).brotli).padStart(6)}  ${f}`,
  )
console.log(
  `entry (index.html + static imports): ${entryFiles.length} chunks, ` +
    `${kB(sum(entryFiles, 'raw'))} kB raw, ${kB(sum(entryFiles, 'gzip'))} kB gzip, ${kB(sum(entryFiles, 'brotli'))} kB brotli`,
)
const report = {
  date: new Date().toISOString(),
  chunks: allJs.length,
  entry: {
    files: entryFiles.length,
    gzip: sum(entryFiles, 'gzip'),
    brotli: sum(entryFiles, 'brotli'),
  },
  pages: {},
}

// ------------------------------------------------------------------ browser
if (!args['no-browser']) {
  const { chromium } = await import('playwright-core')
  const port = Number(args.port)
  const base = `http://127.0.0.1:${port}`
  const dataDir = mkdtempSync(join(tmpdir(), 'atrium-web-size-'))
  const server = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ATRIUM_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const stop = () => {
    if (server.exitCode === null) server.kill('SIGTERM')
  }
  process.on('exit', () => {
    stop()
    rmSync(dataDir, { recursive: true, force: true })
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
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'cs.agent', password: 'demo1234' }),
  })
  if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`)
  const cookies = login.headers.getSetCookie().map((c) => {
    const [pair] = c.split(';')
    const eq = pair.indexOf('=')
    return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: base }
  })

  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  })
  async function page(name, path, signedIn) {
    const context = await browser.newContext()
    if (signedIn) await context.addCookies(cookies)
    const p = await context.newPage()
    const pending = []
    p.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script') return
      pending.push(
        (async () => {
          const url = new URL(request.url())
          const sent = (await request.sizes()).responseBodySize
          const encoding = (await request.response())?.headers()['content-encoding'] ?? 'identity'
          return { file: url.pathname.replace('/assets/', ''), sent, encoding }
        })().catch(() => null), // finished as the page closed: not counted
      )
    })
    await p.goto(base + path, { waitUntil: 'networkidle' })
    await p.waitForTimeout(500)
    const scripts = (await Promise.all(pending)).filter(Boolean)
    await context.close()
    const files = scripts.map((s) => s.file).filter((f) => existsSync(join(ASSETS, f)))
    const result = {
      path,
      scripts: files.length,
      raw: sum(files, 'raw'),
      gzip: sum(files, 'gzip'),
      brotli: sum(files, 'brotli'),
      sent: scripts.reduce((n, s) => n + s.sent, 0),
      encodings: [...new Set(scripts.map((s) => s.encoding))],
      files,
    }
    report.pages[name] = result
    const verdict = result.gzip <= TARGET_KB * 1024 ? 'meets' : 'MISSES'
    console.log(
      `${name} (${path}): ${result.scripts} scripts, ${kB(result.raw)} kB raw, ${kB(result.gzip)} kB gzip, ` +
        `${kB(result.brotli)} kB brotli; sent ${kB(result.sent)} kB (${result.encodings.join(', ')}) — ${verdict} ≤ ${TARGET_KB} kB gzip`,
    )
    return result
  }
  await page('sign-in', '/login', false)
  await page('case queue', '/cases', true)
  await browser.close()
  stop()
}
if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 2))
