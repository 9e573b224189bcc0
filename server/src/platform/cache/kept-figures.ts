/**
 * Figures that are expensive to compute and may be a little old: each key's value is kept for
 * `ttlMs`. The first asker of a key waits for it (askers at the same moment share one
 * computation); once the value is older than `ttlMs`, askers get it at once while one refresh
 * runs behind them, and the next askers get the new value. A failed refresh keeps the old value
 * (the next asker tries again); a failed first computation is the asker's error. With `ttlMs` 0
 * nothing is kept. Per process: every instance keeps its own.
 */
export type Kept<T> = { value: T; at: Date }

type Entry<T> = { kept?: Kept<T>; pending?: Promise<Kept<T>> }

export function keptFigures<T>(options: { ttlMs: number; now: () => Date; maxKeys?: number }) {
  const { ttlMs, now } = options
  const maxKeys = options.maxKeys ?? 500
  const entries = new Map<string, Entry<T>>()

  const compute = (key: string, entry: Entry<T>, load: () => Promise<T>) => {
    const at = now()
    const pending = load().then(
      (value) => {
        const kept = { value, at }
        entry.kept = kept
        return kept
      },
      (error: unknown) => {
        if (!entry.kept) entries.delete(key)
        throw error
      },
    )
    entry.pending = pending
    void pending.then(
      () => (entry.pending = undefined),
      () => (entry.pending = undefined),
    )
    return pending
  }

  return async function figures(key: string, load: () => Promise<T>): Promise<Kept<T>> {
    if (ttlMs <= 0) return { value: await load(), at: now() }
    let entry = entries.get(key)
    if (!entry) {
      if (entries.size >= maxKeys) {
        const oldest = entries.keys().next().value
        if (oldest !== undefined) entries.delete(oldest)
      }
      entry = {}
      entries.set(key, entry)
    }
    const { kept } = entry
    if (!kept) return entry.pending ?? compute(key, entry, load)
    if (now().getTime() - kept.at.getTime() >= ttlMs && !entry.pending)
      compute(key, entry, load).catch(() => {})
    return kept
  }
}
