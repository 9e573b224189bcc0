import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { eq, inArray } from 'drizzle-orm'
import { buildApp, type App } from '../../src/app'
import { outbox, users } from '../../src/db/schema'
import { insertNotifications, notifyUsers } from '../../src/modules/notifications'
import { openPostgres, type Database, type Db } from '../../src/platform/db'
import { startEventBus, type BusEvent, type EventBus } from '../../src/platform/events'
import { enqueue, kickOutbox, type OutboxMessage } from '../../src/platform/outbox'
import { Client, startTestApp, type TestApp } from '../support/app'
import { OTHER_ORG } from '../support/other-org'

// The notification centre over HTTP, the outbox dispatcher, and the live stream over a real
// socket: app.inject cannot read a response that never ends, so the app listens on a free port
// and Node's fetch reads the stream as a browser's EventSource would.

type Notification = {
  id: string
  caseId: string | null
  template: string
  params: Record<string, string | number>
  urgent: boolean
  createdAt: string
  readAt: string | null
}
type Page = { items: Notification[]; nextCursor: string | null }
type Message = { event: string; data: Record<string, unknown> }
type CaseChange = Extract<OutboxMessage, { topic: 'case.changed' }>['payload']

const silent = { info: () => {}, warn: () => {}, error: () => {} }

let t: TestApp
let origin: string
const clients: Record<string, Client> = {}
const streams: Stream[] = []

async function who(username: string) {
  const [row] = await t.db.select().from(users).where(eq(users.username, username))
  if (!row) throw new Error(`no user ${username}`)
  return row
}

async function signedIn(username: string) {
  clients[username] ??= await t.signIn(username)
  return clients[username]
}

/** Notifications written the way the case engine writes them: in a transaction, then a kick. */
async function notify(usernames: string[], template: string, params = {}) {
  // Looked up first: on PGlite a query outside the transaction would wait for it to end.
  const recipients = await Promise.all(usernames.map(who))
  const rows = await t.db.transaction(async (tx) => {
    const written = []
    for (const user of recipients) {
      const input = { orgId: user.orgId, userIds: [user.id], template, params, now: t.clock.now() }
      written.push(...(await notifyUsers(tx, input)))
    }
    return written
  })
  kickOutbox()
  await t.app.outbox.drain()
  return rows
}

async function caseChanged(orgId: string, change: CaseChange) {
  await t.db.transaction((tx) =>
    enqueue(tx, orgId, { topic: 'case.changed', payload: change }, t.clock.now()),
  )
  await t.app.outbox.drain()
}

/** Polls until a condition holds: NOTIFY reaches another connection a moment after commit. */
async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 5000) {
  const end = Date.now() + ms
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** A live stream read over HTTP: its messages in order, and a way to wait for the next one. */
class Stream {
  readonly messages: Message[] = []
  status = 0
  contentType: string | null = null
  retry: number | null = null
  ended = false
  private readonly abort = new AbortController()

  static async open(base: string, client: Client) {
    const stream = new Stream()
    const cookie = Object.entries(client.cookies)
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('; ')
    const res = await fetch(`${base}/api/v1/events`, {
      headers: { cookie, accept: 'text/event-stream' },
      signal: stream.abort.signal,
    })
    stream.status = res.status
    stream.contentType = res.headers.get('content-type')
    if (res.body) void stream.read(res.body)
    streams.push(stream)
    return stream
  }

  private async read(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true })
        let cut: number
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          this.frame(buffer.slice(0, cut))
          buffer = buffer.slice(cut + 2)
        }
      }
    } catch {
      // aborted by close()
    }
    this.ended = true
  }

  private frame(text: string) {
    let event = 'message'
    let data = ''
    for (const line of text.split('\n')) {
      // a line starting with ':' is a comment (the heartbeat): nothing to record
      if (line.startsWith('retry: ')) this.retry = Number(line.slice(7))
      else if (line.startsWith('event: ')) event = line.slice(7)
      else if (line.startsWith('data: ')) data += line.slice(6)
    }
    if (data) this.messages.push({ event, data: JSON.parse(data) as Record<string, unknown> })
  }

  /** The first message of that name that passes `match`, once it has arrived. */
  async next(event: string, match: (data: Record<string, unknown>) => boolean = () => true) {
    let found: Message | undefined
    await until(
      () => {
        found = this.messages.find((m) => m.event === event && match(m.data))
        return found !== undefined
      },
      `a ${event} event after ${JSON.stringify(this.messages)} (ended: ${this.ended})`,
    )
    return found!.data
  }

  /** The messages that came before the first one matching: what a sentinel closes. */
  async before(event: string, match: (data: Record<string, unknown>) => boolean) {
    const sentinel = await this.next(event, match)
    return this.messages.slice(
      0,
      this.messages.findIndex((m) => m.data === sentinel),
    )
  }

  close() {
    this.abort.abort()
  }
}

