import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type Client, type TestApp } from '../support/app'

type Page<T> = { items: T[]; nextCursor: string | null }
type Unit = {
  id: string
  number: string
  level: number
  floorLabel: string
  kind: string
  status: string
  areaM2: number
  version: number
}
type Floor = {
  id: string
  label: string
  level: number
  kind: string
  unitCount: number
  version: number
}

let t: TestApp
let agent: Client
let supervisor: Client
let admin: Client
let propertyId: string

beforeAll(async () => {
  t = await startTestApp()
  ;[agent, supervisor, admin] = await Promise.all([
    t.signIn('cs.agent'),
    t.signIn('cs.supervisor'),
    t.signIn('admin'),
  ])
  propertyId = await t.ids.property('SL')
})
afterAll(() => t.close())

describe('the demo building', () => {
  it('agent: 示例大厦 has 30 floors and 300 units, offices below apartments', async () => {
    const [property] = (await agent.get('/api/v1/properties')).json<{
      items: { name: string; floorCount: number; unitCount: number }[]
    }>().items
    expect(property).toMatchObject({ name: '示例大厦', floorCount: 30, unitCount: 300 })
    const floors = (await agent.get(`/api/v1/properties/${propertyId}/floors`)).json<{
      items: Floor[]
    }>().items
    expect(floors).toHaveLength(30)
    expect(floors[0]).toMatchObject({ label: '2F', kind: 'office', unitCount: 10 })
    expect(floors.at(-1)).toMatchObject({ label: '31F', kind: 'apartment', unitCount: 10 })
  })

  it('agent: lists units floor by floor across pages, each unit once, in building order', async () => {
    const all: Unit[] = []
    let cursor: string | null = null
    do {
      const page: Page<Unit> = (
        await agent.get(
          `/api/v1/units?propertyId=${propertyId}&limit=70${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json()
      all.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    expect(all).toHaveLength(300)
    expect(new Set(all.map((u) => u.id)).size).toBe(300)
    const levels = all.map((u) => u.level)
    expect(levels).toEqual([...levels].sort((a, b) => a - b))
  })

  it('agent: filters units by status, kind and number prefix', async () => {
    const offices = (
      await agent.get(`/api/v1/units?propertyId=${propertyId}&kind=office&limit=500`)
    ).json<Page<Unit>>().items
    expect(offices).toHaveLength(100)
    const prefix = (await agent.get(`/api/v1/units?propertyId=${propertyId}&q=120`)).json<
      Page<Unit>
    >().items
    expect(prefix.map((u) => u.number)).toEqual([
      '1201',
      '1202',
      '1203',
      '1204',
      '1205',
      '1206',
      '1207',
      '1208',
      '1209',
    ])
    const vacant = (
      await agent.get(`/api/v1/units?propertyId=${propertyId}&status=vacant&limit=500`)
    ).json<Page<Unit>>().items
    expect(vacant.every((u) => u.status === 'vacant')).toBe(true)
  })

  it('agent: cannot see the building it does not serve (404), nor its units', async () => {
    const annex = await t.ids.property('SLB')
    expect((await agent.get(`/api/v1/properties/${annex}`)).statusCode).toBe(404)
    expect((await agent.get(`/api/v1/properties/${annex}/floors`)).statusCode).toBe(404)
    expect((await agent.get(`/api/v1/units/${await t.ids.unit('B101', 'SLB')}`)).statusCode).toBe(
      404,
    )
    expect((await agent.get(`/api/v1/units?propertyId=${annex}`)).json<Page<Unit>>().items).toEqual(
      [],
    )
  })
})

describe('managing floors and units', () => {
  let floor: Floor
  let unit: Unit

  it('agent: cannot add a floor (403 forbidden)', async () => {
    const res = await agent.post(`/api/v1/properties/${propertyId}/floors`, {
      label: '32F',
      level: 32,
      kind: 'apartment',
    })
    expect(res.statusCode).toBe(403)
  })

  it('supervisor: adds a floor and a unit on it', async () => {
    const f = await supervisor.post(`/api/v1/properties/${propertyId}/floors`, {
      label: '32F',
      level: 32,
      kind: 'apartment',
    })
    expect(f.statusCode).toBe(201)
    floor = f.json<Floor>()
    const u = await supervisor.post('/api/v1/units', {
      floorId: floor.id,
      number: '3201',
      kind: 'apartment',
      areaM2: 88.456,
    })
    expect(u.statusCode).toBe(201)
    unit = u.json<Unit>()
    expect(unit).toMatchObject({ floorLabel: '32F', areaM2: 88.46, status: 'vacant' })
  })

  it('supervisor: a unit number already used in the building is 409 conflict.duplicate', async () => {
    const res = await supervisor.post('/api/v1/units', {
      floorId: floor.id,
      number: '1201',
      kind: 'apartment',
      areaM2: 50,
    })
    expect(res.statusCode).toBe(409)
    expect(res.json()).toMatchObject({ code: 'conflict.duplicate' })
  })

  it('supervisor: a floor with units cannot be removed (422 org.floor_has_units)', async () => {
    const res = await supervisor.delete(`/api/v1/floors/${floor.id}`)
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ code: 'org.floor_has_units' })
  })

  it('supervisor: changes a unit with its version; the stale version is refused', async () => {
    const ok = await supervisor.patch(`/api/v1/units/${unit.id}`, {
      status: 'fitting_out',
      version: unit.version,
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.json<Unit>()).toMatchObject({ status: 'fitting_out', version: unit.version + 1 })
    const stale = await supervisor.patch(`/api/v1/units/${unit.id}`, {
      status: 'vacant',
      version: unit.version,
    })
    expect(stale.statusCode).toBe(409)
  })

  it('supervisor: an empty floor can be removed', async () => {
    const f = (
      await supervisor.post(`/api/v1/properties/${propertyId}/floors`, {
        label: '33F',
        level: 33,
        kind: 'office',
      })
    ).json<Floor>()
    expect((await supervisor.delete(`/api/v1/floors/${f.id}`)).statusCode).toBe(204)
    const floors = (await agent.get(`/api/v1/properties/${propertyId}/floors`)).json<{
      items: Floor[]
    }>().items
    expect(floors.map((x) => x.label)).not.toContain('33F')
  })

  it('admin: adds a building and renames it; the agent does not see it', async () => {
    const created = await admin.post('/api/v1/properties', {
      code: 'NEW',
      name: '新楼',
      address: '测试路 1 号',
    })
    expect(created.statusCode).toBe(201)
    const p = created.json<{ id: string; version: number }>()
    const renamed = await admin.patch(`/api/v1/properties/${p.id}`, {
      name: '新大楼',
      version: p.version,
    })
    expect(renamed.json()).toMatchObject({ name: '新大楼' })
    expect((await agent.get(`/api/v1/properties/${p.id}`)).statusCode).toBe(404)
  })

  it('supervisor: removes a unit entered by mistake; a unit with occupancy history stays (422)', async () => {
    const floors = (await agent.get(`/api/v1/properties/${propertyId}/floors`)).json<{
      items: Floor[]
    }>().items
    const f = floors.find((x) => x.label === '32F')
    const extra = (
      await supervisor.post('/api/v1/units', {
        floorId: f?.id,
        number: '3299',
        kind: 'apartment',
        areaM2: 40,
      })
    ).json<Unit>()
    expect((await supervisor.delete(`/api/v1/units/${extra.id}`)).statusCode).toBe(204)
    expect((await agent.get(`/api/v1/units/${extra.id}`)).statusCode).toBe(404)
    const kept = await supervisor.delete(`/api/v1/units/${await t.ids.unit('201')}`)
    expect(kept.statusCode).toBe(422)
    expect(kept.json()).toMatchObject({ code: 'org.unit_has_history' })
  })
})

describe('the organisation', () => {
  it('anyone signed in: reads the organisation name', async () => {
    expect((await agent.get('/api/v1/organisation')).json()).toMatchObject({
      name: '示例物业服务有限公司',
    })
  })

  it('admin: renames it (audited); an agent may not (403)', async () => {
    expect((await agent.patch('/api/v1/organisation', { name: '改名' })).statusCode).toBe(403)
    const res = await admin.patch('/api/v1/organisation', { name: ' 示例物业集团 ' })
    expect(res.json()).toMatchObject({ name: '示例物业集团' })
  })
})
