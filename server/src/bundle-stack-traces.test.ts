import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sourceMappedStack } from './bundle-stack-traces'

// A two-file "server" bundled the way scripts/server-build.mjs bundles ours, whose error is logged.
let root: string
let stack: string

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'atrium-stacks-'))
  mkdirSync(join(root, 'src'))
  writeFileSync(
    join(root, 'src', 'fail.ts'),
    ['export function failLoudly(): never {', "  throw new Error('refused')", '}', ''].join('\n'),
  )
  writeFileSync(
    join(root, 'src', 'main.ts'),
    [
      "import { failLoudly } from './fail'",
      'try {',
      '  failLoudly()',
      '} catch (error) {',
      '  process.stdout.write(error.stack)',
      '}',
      '',
    ].join('\n'),
  )
  await build({
    entryPoints: [join(root, 'src', 'main.ts')],
    outfile: join(root, 'dist', 'main.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    sourcemap: 'linked',
    minifyWhitespace: true,
    logLevel: 'silent',
  })
  // In a process of its own: vitest maps the stacks of code it runs itself.
  stack = execFileSync(process.execPath, [join(root, 'dist', 'main.mjs')], { encoding: 'utf8' })
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('stack traces of the bundled server', () => {
  it('a logged stack names the source files and lines, not the bundle', () => {
    expect(stack).toContain(join(root, 'dist', 'main.mjs'))
    const mapped = sourceMappedStack(stack, join(root, 'dist'))
    expect(mapped).toContain(`${join(root, 'src', 'fail.ts')}:2:9`)
    expect(mapped).toContain(`${join(root, 'src', 'main.ts')}:3:3`)
    expect(mapped).not.toContain('main.mjs')
    expect(mapped.split('\n')[0]).toBe('Error: refused')
  })

  it('frames outside the bundle (Node, the sources under tsx) are left as they are', () => {
    const elsewhere =
      'Error: x\n    at f (/work/server/src/main.ts:3:3)\n    at node:internal/x:1:1'
    expect(sourceMappedStack(elsewhere, join(root, 'dist'))).toBe(elsewhere)
  })
})