const templateIs = (template: string) => (data: Record<string, unknown>) =>
  (data.notification as Notification | undefined)?.template === template

beforeAll(async () => {
  t = await startTestApp()
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  const address = t.app.server.address()
  if (!address || typeof address === 'string') throw new Error('not listening on a port')
  origin = `http://127.0.0.1:${address.port}`
})
afterEach(() => {
  for (const stream of streams.splice(0)) stream.close()
})
afterAll(() => t.close())

describe('the notification centre', () => {
  // The demo data's cases may have notified these users already: counts are taken relative.
  const baseline = { guard: 0, head: 0 }
  const unreadOf = async (client: Client) =>
    (await client.get('/api/v1/notifications/unread-count')).json<{ unreadCount: number }>()
      .unreadCount

  beforeAll(async () => {
    baseline.guard = await unreadOf(await signedIn('sec.guard'))
    baseline.head = await unreadOf(await signedIn('sec.head'))
  })

  async function seed(username: string, specs: { template: string; minutes: number }[]) {
    const user = await who(username)
    const base = t.clock.now().getTime()
    return insertNotifications(
      t.db,
      specs.map((s) => ({
        orgId: user.orgId,
        userId: user.id,
        template: s.template,
        params: { number: 'TS-20261129-0001' },
        createdAt: new Date(base - s.minutes * 60_000),
      })),
    )
  }

  it('sec.guard: lists only their own notifications, newest first, page by page', async () => {
    const guard = await signedIn('sec.guard')
    const mine = await seed('sec.guard', [
      { template: 'case.assigned', minutes: 30 },
      { template: 'case.urgent', minutes: 10 },
      { template: 'case.overdue', minutes: 20 },
    ])
    const [theirs] = await seed('sec.head', [{ template: 'case.escalated', minutes: 5 }])
    const first = (await guard.get('/api/v1/notifications?limit=2')).json<Page>()
    expect(first.items.map((n) => n.template)).toEqual(['case.urgent', 'case.overdue'])
    expect(first.items[0]).toEqual({
      id: mine[1]!.id,
      caseId: null,
      template: 'case.urgent',
      params: { number: 'TS-20261129-0001' },
      urgent: false,
      createdAt: new Date(t.clock.now().getTime() - 600_000).toISOString(),
      readAt: null,
    })
    expect(first.nextCursor).not.toBeNull()
    const second = (
      await guard.get(`/api/v1/notifications?limit=2&cursor=${first.nextCursor}`)
    ).json<Page>()
    expect(second.items[0]!.template).toBe('case.assigned')
    const seen = [...first.items, ...second.items].map((n) => n.id)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).not.toContain(theirs!.id)
  })

  it('sec.guard: reads the unread count, marks one read, and filters to the unread', async () => {
    const guard = await signedIn('sec.guard')
    expect(await unreadOf(guard)).toBe(baseline.guard + 3)
    const [newest] = (await guard.get('/api/v1/notifications')).json<Page>().items
    const read = await guard.post(`/api/v1/notifications/${newest!.id}/read`)
    expect(read.statusCode, read.body).toBe(200)
    expect(read.json<Notification>().readAt).toBe(t.clock.now().toISOString())
    expect(await unreadOf(guard)).toBe(baseline.guard + 2)
    // Reading again keeps the first read time.
    t.clock.advance(60_000)
    const again = await guard.post(`/api/v1/notifications/${newest!.id}/read`)
    expect(again.json<Notification>().readAt).toBe(read.json<Notification>().readAt)
    const unread = (await guard.get('/api/v1/notifications?unread=true')).json<Page>()
    expect(unread.items.slice(0, 2).map((n) => n.template)).toEqual([
      'case.overdue',
      'case.assigned',
    ])
    expect(unread.items.every((n) => n.readAt === null)).toBe(true)
  })

  it('sec.guard: marks all read, and nobody else’s', async () => {
    const guard = await signedIn('sec.guard')
    const res = await guard.post('/api/v1/notifications/read-all')
    expect(res.json()).toEqual({ unreadCount: 0 })
    expect((await guard.get('/api/v1/notifications?unread=true')).json<Page>().items).toEqual([])
    expect(await unreadOf(await signedIn('sec.head'))).toBe(baseline.head + 1)
  })

  it('sec.guard: cannot read or mark another user’s notification, of this or another org (404)', async () => {
    const guard = await signedIn('sec.guard')
    const [mine] = await seed('sec.head', [{ template: 'case.commented', minutes: 1 }])
    const [away] = await seed(OTHER_ORG.admin, [{ template: 'case.commented', minutes: 1 }])
    for (const id of [mine!.id, away!.id]) {
      const res = await guard.post(`/api/v1/notifications/${id}/read`)
      expect(res.statusCode).toBe(404)
      expect(res.json()).toMatchObject({ code: 'not_found' })
    }
    const page = (await guard.get('/api/v1/notifications')).json<Page>()
    expect(page.items.map((n) => n.id)).not.toContain(mine!.id)
    const head = await signedIn('sec.head')
    const still = (await head.get('/api/v1/notifications?unread=true')).json<Page>()
    expect(still.items.map((n) => n.id)).toContain(mine!.id)
  })

  it('anyone: cannot read notifications without a session (401)', async () => {
    for (const url of ['/api/v1/notifications', '/api/v1/notifications/unread-count']) {
      const res = await t.anonymous.get(url)
      expect(res.statusCode).toBe(401)
    }
  })
})

