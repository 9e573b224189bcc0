// The real server as a child process (`node --import tsx src/main.ts`), and a small HTTP client
// that signs in the way the web console does: session cookie, CSRF cookie echoed in a header.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const SERVER_ROOT = fileURLToPath(new URL('../../..', import.meta.url))

export type ServerProcess = {
  port: number
  url: string
  child: ChildProcess
  /** What the process wrote, for a failure message. */
  output: () => string
  kill9: () => Promise<void>
  stop: () => Promise<void>
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

// Children still running when a test file ends (a failed assertion skips the stop): ended then.
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/** Kills every server this file started that is still running. */
export async function stopAllServers() {
  await Promise.all(
    [...running].map(async (child) => {
      child.kill('SIGKILL')
      await exited(child)
    }),
  )
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })

/** Starts the server with env on a free port and resolves once GET /api/health answers 200. */
export async function startServer(env: Record<string, string>, timeoutMs = 180_000) {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ATRIUM_DEMO: 'auto',
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  child.once('exit', () => running.delete(child))
  let log = ''
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const url = `http://127.0.0.1:${port}`
  const server: ServerProcess = {
    port,
    url,
    child,
    output: () => log,
    kill9: async () => {
      child.kill('SIGKILL')
      await exited(child)
    },
    stop: async () => {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited(child)
      clearTimeout(timer)
    },
  }
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`the server exited ${child.exitCode}:\n${log}`)
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) })
      if (res.status === 200) return server
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  child.kill('SIGKILL')
  throw new Error(`the server did not answer within ${timeoutMs} ms:\n${log}`)
}

export type Http = {
  cookie: string
  request: (
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<{ status: number; body: Record<string, unknown> }>
}

/** Signs a demo user in on a running server. */
export async function signInOver(url: string, username: string, password = 'demo1234') {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (res.status !== 200)
    throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`)
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!)
  const csrf = cookies.find((c) => c.startsWith('atrium_csrf='))?.slice('atrium_csrf='.length) ?? ''
  const cookie = cookies.join('; ')
  const http: Http = {
    cookie,
    request: async (method, path, body, headers = {}) => {
      const r = await fetch(`${url}${path}`, {
        method,
        headers: {
          cookie,
          ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(30_000),
      })
      const text = await r.text()
      let parsed: Record<string, unknown> = {}
      try {
        parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {}
      } catch {
        parsed = { text }
      }
      return { status: r.status, body: parsed }
    },
  }
  return http
}
