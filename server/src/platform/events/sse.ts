import type { FastifyReply, FastifyRequest } from 'fastify'

// Server-sent events over a hijacked reply: `retry:` first, a comment line as heartbeat so that
// proxies keep the connection open, JSON data, and one clean-up path however the stream ends.

export type SseStream = {
  /** Sends one event with JSON data; does nothing once the stream has ended. */
  send(event: string, data: unknown): void
  readonly closed: boolean
  /** Runs once when the stream ends, whoever ends it (the client, the server, a write error). */
  onClose(listener: () => void): void
  close(): void
}

export type SseOptions = {
  /** Between heartbeats; proxies commonly drop a connection silent for 30–60 s. */
  heartbeatMs?: number
  /** How long the browser waits before reconnecting after the stream ends. */
  retryMs?: number
  /** Called at each heartbeat, e.g. to check that the session still lives. */
  onHeartbeat?: () => void
}

export const HEARTBEAT_MS = 25_000
export const RETRY_MS = 5_000
/** A client this far behind is cut off; it reconnects and reloads what it shows. */
const MAX_BUFFERED_BYTES = 1024 * 1024

export function openSseStream(
  request: FastifyRequest,
  reply: FastifyReply,
  options: SseOptions = {},
): SseStream {
  const raw = reply.raw
  reply.hijack()
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx buffers responses unless told otherwise
    'x-accel-buffering': 'no',
    'x-request-id': request.id,
  })

  let closed = false
  const listeners: (() => void)[] = []

  const write = (text: string) => {
    if (closed) return
    raw.write(text)
    if (raw.writableLength > MAX_BUFFERED_BYTES) end()
  }

  const heartbeat = setInterval(() => {
    write(': heartbeat\n\n')
    if (!closed) options.onHeartbeat?.()
  }, options.heartbeatMs ?? HEARTBEAT_MS)

  function end() {
    if (closed) return
    closed = true
    clearInterval(heartbeat)
    request.raw.off('close', end)
    raw.off('close', end)
    raw.off('error', end)
    if (!raw.writableEnded) raw.end()
    for (const listener of listeners.splice(0)) listener()
  }

  request.raw.on('close', end)
  raw.on('close', end)
  raw.on('error', end)
  write(`retry: ${options.retryMs ?? RETRY_MS}\n\n`)

  return {
    send(event, data) {
      // JSON.stringify never yields a line break, so one `data:` line holds the whole value.
      write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
    },
    get closed() {
      return closed
    },
    onClose(listener) {
      if (closed) listener()
      else listeners.push(listener)
    },
    close: end,
  }
}
