// The one source of "now". Tests move it to reach a deadline; nothing calls Date.now() directly.
export type Clock = { now(): Date }

export const systemClock: Clock = { now: () => new Date() }

export function fixedClock(start: Date): Clock & { set(d: Date): void; advance(ms: number): void } {
  let current = new Date(start)
  return {
    now: () => new Date(current),
    set: (d) => {
      current = new Date(d)
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms)
    },
  }
}

/** Real time moved by an offset: what the journeys use to reach a day months ahead. */
export function shiftableClock(): Clock & { setNow(d: Date | null): void } {
  let offset = 0
  return {
    now: () => new Date(Date.now() + offset),
    setNow: (d) => {
      offset = d ? d.getTime() - Date.now() : 0
    },
  }
}
