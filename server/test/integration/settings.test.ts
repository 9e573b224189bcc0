import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { calendarDays, casePriorities, caseTypes, workCalendars } from '../../src/db/schema'
import { addWorkingMinutes, isWorkingDay } from '../../src/platform/calendar'
import { calendarOf, deadlinePolicyOf, defaultDeadlinePolicies } from '../../src/modules/settings'
import { startTestApp, type Client, type TestApp } from '../support/app'
import { OTHER_ORG } from '../support/other-org'

type Policy = {
  caseType: string
  priority: string
  respondMinutes: number
  resolveMinutes: number
  followUpMinutes: number
  workingTime: boolean
  followUpPercent: number
  version: number
}
type Day = { date: string; kind: 'holiday' | 'workday'; name: string; source: string }
type Calendar = {
  propertyId: string
  timeZone: string
  workStart: number
  workEnd: number
  workWeekdays: number[]
  version: number
}
type View = {
  calendar: Calendar
  year: number
  days: Day[]
  warning: string | null
  latestOfficialYear: number
}

let t: TestApp
let manager: Client
let admin: Client
let agent: Client
let sl: string
let slb: string
let orgId: string

const policies = '/api/v1/settings/deadline-policies'
const calendar = (propertyId: string, rest = '') =>
  `/api/v1/settings/calendars/${propertyId}${rest}`
const put = (c: Client, url: string, body: unknown) => c.request('PUT', url, body)
const view = async (c: Client, propertyId: string, year?: number) => {
  const res = await c.get(calendar(propertyId, year ? `?year=${year}` : ''))
  expect(res.statusCode, res.body).toBe(200)
  return res.json<View>()
}
const auditActions = async (action: string) => {
  const res = await admin.get(`/api/v1/audit?action=${action}&limit=200`)
  return res.json<{ items: { action: string; entityId: string }[] }>().items
}
const complaintNormal = defaultDeadlinePolicies.complaint.normal

/** A new building of the demo company, with no calendar of its own. */
async function newBuilding(code: string, timezone = 'Asia/Shanghai') {
  const res = await admin.post('/api/v1/properties', { code, name: `日历楼${code}`, timezone })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<{ id: string }>().id
}

beforeAll(async () => {
  t = await startTestApp()
  ;[manager, admin, agent] = [
    await t.signIn('manager'),
    await t.signIn('admin'),
    await t.signIn('cs.agent'),
  ]
  sl = await t.ids.property('SL')
  slb = await t.ids.property('SLB')
  const [row] = await t.db.select().from(workCalendars).where(eq(workCalendars.propertyId, sl))
  orgId = row!.orgId
})
afterAll(() => t.close())

