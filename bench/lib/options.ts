import { existsSync } from 'node:fs'
// Command-line flags shared by `npm run bench:seed` and `npm run bench`.
export const scales = ['S', 'M', 'L'] as const
export type Scale = (typeof scales)[number]

/** The value after `--name` (or `--name=value`), if given. */
export function flag(argv: string[], name: string): string | undefined {
  for (const [i, arg] of argv.entries()) {
    if (arg === `--${name}`) return argv[i + 1]
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3)
  }
  return undefined
}

export function hasFlag(argv: string[], name: string): boolean {
  return argv.includes(`--${name}`)
}

export function scaleOf(argv: string[], fallback: Scale): Scale {
  const given = (flag(argv, 'scale') ?? fallback).toUpperCase()
  if (!(scales as readonly string[]).includes(given)) {
    process.stderr.write(`--scale must be one of ${scales.join(', ')} (got ${given})\n`)
    process.exit(2)
  }
  return given as Scale
}

/** Where Debian's PostgreSQL listens on its local socket. */
const SOCKET_DIR = '/var/run/postgresql'

/**
 * The bench database of a scale: DATABASE_URL when set, else atrium_bench_<scale> on this
 * machine — through PostgreSQL's local socket when there is one, as an app on the database's own
 * machine connects (a round trip over loopback TCP costs both processes more CPU), or over TCP
 * with `--tcp`. The app and the baseline always share the same URL.
 */
export function databaseUrl(scale: Scale, transport: 'socket' | 'tcp' = 'socket'): string {
  const name = `atrium_bench_${scale.toLowerCase()}`
  if (process.env['DATABASE_URL']) return process.env['DATABASE_URL']
  if (transport === 'socket' && existsSync(`${SOCKET_DIR}/.s.PGSQL.5432`))
    return `postgres://postgres@localhost/${name}?host=${encodeURIComponent(SOCKET_DIR)}`
  return `postgres://postgres@127.0.0.1:5432/${name}`
}
