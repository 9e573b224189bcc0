// `npm start` runs the server from its esbuild bundle (server/dist) without `--enable-source-maps`:
// with that flag Node reads the bundle's 11 MB source map on every start and decodes it at the
// first stack trace, which Fastify takes at boot to name its plugins — about a second of a 2-core
// machine's start (docs/decisions/0005). Instead, the stacks we log are mapped back to server/src
// here, and the map is read once, when the first one is logged (a few hundred milliseconds then).
// Run from the sources (tsx, vitest) there is nothing to map and the stacks pass through.
import { readFileSync } from 'node:fs'
import { SourceMap } from 'node:module'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import pino from 'pino'

// In the bundle this is server/dist; from the sources, server/src (whose .ts frames never match).
const bundleDir = dirname(fileURLToPath(import.meta.url))
const FRAME = /(?:file:\/\/)?(\/[^\s()]+?\.[cm]?js):(\d+):(\d+)/g
const maps = new Map<string, SourceMap | null>()

function mapOf(file: string): SourceMap | null {
  let map = maps.get(file)
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')))
    } catch {
      map = null // no map beside the file: its frames stay as they are
    }
    maps.set(file, map)
  }
  return map
}

/**
 * A stack with the frames of the bundle (files in `dir`, server/dist when bundled) pointing at
 * server/src files and lines, as Node's flag would.
 */
export function sourceMappedStack(stack: string, dir: string = bundleDir): string {
  return stack.replace(FRAME, (frame, file: string, line: string, column: string) => {
    if (!file.startsWith(`${dir}/`)) return frame
    const entry = mapOf(file)?.findEntry(Number(line) - 1, Number(column) - 1)
    if (!entry || !('originalSource' in entry)) return frame
    const source = entry.originalSource.startsWith('file:')
      ? fileURLToPath(entry.originalSource)
      : resolve(dirname(file), entry.originalSource)
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`
  })
}

/** Pino's error serializer, the stack mapped back to server/src. */
export function serializeError(error: Error) {
  const serialized = pino.stdSerializers.err(error)
  if (typeof serialized?.stack === 'string') serialized.stack = sourceMappedStack(serialized.stack)
  return serialized
}