describe('deadline policies', () => {
  it('agent: reads every case type × priority, the defaults of PRODUCT §2 at version 0', async () => {
    const res = await agent.get(policies)
    expect(res.statusCode, res.body).toBe(200)
    const items = res.json<{ items: Policy[] }>().items
    expect(items).toHaveLength(caseTypes.length * casePriorities.length)
    expect(items.find((p) => p.caseType === 'complaint' && p.priority === 'normal')).toEqual({
      ...{ caseType: 'complaint', priority: 'normal', respondMinutes: 30, resolveMinutes: 480 },
      ...{ followUpMinutes: 1440, workingTime: true, followUpPercent: 100, version: 0 },
      updatedAt: null,
    })
    const emergency = items.find((p) => p.caseType === 'repair' && p.priority === 'emergency')
    expect(emergency).toMatchObject({ respondMinutes: 5, resolveMinutes: 120, workingTime: false })
    expect(emergency?.followUpPercent).toBe(30)
    for (const p of items.filter((i) => i.caseType === 'incident')) {
      expect(p).toMatchObject({ respondMinutes: 5, workingTime: false })
    }
  })

  it('agent: cannot change a policy (403)', async () => {
    const body = { ...complaintNormal, version: 0 }
    const res = await put(agent, `${policies}/complaint/normal`, body)
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'forbidden', permission: 'case.configure' })
  })

  it('a customer: cannot read the policies (403)', async () => {
    const tenant = await t.signIn('tenant.office')
    expect((await tenant.get(policies)).statusCode).toBe(403)
    expect((await tenant.get(calendar(sl))).statusCode).toBe(403)
  })

  it('manager: version 0 replaces the default, then the stored version counts (409 when stale)', async () => {
    const url = `${policies}/complaint/urgent`
    const body = { ...defaultDeadlinePolicies.complaint.urgent, resolveMinutes: 180 }
    const created = await put(manager, url, { ...body, version: 0 })
    expect(created.statusCode, created.body).toBe(200)
    expect(created.json()).toMatchObject({ resolveMinutes: 180, version: 1 })

    const again = await put(manager, url, { ...body, version: 0 })
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ code: 'conflict.stale_version' })

    const changed = await put(manager, url, { ...body, respondMinutes: 10, version: 1 })
    expect(changed.json()).toMatchObject({ respondMinutes: 10, resolveMinutes: 180, version: 2 })
    expect((await put(manager, url, { ...body, version: 1 })).statusCode).toBe(409)

    const listed = (await agent.get(policies)).json<{ items: Policy[] }>().items
    expect(listed.find((p) => p.caseType === 'complaint' && p.priority === 'urgent')).toMatchObject(
      { respondMinutes: 10, version: 2 },
    )
    const audit = await auditActions('deadline_policy.update')
    expect(audit.length).toBeGreaterThanOrEqual(2)
  })

  it('manager: a stored version on a policy never stored is stale (409)', async () => {
    const res = await put(manager, `${policies}/inquiry/urgent`, {
      ...defaultDeadlinePolicies.inquiry.urgent,
      version: 3,
    })
    expect(res.statusCode).toBe(409)
  })

  it('manager: a response slower than the resolution is 422 settings.policy_order', async () => {
    const res = await put(manager, `${policies}/repair/normal`, {
      ...defaultDeadlinePolicies.repair.normal,
      respondMinutes: 600,
      resolveMinutes: 480,
      version: 0,
    })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ code: 'settings.policy_order', field: 'respondMinutes' })
  })

  it('manager: an unknown case type or priority is 400 on the parameter', async () => {
    const body = { ...complaintNormal, version: 0 }
    const type = await put(manager, `${policies}/suggestion/normal`, body)
    expect([type.statusCode, type.json<{ field: string }>().field]).toEqual([400, 'caseType'])
    const priority = await put(manager, `${policies}/complaint/low`, body)
    expect([priority.statusCode, priority.json<{ field: string }>().field]).toEqual([
      400,
      'priority',
    ])
  })

  it('the engine: deadlinePolicyOf gives the stored policy, else the default', async () => {
    const stored = await deadlinePolicyOf(t.db, orgId, 'complaint', 'urgent')
    expect(stored).toMatchObject({ respondMinutes: 10, resolveMinutes: 180, version: 2 })
    const fallback = await deadlinePolicyOf(t.db, orgId, 'liaison', 'normal')
    expect(fallback).toMatchObject({ ...defaultDeadlinePolicies.liaison.normal, version: 0 })
  })

  it('another organisation keeps its own policies', async () => {
    const them = await t.signIn(OTHER_ORG.admin)
    const items = (await them.get(policies)).json<{ items: Policy[] }>().items
    expect(items.find((p) => p.caseType === 'complaint' && p.priority === 'urgent')).toMatchObject({
      resolveMinutes: 240,
      version: 0,
    })
  })
})