describe('the outbox dispatcher', () => {
  let observer: EventBus
  const seen: BusEvent[] = []

  beforeAll(async () => {
    // A second listener on the same database: what every other instance would receive.
    observer = await startEventBus(t.database, silent)
    observer.subscribe((event) => seen.push(event))
  })
  afterAll(() => observer.close())

  const sawNotification = (id: string) =>
    seen.some((e) => e.topic === 'notification.created' && e.payload.notificationId === id)

  it('delivers what a committed transaction wrote, and nothing of a rolled-back one', async () => {
    const head = await who('eng.head')
    const write = (tx: Db) =>
      notifyUsers(tx, {
        orgId: head.orgId,
        userIds: [head.id, head.id],
        caseId: null,
        template: 'case.assigned',
        params: { number: 'TS-1' },
        now: t.clock.now(),
      })
    const [committed] = await t.db.transaction(write)
    let rolledBack: { id: string } | undefined
    await expect(
      t.db.transaction(async (tx) => {
        ;[rolledBack] = await write(tx)
        throw new Error('the use-case failed after writing')
      }),
    ).rejects.toThrow('failed after writing')
    await t.app.outbox.drain()
    await until(() => sawNotification(committed!.id), 'the committed notification')
    expect(sawNotification(rolledBack!.id)).toBe(false)
    const rows = await t.db.select().from(outbox)
    const mine = rows.filter((r) => r.payload.notificationId === committed!.id)
    expect(mine).toHaveLength(1) // the same user twice gets one notification
    expect(mine[0]).toMatchObject({ attempts: 1, lastError: null })
    expect(mine[0]!.deliveredAt).toEqual(t.clock.now())
    expect(rows.some((r) => r.payload.notificationId === rolledBack!.id)).toBe(false)
  })

  it('is woken by kickOutbox() after a commit, and finds rows nobody kicked for by polling', async () => {
    const head = await who('eng.head')
    const [kicked] = await t.db.transaction((tx) =>
      notifyUsers(tx, {
        orgId: head.orgId,
        userIds: [head.id],
        template: 'case.urgent',
        now: t.clock.now(),
      }),
    )
    kickOutbox()
    await until(() => sawNotification(kicked!.id), 'a kicked delivery', 1000)
    // Written as another instance would: no kick reaches this one.
    const [polled] = await t.db.transaction((tx) =>
      notifyUsers(tx, {
        orgId: head.orgId,
        userIds: [head.id],
        template: 'case.urgent',
        now: t.clock.now(),
      }),
    )
    await until(() => sawNotification(polled!.id), 'a polled delivery', 3000)
  })

  it('publishes a batch in one statement, in order, and nothing of a rolled-back one', async () => {
    const head = await who('eng.head')
    const event = (caseId: string): BusEvent =>
      ({
        orgId: head.orgId,
        topic: 'case.changed',
        payload: { caseId, propertyId: 'p', department: null, assigneeId: null, customerId: null },
      }) as BusEvent
    const bus = t.app.eventBus!
    const batch = ['batch-1', 'batch-2', 'batch-3'].map(event)
    await expect(
      t.db.transaction(async (tx) => {
        await bus.publishAll([event('batch-rolled-back')], tx)
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    await bus.publishAll([])
    await t.db.transaction((tx) => bus.publishAll(batch, tx))
    await until(() => seen.some((e) => e.payload.caseId === 'batch-3'), 'the batch')
    const ids = seen.map((e) => e.payload.caseId).filter((id) => String(id).startsWith('batch-'))
    expect(ids).toEqual(['batch-1', 'batch-2', 'batch-3'])
    // One too large is refused before anything is sent.
    await expect(bus.publishAll([event('batch-4'), event('x'.repeat(9000))])).rejects.toThrow(
      /exceeds the NOTIFY limit/,
    )
  })

  it('keeps a message it cannot publish, with its attempts and error, and delivers the rest', async () => {
    const head = await who('eng.head')
    const huge = { caseId: 'x'.repeat(9000), propertyId: 'p', department: null }
    const payload = { ...huge, assigneeId: null, customerId: null, state: 's', change: 'c' }
    const fine = { ...payload, caseId: 'fine-case' }
    await t.db.transaction(async (tx) => {
      await enqueue(tx, head.orgId, { topic: 'case.changed', payload }, t.clock.now())
      await enqueue(tx, head.orgId, { topic: 'case.changed', payload: fine }, t.clock.now())
    })
    await t.app.outbox.drain()
    await until(
      () => seen.some((e) => e.topic === 'case.changed' && e.payload.caseId === 'fine-case'),
      'the deliverable message',
    )
    const rows = await t.db.select().from(outbox)
    const stuck = rows.find((r) => r.payload.caseId === huge.caseId)!
    expect(stuck).toMatchObject({ deliveredAt: null, attempts: 1 })
    expect(stuck.lastError).toMatch(/exceeds the NOTIFY limit/)
    // It waits 2^attempts seconds before the next try.
    await t.app.outbox.drain()
    const [same] = await t.db.select().from(outbox).where(eq(outbox.id, stuck.id))
    expect(same!.attempts).toBe(1)
    t.clock.advance(3000)
    await t.app.outbox.drain()
    const [later] = await t.db.select().from(outbox).where(eq(outbox.id, stuck.id))
    expect(later!.attempts).toBe(2)
    await t.db.delete(outbox).where(eq(outbox.id, stuck.id))
  })
})

describe('the live stream', () => {
  it('eng.tech: opens with the retry hint, a ready event and the unread count', async () => {
    const tech = await signedIn('eng.tech')
    const stream = await Stream.open(origin, tech)
    expect(stream.status).toBe(200)
    expect(stream.contentType).toBe('text/event-stream; charset=utf-8')
    const unread = (await tech.get('/api/v1/notifications/unread-count')).json()
    expect(await stream.next('ready')).toEqual(unread)
    expect(stream.retry).toBe(5000)
  })

  it('anyone: cannot open it without a session (401 problem+json)', async () => {
    const res = await fetch(`${origin}/api/v1/events`)
    expect(res.status).toBe(401)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(await res.json()).toMatchObject({ code: 'auth.unauthenticated' })
  })

  it('clean.head: gets their notification with the new unread count; others never see it', async () => {
    const [head, peer, away] = await Promise.all(
      ['clean.head', 'eng.tech', OTHER_ORG.admin].map(
        async (u) => await Stream.open(origin, await signedIn(u)),
      ),
    )
    const [before] = await Promise.all([head, peer, away].map((s) => s!.next('ready')))
    const [note] = await notify(['clean.head'], 'case.assigned', { number: 'TS-20261129-0007' })
    const data = await head!.next('notification')
    expect(data).toEqual({
      notification: {
        id: note!.id,
        caseId: null,
        template: 'case.assigned',
        params: { number: 'TS-20261129-0007' },
        urgent: false,
        createdAt: t.clock.now().toISOString(),
        readAt: null,
      },
      unreadCount: Number(before!.unreadCount) + 1,
    })
    // A sentinel of their own closes what the others received meanwhile: not clean.head's.
    await notify(['eng.tech', OTHER_ORG.admin], 'test.sentinel')
    for (const other of [peer!, away!]) {
      const before = await other.before('notification', templateIs('test.sentinel'))
      expect(before.map((m) => m.event)).toEqual(['ready'])
    }
  })

  it('a case change reaches exactly those who may see the case', async () => {
    const names = [
      ...['admin', 'cs.agent', 'eng.tech', 'sec.guard', 'fin.staff'],
      ...['tenant.office', 'tenant.apartment', OTHER_ORG.admin],
    ]
    const open = await Promise.all(
      names.map(async (u) => [u, await Stream.open(origin, await signedIn(u))] as const),
    )
    const byName = Object.fromEntries(open)
    await Promise.all(open.map(([, s]) => s.next('ready')))
    const demo = (await who('admin')).orgId
    const [sl, slb] = [await t.ids.property('SL'), await t.ids.property('SLB')]
    const office = await t.ids.customerOf('tenant.office')
    const base = {
      department: 'engineering',
      assigneeId: null,
      customerId: office,
      state: 'assigned',
    }
    // In 示例大厦, engineering's queue, the office tenant's case; then one in building SLB.
    await caseChanged(demo, { caseId: 'case-sl', propertyId: sl, change: 'assign', ...base })
    await caseChanged(demo, { caseId: 'case-slb', propertyId: slb, change: 'assign', ...base })
    // A case assigned to the guard outside his department: assignees see it too.
    const guard = await who('sec.guard')
    await caseChanged(demo, {
      ...{ caseId: 'case-guard', propertyId: sl, change: 'assign', state: 'assigned' },
      ...{ department: 'engineering', assigneeId: guard.id, customerId: null },
    })
    await notify(names, 'test.sentinel')
    const expected: Record<string, string[]> = {
      admin: ['case-sl', 'case-slb', 'case-guard'], // every building
      'cs.agent': ['case-sl', 'case-guard'], // case.read_all, building SL only
      'eng.tech': ['case-sl', 'case-guard'], // engineering's queue in SL
      'sec.guard': ['case-guard'], // assigned to him
      'fin.staff': [], // another department
      'tenant.office': ['case-sl'], // their own case; SLB is not their building
      'tenant.apartment': [], // another customer's
      [OTHER_ORG.admin]: [], // another organisation
    }
    for (const name of names) {
      const before = await byName[name]!.before('notification', templateIs('test.sentinel'))
      const cases = before.filter((m) => m.event === 'case').map((m) => m.data.caseId)
      expect(cases, name).toEqual(expected[name])
    }
    const [first] = (
      await byName['eng.tech']!.before('notification', templateIs('test.sentinel'))
    ).filter((m) => m.event === 'case')
    expect(first!.data).toEqual({ caseId: 'case-sl', state: 'assigned', change: 'assign' })
  })

  it('a stream that ends leaves no bus listener and no heartbeat timer behind', async () => {
    const bus = t.app.eventBus!
    // The streams of the tests above were closed by their clients: none is left over.
    await until(() => bus.listenerCount() === 0, 'earlier streams to go')
    const baseline = 0
    const setInterval = vi.spyOn(globalThis, 'setInterval')
    const clearInterval = vi.spyOn(globalThis, 'clearInterval')
    try {
      const opened = await Promise.all(
        [1, 2, 3].map(async () => Stream.open(origin, await signedIn('eng.head'))),
      )
      await Promise.all(opened.map((s) => s.next('ready')))
      expect(bus.listenerCount()).toBe(baseline + 2 * opened.length)
      const heartbeats = setInterval.mock.results
        .filter((_, i) => setInterval.mock.calls[i]![1] === 25_000)
        .map((r) => r.value as NodeJS.Timeout)
      expect(heartbeats).toHaveLength(3)
      for (const stream of opened) stream.close()
      await until(() => bus.listenerCount() === baseline, 'the listeners to go')
      const cleared = clearInterval.mock.calls.map(([handle]) => handle)
      for (const heartbeat of heartbeats) expect(cleared).toContain(heartbeat)
    } finally {
      setInterval.mockRestore()
      clearInterval.mockRestore()
    }
  })
})

describe('two app instances on one database', () => {
  let second: App
  let secondDb: Database
  let secondOrigin: string

  beforeAll(async () => {
    // On PostgreSQL the second instance has its own pool and its own LISTEN connection, as another
    // process would; PGlite is one process's database, so both share its one instance.
    secondDb = t.database.kind === 'postgres' ? openPostgres(t.database.url!, 3) : { ...t.database }
    const options = { config: t.config, database: secondDb, clock: t.clock }
    second = await buildApp({ ...options, webRoot: false, logger: false })
    await second.listen({ port: 0, host: '127.0.0.1' })
    const address = second.server.address()
    if (!address || typeof address === 'string') throw new Error('not listening on a port')
    secondOrigin = `http://127.0.0.1:${address.port}`
  })
  afterAll(async () => {
    await second.close()
    if (secondDb !== t.database && secondDb.kind === 'postgres') await secondDb.close()
  })

  it('eng.head: a message written on one instance reaches their streams on both', async () => {
    // Sessions live in the database: the same cookie works on either instance.
    const head = await signedIn('eng.head')
    const here = await Stream.open(origin, head)
    const there = await Stream.open(secondOrigin, head)
    await Promise.all([here.next('ready'), there.next('ready')])
    const [note] = await notify(['eng.head'], 'case.escalated', { number: 'TS-9', level: 2 })
    for (const stream of [here, there]) {
      const data = await stream.next('notification', (d) => {
        return (d.notification as Notification).id === note!.id
      })
      expect(data.unreadCount).toBeGreaterThan(0)
    }
  })

  it('both dispatchers deliver each row exactly once', async () => {
    const head = await who('eng.head')
    const stream = await Stream.open(secondOrigin, await signedIn('eng.head'))
    await stream.next('ready')
    const written = await t.db.transaction(async (tx) => {
      const rows = []
      for (let i = 0; i < 20; i++) {
        const input = { orgId: head.orgId, userIds: [head.id], template: 'case.commented' }
        rows.push(...(await notifyUsers(tx, { ...input, params: { i }, now: t.clock.now() })))
      }
      return rows
    })
    await Promise.all([t.app.outbox.drain(), second.outbox.drain()])
    const ids = written.map((n) => n.id)
    const delivered = () =>
      stream.messages.filter(
        (m) => m.event === 'notification' && ids.includes((m.data.notification as Notification).id),
      )
    await until(() => delivered().length >= ids.length, 'all twenty')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(delivered()).toHaveLength(ids.length)
    const rows = await t.db
      .select()
      .from(outbox)
      .where(inArray(outbox.orgId, [head.orgId]))
    const mine = rows.filter((r) => ids.includes(String(r.payload.notificationId)))
    expect(mine.map((r) => r.attempts)).toEqual(ids.map(() => 1))
  })

  it('closing an instance ends its open streams instead of waiting for them', async () => {
    const extra = await buildApp({
      ...{ config: t.config, database: secondDb, clock: t.clock },
      ...{ webRoot: false, logger: false },
    })
    await extra.listen({ port: 0, host: '127.0.0.1' })
    const address = extra.server.address()
    if (!address || typeof address === 'string') throw new Error('not listening on a port')
    const stream = await Stream.open(`http://127.0.0.1:${address.port}`, await signedIn('eng.head'))
    await stream.next('ready')
    const started = Date.now()
    await extra.close()
    expect(Date.now() - started).toBeLessThan(2000)
    await until(() => stream.ended, 'the stream to end')
  })
})
