#!/usr/bin/env node
// `npm test`: every check the project has, in order, with each tool's own output streamed.
// A failing stage does not stop the run (you see all the failures at once); only a stage
// whose precondition failed is skipped (no browser → no e2e), and that counts as a failure.
//
//   typecheck   tsc -p server | web | e2e             1 check each
//   lint        eslint . ; prettier --check .         1 check each
//   unit        vitest --project unit (server/)       counts from vitest's JSON report
//   integration vitest --project integration, PGlite
//   postgres    the integration project again on a real PostgreSQL (skipped loudly if none;
//               under CI=true|1 a missing server is a failure)
//   reliability vitest --project reliability, short form (RELIABILITY=full: the long one):
//               PGlite — fuzz every route, kill -9; PostgreSQL (as the postgres
//               stage: skipped loudly if none, a failure under CI) — concurrency, kill -9, three
//               instances. `npm run test:reliability` is this stage alone.
//   e2e         system deps, web build, Playwright    counts from Playwright's JSON report
//
// The last line printed is the summary, `N passed, N failed[, N skipped]`; exit 1 when
// anything failed. Developers: `npm test -- --only=unit,integration` or `--skip=e2e`.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SERVER = join(ROOT, 'server')
const REPORTS = join(ROOT, '.test-results') // git-ignored
const STAGES = ['typecheck', 'lint', 'unit', 'integration', 'postgres', 'reliability', 'e2e']
const IS_CI = process.env.CI === 'true' || process.env.CI === '1'
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

// ---------------------------------------------------------------- arguments

function parseList(flag) {
  const arg = process.argv.slice(2).find((a) => a.startsWith(`--${flag}=`))
  if (!arg) return null
  const names = arg
    .slice(flag.length + 3)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const unknown = names.filter((n) => !STAGES.includes(n))
  if (unknown.length > 0) {
    console.error(`Unknown stage ${unknown.join(', ')}; the stages are ${STAGES.join(', ')}`)
    process.exit(2)
  }
  return names
}

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(
    `usage: node scripts/test.mjs [--only=a,b] [--skip=a,b]\nstages: ${STAGES.join(', ')}`,
  )
  process.exit(0)
}
const only = parseList('only')
const skip = parseList('skip') ?? []
const selected = STAGES.filter((s) => (only ? only.includes(s) : true) && !skip.includes(s))

// ---------------------------------------------------------------- helpers

const color = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code, text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text)
const bold = (t) => paint(1, t)
const red = (t) => paint(31, t)
const green = (t) => paint(32, t)
const yellow = (t) => paint(33, t)

function heading(text) {
  console.log(`\n${bold(`━━━ ${text} ${'━'.repeat(Math.max(3, 74 - text.length))}`)}`)
}

/** A local binary from node_modules/.bin (fast), else through npx. */
function bin(name) {
  const local = join(ROOT, 'node_modules', '.bin', name)
  return existsSync(local) ? [local] : ['npx', '--no-install', name]
}

