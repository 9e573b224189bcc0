import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { startTestApp, type Client, type TestApp } from '../support/app'
import { customers } from '../../src/db/schema'

type Summary = { id: string; name: string; phone: string | null; units: string[]; roles: string[] }
type Page<T> = { items: T[]; nextCursor: string | null }
type CustomerBody = {
  id: string
  name: string
  phone: string | null
  idNumber: string | null
  masked: boolean
  version: number
  contacts: { id: string; name: string; phone: string | null; isPrimary: boolean }[]
  occupancies: {
    id: string
    unitNumber: string
    role: string
    fromDate: string
    toDate: string | null
    version: number
  }[]
}

let t: TestApp
let agent: Client
let supervisor: Client
let manager: Client
let propertyId: string
let person: { id: string; name: string; phone: string; idNumber: string }

beforeAll(async () => {
  t = await startTestApp()
  ;[agent, supervisor, manager] = await Promise.all([
    t.signIn('cs.agent'),
    t.signIn('cs.supervisor'),
    t.signIn('manager'),
  ])
  propertyId = await t.ids.property('SL')
  const [row] = await t.db.select().from(customers).where(eq(customers.kind, 'person')).limit(1)
  if (!row?.phone || !row.idNumber) throw new Error('demo data lacks a person with phone and ID')
  person = { id: row.id, name: row.name, phone: row.phone, idNumber: row.idNumber }
})
afterAll(() => t.close())

const search = async (who: Client, q: string) =>
  (await who.get(`/api/v1/customers?propertyId=${propertyId}&q=${encodeURIComponent(q)}`)).json<
    Page<Summary>
  >()

describe('customer search', () => {
  it('agent: finds a customer by a part of a Chinese name', async () => {
    const page = await search(agent, person.name.slice(0, 2))
    expect(page.items.map((c) => c.id)).toContain(person.id)
    expect(page.items.every((c) => c.name.includes(person.name.slice(0, 2)))).toBe(true)
  })

  it('agent: finds a customer by the full phone number, and the result shows it masked', async () => {
    const page = await search(agent, person.phone)
    const hit = page.items.find((c) => c.id === person.id)
    expect(hit?.phone).toBe(`${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`)
    expect(JSON.stringify(page)).not.toContain(person.phone)
  })

  it('agent: finds the occupants of a unit by unit number', async () => {
    const page = await search(agent, '201')
    expect(page.items.some((c) => c.units.includes('201'))).toBe(true)
  })

  it('agent: pages through all customers with a cursor, each exactly once', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const url: string = `/api/v1/customers?propertyId=${propertyId}&limit=25${cursor ? `&cursor=${cursor}` : ''}`
      const page: Page<Summary> = (await agent.get(url)).json()
      seen.push(...page.items.map((c) => c.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen.length).toBeGreaterThanOrEqual(120)
    expect(new Set(seen).size).toBe(seen.length)
  })
})

describe('H-IS-15 H-IS-31 customer data is masked and a reveal is audited', () => {
  it('H-IS-15 agent: the customer record shows phone and ID number masked', async () => {
    const res = await agent.get(`/api/v1/customers/${person.id}`)
    const body = res.json<CustomerBody>()
    expect(body.masked).toBe(true)
    expect(body.phone).toMatch(/^\d{3}\*{4}\d{4}$/)
    expect(body.idNumber).toMatch(/^\d{4}\*+\d{3}[\dX]$/)
    expect(res.body).not.toContain(person.phone)
    expect(res.body).not.toContain(person.idNumber)
  })

  it('H-IS-15 supervisor: the record itself is masked too; reveal is the explicit action', async () => {
    const body = (await supervisor.get(`/api/v1/customers/${person.id}`)).json<CustomerBody>()
    expect(body.phone).not.toBe(person.phone)
  })

  it('H-IS-31 agent: cannot reveal (403 forbidden) and no reveal is recorded', async () => {
    const res = await agent.post(`/api/v1/customers/${person.id}/reveal`)
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'forbidden', permission: 'customer.reveal' })
    expect(res.body).not.toContain(person.phone)
  })

  it('H-IS-15 supervisor: reveals the phone and ID number, and the audit log records who, what and when', async () => {
    const res = await supervisor.post(`/api/v1/customers/${person.id}/reveal`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ phone: person.phone, idNumber: person.idNumber })
    const audit = (
      await manager.get(`/api/v1/audit?action=customer.reveal&entityId=${person.id}`)
    ).json<Page<{ actorName: string; entityType: string; requestId: string; at: string }>>()
    expect(audit.items).toHaveLength(1)
    expect(audit.items[0]).toMatchObject({ actorName: '林主管', entityType: 'customer' })
    expect(audit.items[0]?.requestId).toBe(res.headers['x-request-id'])
  })
})

