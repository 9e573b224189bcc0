import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { startTestApp, type Client, type TestApp } from '../support/app'

type Entry = {
  id: number
  at: string
  action: string
  actorName: string
  entityType: string
  entityId: string | null
  ip: string | null
  requestId: string | null
}
type Page = { items: Entry[]; nextCursor: string | null }

let t: TestApp
let manager: Client

beforeAll(async () => {
  t = await startTestApp()
  manager = await t.signIn('manager')
})
afterAll(() => t.close())

describe('audit log', () => {
  it('every write leaves an audit row with actor, action, entity, request id and IP', async () => {
    const agent = await t.signIn('cs.agent')
    const propertyId = await t.ids.property('SL')
    const res = await agent.request(
      'POST',
      '/api/v1/customers',
      { propertyId, kind: 'person', name: '审计测试' },
      { 'x-request-id': 'audit-req-1' },
    )
    expect(res.statusCode).toBe(201)
    const page = (await manager.get('/api/v1/audit?action=customer.create')).json<Page>()
    const row = page.items.find((e) => e.requestId === 'audit-req-1')
    expect(row).toMatchObject({
      actorName: '陈前台',
      entityType: 'customer',
      entityId: res.json<{ id: string }>().id,
      ip: '127.0.0.1',
    })
  })

  it('sign-ins and failed sign-ins are audited', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'eng.tech', password: 'wrong' },
    })
    const page = (
      await manager.get(`/api/v1/audit?entityId=${await t.ids.user('eng.tech')}`)
    ).json<Page>()
    expect(page.items.map((e) => e.action)).toContain('auth.login_failed')
  })

  it('the audit log is append-only: the database refuses UPDATE and DELETE', async () => {
    await expect(t.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow()
    await expect(t.db.execute(sql`delete from audit_log`)).rejects.toThrow()
    const page = (await manager.get('/api/v1/audit?limit=1')).json<Page>()
    expect(page.items[0]?.action).not.toBe('x')
  })

  it('manager: pages through the log newest first without repeats', async () => {
    const first = (await manager.get('/api/v1/audit?limit=2')).json<Page>()
    expect(first.nextCursor).not.toBeNull()
    const second = (
      await manager.get(`/api/v1/audit?limit=2&cursor=${first.nextCursor}`)
    ).json<Page>()
    const ids = [...first.items, ...second.items].map((e) => e.id)
    expect(new Set(ids).size).toBe(4)
    expect(second.items[0]!.at <= first.items[1]!.at).toBe(true)
  })

  it('manager: filters by time range', async () => {
    const from = new Date(t.clock.now().getTime() - 1000).toISOString()
    const page = (await manager.get(`/api/v1/audit?from=${encodeURIComponent(from)}`)).json<Page>()
    expect(page.items.length).toBeGreaterThan(0)
    expect(page.items.every((e) => e.at >= from)).toBe(true)
    const future = new Date(t.clock.now().getTime() + 3600_000).toISOString()
    expect(
      (await manager.get(`/api/v1/audit?from=${encodeURIComponent(future)}`)).json<Page>().items,
    ).toEqual([])
  })

  it('agent: may not read the audit log (403)', async () => {
    const agent = await t.signIn('cs.supervisor')
    expect((await agent.get('/api/v1/audit')).statusCode).toBe(403)
  })

  it('other organisation: its manager-level admin sees none of this organisation’s audit rows', async () => {
    const other = await t.signIn('other.admin')
    const page = (await other.get('/api/v1/audit?limit=200')).json<Page>()
    expect(page.items.every((e) => ['外部管理员', 'other.admin'].includes(e.actorName))).toBe(true)
  })
})
