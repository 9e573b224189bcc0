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

/** The bench database of a scale: DATABASE_URL when set, else atrium_bench_<scale> on localhost. */
export function databaseUrl(scale: Scale): string {
  return (
    process.env['DATABASE_URL'] ??
    `postgres://postgres@127.0.0.1:5432/atrium_bench_${scale.toLowerCase()}`
  )
}