describe('customer records', () => {
  let created: CustomerBody

  it('agent: registers a company with contacts; the first contact becomes primary', async () => {
    const res = await agent.post('/api/v1/customers', {
      propertyId,
      kind: 'company',
      name: '  新星科技有限公司 ',
      phone: '021-55556666',
      contacts: [
        { name: '李行政', phone: '13811112222', title: '行政' },
        { name: '王财务', title: '财务' },
      ],
    })
    expect(res.statusCode).toBe(201)
    created = res.json<CustomerBody>()
    expect(created.name).toBe('新星科技有限公司')
    expect(created.contacts.map((c) => [c.name, c.isPrimary])).toEqual([
      ['李行政', true],
      ['王财务', false],
    ])
    expect(created.contacts[0]?.phone).toBe('138****2222')
  })

  it('agent: edits the customer with the current version; a stale version is 409 and changes nothing', async () => {
    const ok = await agent.patch(`/api/v1/customers/${created.id}`, {
      notes: '十楼新租户',
      version: created.version,
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.json<CustomerBody>().version).toBe(created.version + 1)
    const stale = await agent.patch(`/api/v1/customers/${created.id}`, {
      notes: '覆盖',
      version: created.version,
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json()).toMatchObject({ code: 'conflict.stale_version', field: 'version' })
    expect((await agent.get(`/api/v1/customers/${created.id}`)).json()).toMatchObject({
      notes: '十楼新租户',
    })
  })

  it('agent: editing contacts without their phones keeps the stored phones (the form only has them masked)', async () => {
    const current = (await agent.get(`/api/v1/customers/${created.id}`)).json<CustomerBody>()
    const first = current.contacts[0]
    const res = await agent.patch(`/api/v1/customers/${created.id}`, {
      contacts: [
        { id: first?.id, name: '李行政（主）' },
        { name: '新联系人', phone: '13900002222' },
      ],
      version: current.version,
    })
    expect(res.statusCode).toBe(200)
    const revealed = (await supervisor.post(`/api/v1/customers/${created.id}/reveal`)).json<{
      contacts: { phone: string | null }[]
    }>()
    expect(revealed.contacts.map((c) => c.phone)).toEqual(['13811112222', '13900002222'])
    created = res.json<CustomerBody>()
  })

  it('agent: the audit log keeps the change without the phone number in clear', async () => {
    await agent.patch(`/api/v1/customers/${created.id}`, {
      phone: '021-77778888',
      version: created.version,
    })
    const audit = (
      await manager.get(`/api/v1/audit?entityType=customer&entityId=${created.id}`)
    ).json<Page<{ action: string; diff: unknown }>>()
    expect(audit.items.map((a) => a.action)).toEqual([
      'customer.update',
      'customer.reveal',
      'customer.update',
      'customer.update',
      'customer.create',
    ])
    for (const secret of ['77778888', '55556666', '13811112222', '13900002222']) {
      expect(JSON.stringify(audit.items)).not.toContain(secret)
    }
    expect(audit.items[0]?.diff).toEqual({ phone: ['[redacted]', '[redacted]'] })
  })
})

describe('occupancies', () => {
  let customerId: string
  let unitId: string

  beforeAll(async () => {
    const res = await agent.post('/api/v1/customers', {
      propertyId,
      kind: 'person',
      name: '入住测试',
    })
    customerId = res.json<CustomerBody>().id
    const vacant = (
      await agent.get(`/api/v1/units?propertyId=${propertyId}&status=vacant&kind=apartment&limit=1`)
    ).json<Page<{ id: string }>>()
    unitId = vacant.items[0]?.id ?? ''
  })

  it('agent: a tenant occupancy from today makes a vacant unit occupied and lists the occupant', async () => {
    const res = await agent.post(`/api/v1/customers/${customerId}/occupancies`, {
      unitId,
      role: 'tenant',
      fromDate: '2026-11-01',
    })
    expect(res.statusCode).toBe(201)
    const unit = (await agent.get(`/api/v1/units/${unitId}`)).json<{
      status: string
      occupants: { customerId: string; role: string }[]
    }>()
    expect(unit.status).toBe('occupied')
    expect(unit.occupants).toEqual([expect.objectContaining({ customerId, role: 'tenant' })])
  })

  it('agent: a second tenant over the same dates is refused (422 customers.occupancy_overlap)', async () => {
    const other = (
      await agent.post('/api/v1/customers', { propertyId, kind: 'person', name: '重叠测试' })
    ).json<CustomerBody>()
    const res = await agent.post(`/api/v1/customers/${other.id}/occupancies`, {
      unitId,
      role: 'tenant',
      fromDate: '2026-12-01',
    })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ code: 'customers.occupancy_overlap' })
  })

  it('agent: an end date before the start date is refused (422 customers.occupancy_dates)', async () => {
    const res = await agent.post(`/api/v1/customers/${customerId}/occupancies`, {
      unitId,
      role: 'owner',
      fromDate: '2026-11-10',
      toDate: '2026-11-01',
    })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ code: 'customers.occupancy_dates', field: 'toDate' })
  })

  it('agent: ending the only occupancy today… then after that day the unit is vacant again', async () => {
    const customer = (await agent.get(`/api/v1/customers/${customerId}`)).json<CustomerBody>()
    const occ = customer.occupancies[0]
    expect(occ).toBeDefined()
    const res = await agent.post(`/api/v1/occupancies/${occ?.id}/end`, {
      toDate: '2026-11-28',
      version: occ?.version,
    })
    expect(res.statusCode).toBe(200)
    expect(res.json<CustomerBody>().occupancies[0]?.toDate).toBe('2026-11-28')
    const unit = (await agent.get(`/api/v1/units/${unitId}`)).json<{
      status: string
      occupants: unknown[]
    }>()
    expect(unit.status).toBe('vacant')
    expect(unit.occupants).toEqual([])
  })
})

