// Imported first by main.ts, so that it runs before the rest of the server's code is evaluated:
// starts compiling PGlite's WebAssembly (9 MB) on V8's worker threads while the main thread loads
// the server. Left to PGlite, the compilation would start only when the database opens, and the
// main thread would wait for it then (0.3–0.5 s on a 2-core machine). Only for the embedded
// database: with DATABASE_URL set (config.ts) it does nothing.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { PgliteArtifacts } from './platform/db'

// The WebAssembly global: the server is type-checked without the DOM's types, which declare it.
const { WebAssembly } = globalThis as unknown as {
  WebAssembly: { compile(bytes: Uint8Array): PgliteArtifacts['wasmModule'] }
}

function preload(): PgliteArtifacts | undefined {
  if (process.env['DATABASE_URL']) return undefined
  const require = createRequire(import.meta.url)
  try {
    const wasmModule = WebAssembly.compile(
      readFileSync(require.resolve('@electric-sql/pglite/pglite.wasm')),
    )
    wasmModule.catch(() => {}) // openDatabase awaits it and reports a failure
    return { wasmModule }
  } catch {
    return undefined // PGlite finds its file itself, as without this
  }
}

/** PGlite's wasm, compiling; for openDatabase. */
export const pgliteArtifacts = preload()