describe('working calendars', () => {
  it('agent: reads the seeded calendar of their building with the official 2026 days', async () => {
    const v = await view(agent, sl, 2026)
    expect(v.calendar).toMatchObject({
      ...{ propertyId: sl, timeZone: 'Asia/Shanghai', workStart: 540, workEnd: 1080 },
      ...{ workWeekdays: [1, 2, 3, 4, 5], version: 1 },
    })
    expect(v.days).toContainEqual({
      date: '2026-10-01',
      kind: 'holiday',
      name: '国庆节',
      source: 'official',
    })
    expect(v.days).toContainEqual({
      date: '2026-10-10',
      kind: 'workday',
      name: '国庆节',
      source: 'official',
    })
    expect(v.days.every((d) => d.date.startsWith('2026-'))).toBe(true)
    expect(v.latestOfficialYear).toBeGreaterThanOrEqual(2026)
  })

  it('warns when next year (2027) has no official data and no days by hand', async () => {
    const building = await newBuilding('CAL1')
    const v = await view(manager, building)
    expect(v.year).toBe(2026) // the test clock's year
    expect(v.warning).toBe('next_year_missing')
    const day = await put(manager, calendar(building, '/days/2027-01-01'), {
      kind: 'holiday',
      name: '元旦',
    })
    expect(day.statusCode, day.body).toBe(200)
    expect((await view(manager, building)).warning).toBeNull()
  })

  it('agent: cannot change the calendar (403)', async () => {
    const res = await agent.patch(calendar(sl), { workStart: 480, version: 1 })
    expect(res.statusCode).toBe(403)
    expect(
      (await put(agent, calendar(sl, '/days/2026-12-24'), { kind: 'holiday' })).statusCode,
    ).toBe(403)
    expect((await agent.delete(calendar(sl, '/days/2026-10-01'))).statusCode).toBe(403)
    expect((await agent.post(calendar(sl, '/import-official'), { year: 2026 })).statusCode).toBe(
      403,
    )
  })

  it('agent: a building outside their scope, or unknown, is 404', async () => {
    expect((await agent.get(calendar(slb))).statusCode).toBe(404)
    const them = await t.ids.property('OT')
    expect((await admin.get(calendar(them))).statusCode).toBe(404)
    const res = await admin.patch(calendar(them), { workStart: 480, version: 0 })
    expect(res.statusCode).toBe(404)
  })

  it('a building without a calendar: the default in its time zone, stored on its first change', async () => {
    const building = await newBuilding('CAL2', 'Europe/Berlin')
    const before = await view(manager, building, 2026)
    expect(before.calendar).toMatchObject({ timeZone: 'Europe/Berlin', version: 0, workStart: 540 })
    expect(before.days.some((d) => d.date === '2026-10-01' && d.source === 'official')).toBe(true)
    const engine = await calendarOf(t.db, building)
    expect(engine.timeZone).toBe('Europe/Berlin')
    expect(isWorkingDay(engine, '2026-10-01')).toBe(false)

    const res = await manager.patch(calendar(building), {
      workStart: 480,
      workEnd: 1020,
      workWeekdays: [6, 1, 2, 3, 4, 5],
      version: 0,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      ...{ timeZone: 'Europe/Berlin', workStart: 480, workEnd: 1020 },
      ...{ workWeekdays: [1, 2, 3, 4, 5, 6], version: 2 },
    })
    // Stored now, with the official days from last year on.
    const after = await view(manager, building, 2026)
    expect(after.days.some((d) => d.date === '2026-10-01' && d.source === 'official')).toBe(true)
    const audit = await auditActions('work_calendar.update')
    expect(audit.some((a) => a.entityId === building)).toBe(true)
  })

  it('manager: changes the hours and zone; a stale version is 409', async () => {
    const building = await newBuilding('CAL3')
    const first = await manager.patch(calendar(building), { timeZone: 'Asia/Urumqi', version: 0 })
    const version = first.json<Calendar>().version
    const stale = await manager.patch(calendar(building), { workStart: 600, version: version - 1 })
    expect(stale.statusCode).toBe(409)
    expect(stale.json()).toMatchObject({ code: 'conflict.stale_version' })
    const ok = await manager.patch(calendar(building), { workStart: 600, version })
    expect(ok.json()).toMatchObject({ timeZone: 'Asia/Urumqi', workStart: 600, workEnd: 1080 })
  })

  it('manager: an unknown time zone is 400 on timeZone', async () => {
    const res = await manager.patch(calendar(sl), { timeZone: 'Mars/Olympus_Mons', version: 1 })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'request.invalid', field: 'timeZone' })
  })

  it('manager: working hours that end before they start are 422 settings.work_hours', async () => {
    const res = await manager.patch(calendar(sl), { workStart: 1080, workEnd: 540, version: 1 })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ code: 'settings.work_hours', field: 'workEnd' })
    // Against the stored end: 18:30 start, end still 18:00.
    const late = await manager.patch(calendar(sl), { workStart: 1110, version: 1 })
    expect(late.json()).toMatchObject({ code: 'settings.work_hours', field: 'workStart' })
  })

  it('manager: weekdays must be 1–7, each once, at least one', async () => {
    for (const workWeekdays of [[], [0], [8], [1, 1]]) {
      const res = await manager.patch(calendar(sl), { workWeekdays, version: 1 })
      expect(res.statusCode, JSON.stringify(workWeekdays)).toBe(400)
      expect(res.json<{ field: string }>().field).toMatch(/^workWeekdays/)
    }
  })

  it('manager: marks a holiday and a make-up day by hand, and removes one', async () => {
    const building = await newBuilding('CAL4')
    const holiday = await put(manager, calendar(building, '/days/2026-12-24'), {
      kind: 'holiday',
      name: ' 平安夜 ',
    })
    expect(holiday.json()).toEqual({
      date: '2026-12-24',
      kind: 'holiday',
      name: '平安夜',
      source: 'manual',
    })
    // An official holiday turned into a working day: now a manual day.
    const override = await put(manager, calendar(building, '/days/2026-10-08'), { kind: 'holiday' })
    expect(override.json()).toMatchObject({ kind: 'holiday', name: '', source: 'manual' })
    const engine = await calendarOf(t.db, building)
    expect(isWorkingDay(engine, '2026-12-24')).toBe(false)
    // From Wednesday 30 September 17:00: National Day, then 8 October is off too.
    const due = addWorkingMinutes(engine, new Date('2026-09-30T09:00:00Z'), 120)
    expect(due.toISOString()).toBe('2026-10-09T02:00:00.000Z')

    const removed = await manager.delete(calendar(building, '/days/2026-12-24'))
    expect(removed.statusCode).toBe(204)
    const again = await manager.delete(calendar(building, '/days/2026-12-24'))
    expect(again.statusCode).toBe(404)
    expect(isWorkingDay(await calendarOf(t.db, building), '2026-12-24')).toBe(true)
    const actions = [
      ...(await auditActions('work_calendar.set_day')),
      ...(await auditActions('work_calendar.remove_day')),
    ]
    expect(actions.filter((a) => a.entityId === building)).toHaveLength(3)
  })

  it('manager: a date that is no date is 400 on it', async () => {
    for (const date of ['2026-02-30', '20261224', 'tomorrow']) {
      const res = await put(manager, calendar(sl, `/days/${date}`), { kind: 'holiday' })
      expect(res.statusCode, date).toBe(400)
      expect(res.json<{ field: string }>().field).toBe('date')
    }
  })

  it('manager: importing a year brings back official days and keeps days entered by hand', async () => {
    const building = await newBuilding('CAL5')
    await manager.patch(calendar(building), { version: 0 }) // stored: official days seeded
    const gone = await manager.delete(calendar(building, '/days/2026-10-02'))
    expect(gone.statusCode).toBe(204)
    await put(manager, calendar(building, '/days/2026-10-03'), { kind: 'workday', name: '值班' })
    const res = await manager.post(calendar(building, '/import-official'), { year: 2026 })
    expect(res.statusCode, res.body).toBe(200)
    const result = res.json<{ added: number; updated: number; kept: number; year: number }>()
    expect(result).toMatchObject({ year: 2026, added: 1, kept: 1 })
    expect(result.updated).toBeGreaterThan(20)
    const days = (await view(manager, building, 2026)).days
    expect(days.find((d) => d.date === '2026-10-02')).toMatchObject({ source: 'official' })
    expect(days.find((d) => d.date === '2026-10-03')).toMatchObject({
      kind: 'workday',
      source: 'manual',
    })
    expect((await auditActions('work_calendar.import_official')).length).toBeGreaterThanOrEqual(1)
  })

  it('manager: a year without official data is 422 settings.no_official_data', async () => {
    const v = await view(manager, sl)
    const res = await manager.post(calendar(sl, '/import-official'), {
      year: v.latestOfficialYear + 1,
    })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ code: 'settings.no_official_data', field: 'year' })
  })

  it('the engine: calendarOf reads the stored hours and days in two queries’ worth of rows', async () => {
    const engine = await calendarOf(t.db, sl)
    expect(engine).toMatchObject({ timeZone: 'Asia/Shanghai', workStart: 540, workEnd: 1080 })
    expect(isWorkingDay(engine, '2026-10-01')).toBe(false)
    expect(isWorkingDay(engine, '2026-10-10')).toBe(true)
    const stored = await t.db.select().from(calendarDays).where(eq(calendarDays.propertyId, sl))
    expect(engine.holidays.size + engine.workdays.size).toBe(stored.length)
  })
})