/** Runs a command with inherited stdio; resolves to its exit code (signals → 128+n style, 1). */
function run(argv, { cwd = ROOT, env = {} } = {}) {
  return new Promise((resolve) => {
    const [command, ...args] = argv
    const child = spawn(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } })
    child.on('error', (err) => {
      console.error(red(`could not run ${command}: ${err.message}`))
      resolve(127)
    })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

function reportPath(name) {
  mkdirSync(REPORTS, { recursive: true })
  const path = join(REPORTS, `${name}.json`)
  rmSync(path, { force: true }) // a stale report must never stand in for a crashed run
  return path
}

const redact = (url) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')

// ---------------------------------------------------------------- results

/** One row per stage: { stage, passed, failed, skipped, seconds, note } */
const rows = []

async function stage(name, label, body) {
  if (!selected.includes(name)) return
  const started = Date.now()
  const row = { stage: label, passed: 0, failed: 0, skipped: 0, seconds: 0, note: '' }
  rows.push(row)
  try {
    await body(row)
  } catch (err) {
    // a bug in this script must still show as a failure, not as a green run
    console.error(red(`${label}: ${err.stack ?? err}`))
    row.failed += 1
    row.note ||= 'test.mjs error'
  }
  row.seconds = (Date.now() - started) / 1000
}

/** A command that passes or fails as a whole (tsc, eslint, prettier). */
async function check(row, title, argv, options) {
  heading(title)
  const code = await run(argv, options)
  if (code === 0) row.passed += 1
  else {
    row.failed += 1
    row.note = row.note ? `${row.note}; ${title}` : `failed: ${title}`
  }
}

/** Vitest in server/, one project (some of its files), counts from its JSON reporter. */
async function vitest(row, project, env = {}, files = []) {
  const out = reportPath(`vitest-${project}-${env.ATRIUM_TEST_DB ?? 'default'}`)
  heading(
    `vitest --project ${project}${env.ATRIUM_TEST_DB ? ` (ATRIUM_TEST_DB=${env.ATRIUM_TEST_DB})` : ''}`,
  )
  const argv = [
    ...bin('vitest'),
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
    ...files,
  ]
  const code = await run(argv, { cwd: SERVER, env })
  const report = readJson(out)
  if (!report) {
    row.failed += 1
    row.note = `vitest exited ${code} without a JSON report`
    return
  }
  row.passed += report.numPassedTests ?? 0
  row.failed += report.numFailedTests ?? 0
  row.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  // A file that fails to import has no failed *tests*, only a failed suite; an unhandled
  // error fails the run with every test green. Either way the run failed: count it.
  if (code !== 0 && (report.numFailedTests ?? 0) === 0) {
    const suites = report.numFailedTestSuites ?? 0
    row.failed += Math.max(suites, 1)
    row.note =
      suites > 0
        ? `${suites} test file(s) failed to run`
        : report.numTotalTestSuites === 0
          ? 'no test files found'
          : `vitest exited ${code}`
  }
}

/** Does a PostgreSQL server answer at url? Resolves to null when it does, else the reason. */
async function probePostgres(url) {
  let pg
  try {
    // `pg` is a server dependency; resolve it the way server code would
    const require = createRequire(join(SERVER, 'package.json'))
    pg = require('pg')
  } catch {
    return 'the pg package is not installed (npm install)'
  }
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 3000,
    query_timeout: 3000,
  })
  client.on('error', () => {}) // a late socket error must not crash this script
  try {
    await client.connect()
    await client.query('select 1')
    return null
  } catch (err) {
    return err.message || String(err)
  } finally {
    client.end().catch(() => {})
  }
}

function banner(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 4
  const bar = '#'.repeat(width + 4)
  const out = [bar, ...lines.map((l) => `##  ${l.padEnd(width - 2)}##`), bar]
  console.log(yellow(out.join('\n')))
}

// ---------------------------------------------------------------- stages

if (only || skip.length > 0) console.log(`Stages: ${selected.join(', ') || '(none)'}`)

await stage('typecheck', 'typecheck', async (row) => {
  for (const project of ['server', 'web', 'e2e']) {
    await check(row, `tsc -p ${project}`, [...bin('tsc'), '-p', project, '--noEmit'])
  }
})

await stage('lint', 'lint', async (row) => {
  await check(row, 'eslint .', [...bin('eslint'), '.'])
  await check(row, 'prettier --check .', [...bin('prettier'), '--check', '.'])
})

await stage('unit', 'unit', (row) => vitest(row, 'unit'))

await stage('integration', 'integration (PGlite)', (row) =>
  vitest(row, 'integration', { ATRIUM_TEST_DB: 'pglite' }),
)

/** Is PostgreSQL there? If not, says so loudly and counts a skip (a failure under CI). */
async function postgresAnswers(row, url, what) {
  heading(`PostgreSQL at ${redact(url)}`)
  const problem = await probePostgres(url)
  if (problem === null) {
    console.log(`PostgreSQL answers; running ${what} on it.`)
    return true
  }
  banner([
    `THE POSTGRESQL PASS OF ${what.toUpperCase()} WAS SKIPPED`,
    `No PostgreSQL answered at ${redact(url)}:`,
    `  ${problem}`,
    'Only the PGlite pass ran.',
    'Start PostgreSQL 15+ there, or set TEST_DATABASE_URL, and run again.',
    IS_CI ? 'CI is set: this counts as a FAILURE.' : 'Outside CI this is a skip, not a failure.',
  ])
  if (IS_CI) {
    row.failed += 1
    row.note = 'no PostgreSQL (CI)'
  } else {
    row.skipped += 1
    row.note = 'SKIPPED: no PostgreSQL'
  }
  return false
}

