import { EventEmitter } from 'node:events'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openSseStream } from './sse'

// A response that records what is written, and a request whose socket can "close".
function fakeExchange() {
  const written: string[] = []
  const res = Object.assign(new EventEmitter(), {
    headers: {} as Record<string, string>,
    writableLength: 0,
    writableEnded: false,
    writeHead(status: number, headers: Record<string, string>) {
      res.headers = { ...headers, status: String(status) }
    },
    write(text: string) {
      written.push(text)
      return true
    },
    end() {
      res.writableEnded = true
    },
  })
  const req = Object.assign(new EventEmitter(), {})
  const reply = { raw: res, hijack: vi.fn() } as unknown as FastifyReply
  const request = { id: 'req-1', raw: req } as unknown as FastifyRequest
  return { written, res, req, reply, request }
}

describe('server-sent event streams', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  it('take over the reply with event-stream headers and a retry hint first', () => {
    const x = fakeExchange()
    openSseStream(x.request, x.reply, { retryMs: 3000 })
    expect(x.reply.hijack).toHaveBeenCalled()
    expect(x.res.headers).toMatchObject({
      status: '200',
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-request-id': 'req-1',
    })
    expect(x.written).toEqual(['retry: 3000\n\n'])
  })

  it('frame each event as its name and one line of JSON', () => {
    const x = fakeExchange()
    const stream = openSseStream(x.request, x.reply)
    stream.send('case', { caseId: 'c1', note: 'line\nbreak' })
    expect(x.written.at(-1)).toBe('event: case\ndata: {"caseId":"c1","note":"line\\nbreak"}\n\n')
  })

  it('send a heartbeat comment every 25 s and ask for a session check each time', () => {
    const x = fakeExchange()
    const onHeartbeat = vi.fn()
    openSseStream(x.request, x.reply, { onHeartbeat })
    vi.advanceTimersByTime(24_999)
    expect(x.written).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(x.written.at(-1)).toBe(': heartbeat\n\n')
    vi.advanceTimersByTime(50_000)
    expect(x.written.filter((w) => w.startsWith(':'))).toHaveLength(3)
    expect(onHeartbeat).toHaveBeenCalledTimes(3)
  })

  it('clean up once when the client goes away: no timer, no listener, close hooks run once', () => {
    const x = fakeExchange()
    const stream = openSseStream(x.request, x.reply)
    const closed = vi.fn()
    stream.onClose(closed)
    expect(vi.getTimerCount()).toBe(1)
    x.req.emit('close')
    x.res.emit('close')
    expect(closed).toHaveBeenCalledTimes(1)
    expect(stream.closed).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
    expect(x.req.listenerCount('close') + x.res.listenerCount('close')).toBe(0)
    expect(x.res.listenerCount('error')).toBe(0)
    stream.send('case', {})
    expect(x.written).toHaveLength(1)
  })

  it('end from the server side too, and run a close hook added afterwards at once', () => {
    const x = fakeExchange()
    const stream = openSseStream(x.request, x.reply)
    stream.close()
    expect(x.res.writableEnded).toBe(true)
    const late = vi.fn()
    stream.onClose(late)
    expect(late).toHaveBeenCalledOnce()
  })

  it('cut off a client that stops reading, rather than buffer without end', () => {
    const x = fakeExchange()
    const stream = openSseStream(x.request, x.reply)
    x.res.writableLength = 2 * 1024 * 1024
    stream.send('case', {})
    expect(stream.closed).toBe(true)
  })
})
