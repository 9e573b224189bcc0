/**
 * Live reads that many askers want at once (fifty supervisors' dashboards refreshing after the
 * same case event): askers of one key share a computation, and never one that started before
 * they asked. An asker who finds a computation running waits for the next one, which starts when
 * the running one ends and serves everyone who asked meanwhile. So each answer reflects the
 * database after its asker arrived (a user sees their own change), and under load a key costs
 * the database at most one computation at a time instead of one per asker. Nothing is kept once
 * a computation ends. Per process.
 */
type Flight<T> = { started: boolean; running: Promise<T>; next?: Promise<T> }

const settled = () => undefined

export function sharedReads<T>() {
  const flights = new Map<string, Flight<T>>()

  const launch = (key: string, load: () => Promise<T>): Promise<T> => {
    const flight: Flight<T> = { started: false, running: Promise.resolve() as Promise<never> }
    flight.running = Promise.resolve().then(() => {
      flight.started = true
      return load()
    })
    flights.set(key, flight)
    void flight.running.then(settled, settled).then(() => {
      if (flights.get(key) === flight) flights.delete(key)
    })
    return flight.running
  }

  return function read(key: string, load: () => Promise<T>): Promise<T> {
    const flight = flights.get(key)
    if (!flight) return launch(key, load)
    // Asked in the same turn as the launch: the computation has not read anything yet.
    if (!flight.started) return flight.running
    flight.next ??= flight.running.then(settled, settled).then(() => launch(key, load))
    return flight.next
  }
}
