import { describe, expect, it } from 'vitest'
import { sharedReads } from './shared-reads'

/** A load whose computations end only when the test says so; each returns its ordinal. */
function setup() {
  const read = sharedReads<number>()
  const ends: (() => void)[] = []
  const fails: ((e: Error) => void)[] = []
  let started = 0
  const load = () =>
    new Promise<number>((resolve, reject) => {
      const n = ++started
      ends.push(() => resolve(n))
      fails.push(reject)
    })
  const tick = () => new Promise((r) => setTimeout(r, 0))
  return { ask: (key = 'k') => read(key, load), ends, fails, started: () => started, tick }
}

describe('shared reads', () => {
  it('askers at the same moment share one computation', async () => {
    const s = setup()
    const answers = Promise.all([s.ask(), s.ask(), s.ask()])
    await s.tick()
    expect(s.started()).toBe(1)
    s.ends[0]!()
    expect(await answers).toEqual([1, 1, 1])
  })

  it('an asker who finds a computation running gets the next one, started after it asked', async () => {
    const s = setup()
    const first = s.ask()
    await s.tick()
    const late = [s.ask(), s.ask()]
    await s.tick()
    expect(s.started()).toBe(1)
    s.ends[0]!()
    expect(await first).toBe(1)
    await s.tick()
    expect(s.started()).toBe(2)
    s.ends[1]!()
    expect(await Promise.all(late)).toEqual([2, 2])
  })

  it('nothing is kept once a computation ends', async () => {
    const s = setup()
    const a = s.ask()
    await s.tick()
    s.ends[0]!()
    expect(await a).toBe(1)
    const b = s.ask()
    await s.tick()
    s.ends[1]!()
    expect(await b).toBe(2)
  })

  it('keys are apart; a failure is the error of that computation’s askers only', async () => {
    const s = setup()
    const a = s.ask('a')
    const b = s.ask('b')
    await s.tick()
    expect(s.started()).toBe(2)
    const waiting = s.ask('a')
    s.fails[0]!(new Error('database gone'))
    await expect(a).rejects.toThrow('database gone')
    await s.tick()
    s.ends[2]!()
    expect(await waiting).toBe(3)
    s.ends[1]!()
    expect(await b).toBe(2)
  })
})
