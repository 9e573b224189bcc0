#!/usr/bin/env node
// Bundles the server (server/src/main.ts and the packages it uses) into server/dist/main.mjs with
// esbuild, so `npm start` loads one JavaScript file instead of transpiling ~170 TypeScript files
// through tsx's loader and resolving ~1,700 package files one by one on every start
// (docs/decisions/0005-prebuilt-server-bundle.md). Used by start.mjs; `node scripts/server-build.mjs`
// does the same by hand. Sources and dependencies stay as they are: this is only a faster way to load them.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))

// Two V8 settings for a server on a small machine (docs/decisions/0005), used by `npm start` and by
// the benches that start the bundle as it does:
// `--v8-pool-size`: V8's background threads (garbage collection, optimising compilers) number one
// fewer than the cores, at most Node's default 4, so on 2 cores they no longer take the core the
// server's main thread needs (it waited ~0.5 s for a CPU during each start).
// `--wasm-tiering-budget`: V8 recompiles a wasm function with its optimising compiler once it has
// run this much (roughly, bytes of code executed); 10× V8's default. PostgreSQL's start-up code
// (PGlite) crossed the default by the hundred: over a second of compiling while the server started,
// much of it for code that runs once. The functions that stay hot are still optimised, a little later.
export const SERVER_V8_FLAGS = [
  `--v8-pool-size=${Math.min(4, Math.max(1, availableParallelism() - 1))}`,
  '--wasm-tiering-budget=18000000',
]

const SERVER = join(ROOT, 'server')
// Packages that find files of their own on disk (PGlite its wasm and data, argon2 its native
// binary) or load on demand (exceljs): left in node_modules.
const EXTERNAL = ['@electric-sql/pglite', '@node-rs/argon2', 'exceljs', 'pg-native']
// Bundled, but they find the files they serve from `__dirname`: each of their modules is given the
// folder it has in node_modules (resolved when the server starts) instead of server/dist. Left in
// node_modules, swagger-ui loaded a second copy of yaml and @fastify/static file by file on every
// start (117 modules, ~0.1 s on the 2-core machine).
const DIRNAME_PACKAGES = ['@fastify/swagger-ui']
export const SERVER_BUNDLE = join(SERVER, 'dist', 'main.mjs')
// What the bundle is made of; the lockfile too, so a dependency bump rebuilds.
const SOURCES = [
  join(SERVER, 'src'),
  join(SERVER, 'package.json'),
  join(ROOT, 'package-lock.json'),
  fileURLToPath(import.meta.url),
]

function newestMtime(path) {
  let stat
  try {
    stat = statSync(path)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs // a deleted file bumps its folder's mtime
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/** Why the server needs bundling, or null when server/dist is up to date. */
export function serverBuildReason() {
  if (!existsSync(SERVER_BUNDLE)) return 'server/dist is missing'
  const built = statSync(SERVER_BUNDLE).mtimeMs
  return SOURCES.some((s) => newestMtime(s) > built) ? 'the server sources changed' : null
}

/** The esbuild plugin behind DIRNAME_PACKAGES. */
const packageDirnames = {
  name: 'package-dirnames',
  setup(build) {
    for (const name of DIRNAME_PACKAGES) {
      const inPackage = `${sep}node_modules${sep}${name.replaceAll('/', sep)}${sep}`
      build.onLoad({ filter: /\.js$/ }, async ({ path }) => {
        const at = path.lastIndexOf(inPackage)
        if (at < 0) return undefined
        const folder = relative(path.slice(0, at + inPackage.length), dirname(path))
        const contents = await readFile(path, 'utf8')
        const dirnameOf = `__atriumPackageDir(${JSON.stringify(name)}, ${JSON.stringify(folder)})`
        return { contents: `var __dirname = ${dirnameOf};\n${contents}`, loader: 'js' }
      })
    }
  },
}

/** Bundles server/src/main.ts; returns true on success. */
export async function buildServer() {
  // esbuild comes with tsx (a dependency of the server), and is a dependency of the server itself.
  const require = createRequire(join(SERVER, 'package.json'))
  const { build } = await import(require.resolve('esbuild'))
  try {
    await build({
      entryPoints: [join(SERVER, 'src', 'main.ts')],
      outfile: SERVER_BUNDLE,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'linked',
      // Without whitespace and comments the bundle is a third smaller and pure ASCII: V8 reads it as
      // a one-byte string (a comment with an "é" made all 6 MB two-byte) and parses it sooner.
      // Names are kept (no identifier minification); the map still points at server/src. Licence
      // comments go to main.mjs.LEGAL.txt.
      minifyWhitespace: true,
      legalComments: 'external',
      logLevel: 'warning',
      external: EXTERNAL.flatMap((name) => [name, `${name}/*`]),
      plugins: [packageDirnames],
      // Bundled CommonJS packages call require() and read __dirname: give the ES module both.
      banner: {
        js: [
          "import { createRequire as __atriumRequire } from 'node:module'",
          "import { dirname as __atriumDirname, join as __atriumJoin } from 'node:path'",
          "import { fileURLToPath as __atriumPath } from 'node:url'",
          'const require = __atriumRequire(import.meta.url)',
          'const __filename = __atriumPath(import.meta.url)',
          'const __dirname = __atriumDirname(__filename)',
          'const __atriumPackageDir = (name, folder) =>' +
            " __atriumJoin(__atriumDirname(require.resolve(name + '/package.json')), folder)",
        ].join(';'),
      },
    })
    return true
  } catch (error) {
    console.error(`Bundling the server failed: ${error instanceof Error ? error.message : error}`)
    return false
  }
}

/** Bundles only when needed; prints one line saying why. Returns true when the bundle is usable. */
export async function ensureServerBuild() {
  const reason = serverBuildReason()
  if (!reason) return true
  console.log(`Building the server once (${reason}) …`)
  return buildServer()
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exit((await ensureServerBuild()) ? 0 : 1)
}
