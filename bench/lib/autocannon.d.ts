// The part of autocannon's API the bench uses (the package ships no types; @types/autocannon is
// not installed to keep the dependency list to the one tool).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  export type Request = {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    setupRequest?: (req: Request, context: Record<string, unknown>) => Request
  }
  export type Options = {
    url: string
    connections?: number
    duration?: number
    amount?: number
    timeout?: number
    requests?: Request[]
  }
  export type Result = {
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    requests: { total: number; average: number }
  }
  export type Instance = EventEmitter
  export default function autocannon(
    options: Options,
    done: (error: Error | null, result: Result) => void,
  ): Instance
}
