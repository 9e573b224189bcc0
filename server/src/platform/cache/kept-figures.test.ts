import { describe, expect, it } from 'vitest'
import { keptFigures } from './kept-figures'

function setup(ttlMs: number) {
  let t = Date.parse('2026-11-30T02:00:00Z')
  let calls = 0
  let fail = false
  const figures = keptFigures<number>({ ttlMs, now: () => new Date(t) })
  const load = async () => {
    calls += 1
    await Promise.resolve()
    if (fail) throw new Error('database gone')
    return calls
  }
  return {
    ask: (key = 'k') => figures(key, load),
    advance: (ms: number) => (t += ms),
    calls: () => calls,
    failing: (on: boolean) => (fail = on),
  }
}

describe('kept figures', () => {
  it('askers at the same moment share one computation', async () => {
    const s = setup(30_000)
    const [a, b, c] = await Promise.all([s.ask(), s.ask(), s.ask()])
    expect([a.value, b.value, c.value]).toEqual([1, 1, 1])
    expect(s.calls()).toBe(1)
  })

  it('within the time to keep, the kept value; after it, the kept value at once and a refresh behind', async () => {
    const s = setup(30_000)
    await s.ask()
    s.advance(29_999)
    expect((await s.ask()).value).toBe(1)
    expect(s.calls()).toBe(1)
    s.advance(1)
    const stale = await s.ask()
    expect(stale.value).toBe(1)
    expect(stale.at.toISOString()).toBe('2026-11-30T02:00:00.000Z')
    await new Promise((r) => setTimeout(r, 0))
    const fresh = await s.ask()
    expect(fresh.value).toBe(2)
    expect(fresh.at.toISOString()).toBe('2026-11-30T02:00:30.000Z')
    expect(s.calls()).toBe(2)
  })

  it('keys are kept apart', async () => {
    const s = setup(30_000)
    expect((await s.ask('a')).value).toBe(1)
    expect((await s.ask('b')).value).toBe(2)
    expect((await s.ask('a')).value).toBe(1)
  })

  it('a failed first computation is the asker’s error and is not kept; a failed refresh keeps the old value', async () => {
    const s = setup(30_000)
    s.failing(true)
    await expect(s.ask()).rejects.toThrow('database gone')
    s.failing(false)
    expect((await s.ask()).value).toBe(2)
    s.advance(30_000)
    s.failing(true)
    expect((await s.ask()).value).toBe(2)
    await new Promise((r) => setTimeout(r, 0))
    expect((await s.ask()).value).toBe(2)
  })

  it('with nothing to keep, every asker computes', async () => {
    const s = setup(0)
    expect((await s.ask()).value).toBe(1)
    expect((await s.ask()).value).toBe(2)
  })
})