describe('customer accounts', () => {
  it('customer: sees their own record and nobody else’s (404)', async () => {
    const tenant = await t.signIn('tenant.office')
    const own = await t.ids.customerOf('tenant.office')
    expect((await tenant.get(`/api/v1/customers/${own}`)).statusCode).toBe(200)
    expect((await tenant.get(`/api/v1/customers/${person.id}`)).statusCode).toBe(404)
    const list = (await tenant.get('/api/v1/customers')).json<Page<Summary>>()
    expect(list.items.map((c) => c.id)).toEqual([own])
  })

  it('customer: sees only the units they occupy', async () => {
    const tenant = await t.signIn('tenant.apartment')
    const list = (await tenant.get('/api/v1/units')).json<Page<{ number: string }>>()
    expect(list.items.map((u) => u.number)).toEqual(['1201'])
  })
})

describe('removing customers', () => {
  it('agent: removes a customer registered by mistake; one with occupancies stays (422)', async () => {
    const propertyId = await t.ids.property('SL')
    const mistake = (
      await agent.post('/api/v1/customers', { propertyId, kind: 'person', name: '录错了' })
    ).json<CustomerBody>()
    expect((await agent.delete(`/api/v1/customers/${mistake.id}`)).statusCode).toBe(204)
    expect((await agent.get(`/api/v1/customers/${mistake.id}`)).statusCode).toBe(404)
    const kept = await agent.delete(`/api/v1/customers/${person.id}`)
    expect(kept.statusCode).toBe(422)
    expect(kept.json()).toMatchObject({ code: 'customers.has_history' })
  })
})