await stage('postgres', 'integration (PostgreSQL)', async (row) => {
  const url = process.env.TEST_DATABASE_URL || DEFAULT_PG_URL
  if (await postgresAnswers(row, url, 'the integration project'))
    await vitest(row, 'integration', { ATRIUM_TEST_DB: 'postgres', TEST_DATABASE_URL: url })
})

await stage('reliability', 'reliability', async (row) => {
  const full = process.env.RELIABILITY === 'full'
  const dir = 'test/reliability'
  // The short form fuzzes on PGlite only; concurrency runs where it is real (PostgreSQL), and
  // three instances need PostgreSQL. The long form runs every file on both.
  const pgliteFiles = full ? [] : [`${dir}/fuzz`, `${dir}/crash`]
  const postgresFiles = full ? [] : [`${dir}/concurrency`, `${dir}/crash`, `${dir}/multi-instance`]
  await vitest(row, 'reliability', { ATRIUM_TEST_DB: 'pglite' }, pgliteFiles)
  const url = process.env.TEST_DATABASE_URL || DEFAULT_PG_URL
  if (await postgresAnswers(row, url, 'the reliability suite'))
    await vitest(
      row,
      'reliability',
      { ATRIUM_TEST_DB: 'postgres', TEST_DATABASE_URL: url },
      postgresFiles,
    )
})

await stage('e2e', 'e2e', async (row) => {
  heading('system dependencies (chromium, Noto CJK fonts)')
  if ((await run([process.execPath, 'scripts/ensure-system-deps.mjs'])) !== 0) {
    row.failed += 1
    row.note = 'not run: chromium or CJK fonts missing'
    return
  }
  heading('npm run build --workspace web')
  if ((await run(['npm', 'run', 'build', '--workspace', 'web'])) !== 0) {
    row.failed += 1
    row.note = 'not run: the web build failed'
    return
  }
  const out = reportPath('e2e')
  heading('playwright test')
  const code = await run([...bin('playwright'), 'test', '-c', 'e2e/playwright.config.ts'], {
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: out, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  })
  const report = readJson(out)
  const stats = report?.stats
  if (!stats) {
    row.failed += 1
    row.note = `playwright exited ${code} without a JSON report`
    return
  }
  // flaky = failed once, passed on the retry: it passed, and the list output shows it
  row.passed += (stats.expected ?? 0) + (stats.flaky ?? 0)
  row.failed += stats.unexpected ?? 0
  row.skipped += stats.skipped ?? 0
  if (stats.flaky) row.note = `${stats.flaky} flaky`
  // no tests found, a broken config, the web server not starting: no failed test, failed run
  if (code !== 0 && (stats.unexpected ?? 0) === 0) {
    const why = stripVTControlCharacters(String(report.errors?.[0]?.message ?? '')).split('\n')[0]
    row.failed += 1
    row.note = why ? `playwright: ${why.slice(0, 80)}` : `playwright exited ${code}`
  }
})

// ---------------------------------------------------------------- summary

const total = rows.reduce(
  (t, r) => ({
    passed: t.passed + r.passed,
    failed: t.failed + r.failed,
    skipped: t.skipped + r.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
)

heading('summary')
const widest = Math.max(5, ...rows.map((r) => r.stage.length))
console.log(
  `${'stage'.padEnd(widest)}  ${'passed'.padStart(6)}  ${'failed'.padStart(6)}  ${'skipped'.padStart(7)}  ${'time'.padStart(7)}`,
)
for (const r of rows) {
  const passed = String(r.passed).padStart(6)
  const failed = String(r.failed).padStart(6)
  const skipped = String(r.skipped).padStart(7)
  const time = `${r.seconds.toFixed(1)}s`.padStart(7)
  const note = r.note ? `  ${r.failed ? red(r.note) : yellow(r.note)}` : ''
  const name = r.stage.padEnd(widest)
  console.log(
    `${name}  ${r.passed ? green(passed) : passed}  ${r.failed ? red(failed) : failed}  ${skipped}  ${time}${note}`,
  )
}

// The final line is for machines as much as for people: plain, no colour, nothing after it.
const line = `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`
console.log(line)
process.exitCode = total.failed > 0 ? 1 : 0
