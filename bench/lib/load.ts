// One scenario under autocannon: 16 connections, each response's latency kept so that p50, p95
// and p99 are exact (autocannon's own summary has p97.5, not p95).
import autocannon, { type Request, type Result } from 'autocannon'

export type Scenario = {
  name: string
  kind: 'read' | 'write' | 'baseline-read' | 'baseline-write'
  url: string
  request: Request
  /** A fixed number of requests (each uses up a fixture) instead of a duration. */
  amount?: number
  /** Seconds of unmeasured load first (JIT, caches, pools). */
  warmup?: number
}

export type Figures = {
  name: string
  kind: Scenario['kind']
  requests: number
  seconds: number
  rps: number
  p50: number
  p95: number
  p99: number
  non2xx: number
  errors: number
  statuses: Record<string, number>
}

export const CONNECTIONS = 16

function percentile(sorted: Float64Array, p: number) {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank] ?? Number.NaN
}

function fire(scenario: Scenario, duration: number, measure: boolean) {
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  return new Promise<{
    result: Result
    latencies: number[]
    statuses: Record<string, number>
  }>((resolve, reject) => {
    const instance = autocannon(
      {
        url: scenario.url,
        connections: CONNECTIONS,
        timeout: 30,
        requests: [scenario.request],
        ...(scenario.amount !== undefined && measure ? { amount: scenario.amount } : { duration }),
      },
      (error, result) => (error ? reject(error) : resolve({ result, latencies, statuses })),
    )
    if (measure)
      instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
        latencies.push(ms)
        statuses[status] = (statuses[status] ?? 0) + 1
      })
  })
}

export async function runScenario(scenario: Scenario, duration: number): Promise<Figures> {
  if (scenario.warmup) await fire(scenario, scenario.warmup, false)
  const { result, latencies, statuses } = await fire(scenario, duration, true)
  const sorted = Float64Array.from(latencies).sort()
  const non2xx = Object.entries(statuses)
    .filter(([status]) => !status.startsWith('2'))
    .reduce((sum, [, n]) => sum + n, 0)
  return {
    name: scenario.name,
    kind: scenario.kind,
    requests: latencies.length,
    seconds: result.duration,
    rps: latencies.length / Math.max(result.duration, 0.001),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    non2xx,
    errors: result.errors + result.timeouts,
    statuses,
  }
}
