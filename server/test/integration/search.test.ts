import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq, sql } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import { startTestApp, type Client, type TestApp } from '../support/app'
import * as schema from '../../src/db/schema'
import {
  cases,
  customerContacts,
  customers,
  occupancies,
  roles,
  userProperties,
  users,
} from '../../src/db/schema'
import type { Db } from '../../src/platform/db'
import type { Actor } from '../../src/platform/permissions'
import { hashPassword } from '../../src/platform/auth'
import { insertUser, replaceUserProperties } from '../../src/modules/identity'
import { listCases } from '../../src/modules/cases/cases.repository'
import { listCustomers } from '../../src/modules/customers/customers.repository'

// Decision 0006: search through the bigram indexes finds exactly what plain ILIKE finds, in the
// same order, within the caller's scope.

type Page = { items: { id: string }[]; nextCursor: string | null }

let t: TestApp
let orgId: string
let sl: string
let slb: string
let agent: Client
let manager: Client
let slbAgent: Client
let otherAdmin: Client
/** The fixture cases in SLB: nobody of SL may find them. */
const slbCaseIds: string[] = []

const caseTexts: [title: string, contact: string | null][] = [
  ['空调漏水', '王华'],
  ['电梯异响 ABC', 'Smith'],
  ['折扣50%_说明', null],
  ['C:\\路径\\文件', '赵\\钱'],
  ['水管爆裂', '华信联系人'],
  ['😀表情测试', '李四'],
  ['İstanbul 办公室', null],
  ['Straße 街道', 'STRASSE'],
  ['门禁卡 a_b', '王'],
  ['水', '漏'],
  ['管道漏水后水管爆裂', null],
]

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows

beforeAll(async () => {
  t = await startTestApp()
  sl = await t.ids.property('SL')
  slb = await t.ids.property('SLB')
  const [admin] = await t.db.select().from(users).where(eq(users.username, 'admin'))
  if (!admin) throw new Error('no admin')
  orgId = admin.orgId
  const [deskRole] = await t.db
    .select()
    .from(roles)
    .where(sql`${roles.orgId} = ${orgId} and ${roles.code} = 'agent'`)
  if (!deskRole) throw new Error('no agent role')
  const slbUser = await insertUser(t.db, {
    orgId,
    username: 'slb.agent',
    displayName: 'B座前台',
    kind: 'staff',
    roleId: deskRole.id,
    department: 'customer_service',
    allProperties: false,
    passwordHash: await hashPassword('demo1234'),
  })
  await replaceUserProperties(t.db, orgId, slbUser.id, [slb])

  // Customers: one whose name and contact carry the words, a one-character name, a Latin one.
  const company = await insertCustomerRow(sl, 'company', '华信贸易有限公司', '13900001234')
  const wang = await insertCustomerRow(sl, 'person', '王', '13800005678')
  const latin = await insertCustomerRow(sl, 'company', 'ABC Trading 50%', null)
  await insertCustomerRow(slb, 'company', '华信贸易B座分公司', null)
  await t.db.insert(customerContacts).values([
    { orgId, customerId: company.id, name: '联系人张三', phone: '021 5555 0001' },
    { orgId, customerId: latin.id, name: 'a_b\\c', phone: null },
  ])
  const unit1205 = await t.ids.unit('1205')
  await t.db.insert(occupancies).values({
    orgId,
    propertyId: sl,
    unitId: unit1205,
    customerId: wang.id,
    role: 'tenant',
    fromDate: '2026-01-01',
  })

  // Cases: each text in SL (some with a unit and a customer), and the first few again in SLB.
  const at = (i: number) => new Date(Date.UTC(2026, 10, 20, 8, i))
  const rows = caseTexts.map(([title, contactName], i) => ({
    orgId,
    propertyId: sl,
    type: 'complaint' as const,
    number: `TS-20261120-${String(9001 + i)}`,
    state: 'registered',
    channel: 'phone' as const,
    title,
    contactName,
    unitId: i % 3 === 0 ? unit1205 : null,
    customerId: [company.id, wang.id, latin.id, null][i % 4] ?? null,
    createdAt: at(i),
    updatedAt: at(i),
  }))
  await t.db.insert(cases).values(rows)
  const inSlb = await t.db
    .insert(cases)
    .values(
      caseTexts.slice(0, 4).map(([title, contactName], i) => ({
        orgId,
        propertyId: slb,
        type: 'complaint' as const,
        number: `TS-20261120-${String(9001 + i)}`,
        state: 'registered',
        channel: 'phone' as const,
        title,
        contactName,
        createdAt: at(30 + i),
        updatedAt: at(30 + i),
      })),
    )
    .returning({ id: cases.id })
  slbCaseIds.push(...inSlb.map((r) => r.id))

  // Enough other cases and customers that the planner prefers the search indexes for a rare word.
  await t.db.execute(sql`
    insert into ${cases} (org_id, property_id, type, number, state, channel, title, contact_name,
      created_at, updated_at)
    select ${orgId}, ${sl}, 'repair', 'BX-20260101-' || lpad(g::text, 5, '0'), 'registered', 'phone',
      (array['门锁损坏', '灯管不亮', '下水道堵塞', '窗户关不严', '墙面开裂'])[1 + g % 5] || ' ' || g,
      (array['周', '吴', '郑'])[1 + g % 3] || '先生', now() - g * interval '1 hour', now()
    from generate_series(1, 4000) g`)
  await t.db.execute(sql`
    insert into ${customers} (org_id, property_id, kind, name)
    select ${orgId}, ${sl}, 'person', (array['周', '吴', '郑', '冯'])[1 + g % 4] || '客户' || g
    from generate_series(1, 3000) g`)
  await t.db.execute(sql`
    insert into ${customerContacts} (org_id, customer_id, name)
    select org_id, id, '联络' || name from ${customers} where name like '%客户%'`)
  await t.db.execute(sql`analyze cases`)
  await t.db.execute(sql`analyze customers`)
  await t.db.execute(sql`analyze customer_contacts`)

  ;[agent, manager, slbAgent, otherAdmin] = await Promise.all([
    t.signIn('cs.agent'),
    t.signIn('manager'),
    t.signIn('slb.agent'),
    t.signIn('other.admin'),
  ])
}, 120_000)
afterAll(() => t.close())

async function insertCustomerRow(
  propertyId: string,
  kind: 'company' | 'person',
  name: string,
  phone: string | null,
) {
  const [row] = await t.db
    .insert(customers)
    .values({ orgId, propertyId, kind, name, phone })
    .returning()
  if (!row) throw new Error('customer insert')
  return row
}

/** Every id the list returns for q, following the cursor to the end. */
async function listAll(who: Client, resource: 'cases' | 'customers', q: string, extra = '') {
  const ids: string[] = []
  let cursor: string | null = null
  do {
    const url: string =
      `/api/v1/${resource}?limit=200&q=${encodeURIComponent(q)}${extra}` +
      (cursor ? `&cursor=${encodeURIComponent(cursor)}` : '')
    const res = await who.get(url)
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200)
    const page = res.json<Page>()
    ids.push(...page.items.map((i) => i.id))
    cursor = page.nextCursor
  } while (cursor)
  return ids
}

/** The cases plain ILIKE finds (the search as it was before the indexes), newest first. */
async function casesByIlike(q: string, propertyIds: string[], and = sql`true`) {
  const like = `%${escapeLike(q)}%`
  const prefix = `${escapeLike(q)}%`
  const result = await t.db.execute(sql`
    select c.id from cases c
      left join units u on u.id = c.unit_id
      left join customers cu on cu.id = c.customer_id
    where c.org_id = ${orgId} and c.property_id in ${propertyIds}
      and (c.number ilike ${like} or c.title ilike ${like} or c.contact_name ilike ${like}
        or u.number ilike ${prefix} or cu.name ilike ${like})
      and ${and}
    order by c.created_at desc, c.id desc`)
  return rowsOf<{ id: string }>(result).map((r) => r.id)
}

/** The customers plain ILIKE finds, by name. */
async function customersByIlike(q: string, propertyIds: string[]) {
  const like = `%${escapeLike(q)}%`
  const prefix = `${escapeLike(q)}%`
  const digits = q.replace(/\D/g, '')
  const byPhone = digits.length >= 3 && digits.length === q.replace(/[\s+-]/g, '').length
  const phone = byPhone
    ? sql`or replace(c.phone, ' ', '') like ${`%${digits}%`}
        or exists (select 1 from customer_contacts cc where cc.customer_id = c.id
          and replace(cc.phone, ' ', '') like ${`%${digits}%`})`
    : sql``
  const result = await t.db.execute(sql`
    select c.id from customers c
    where c.org_id = ${orgId} and c.property_id in ${propertyIds}
      and (c.name ilike ${like}
        or exists (select 1 from occupancies o join units u on u.id = o.unit_id
          where o.customer_id = c.id and u.number ilike ${prefix})
        or exists (select 1 from customer_contacts cc where cc.customer_id = c.id
          and cc.name ilike ${like})
        ${phone})
    order by c.name, c.id`)
  return rowsOf<{ id: string }>(result).map((r) => r.id)
}

const caseQueries = [
  // Chinese: two characters (the bigram test alone), longer (with the ILIKE), one (ILIKE alone)
  '漏水',
  '调漏',
  '空调漏水',
  '水',
  '漏',
  // every bigram present, the whole not: 水管 and 管道, never 水管道; as, ss and st of strasse
  '水管道',
  'asst',
  // across the title and the contact name: no case has it in one column
  '水王',
  '水 王',
  '漏水王华',
  // Latin, any case; characters that LIKE treats specially
  'ABC',
  'abc',
  'aBc',
  'ab',
  'C',
  ' A',
  '50%',
  '%',
  '_',
  '%_',
  '0%',
  'a_b',
  '\\',
  ':\\',
  '\\钱',
  // customer names (case arm), unit numbers (prefix), case numbers
  '华信',
  '信贸',
  '王',
  '华信贸易有限公司',
  '120',
  '1205',
  '205',
  'ts-2026',
  'TS-20261120-9003',
  '9003',
  // characters beyond the basic plane, case folding beyond ASCII
  '😀表',
  '😀',
  'İs',
  'is',
  'ß',
  'SS',
  'ss',
  '门禁',
  '不存在的词',
]

describe('case search (q)', () => {
  it('agent: finds what plain ILIKE finds in their building, in the same order', async () => {
    for (const q of caseQueries) {
      expect(await listAll(agent, 'cases', q), q).toEqual(await casesByIlike(q, [sl]))
    }
  })

  it('agent of another building: finds what ILIKE finds there, never an SL case', async () => {
    for (const q of ['漏水', '空调漏水', 'ABC', '水', '华信']) {
      const found = await listAll(slbAgent, 'cases', q)
      expect(found, q).toEqual(await casesByIlike(q, [slb]))
    }
    expect(await listAll(slbAgent, 'cases', '漏水')).toContain(slbCaseIds[0])
    for (const q of ['漏水', 'ABC', '50%', '\\']) {
      const slIds = new Set(await listAll(agent, 'cases', q))
      expect(
        slbCaseIds.some((id) => slIds.has(id)),
        q,
      ).toBe(false)
    }
  })

  it('manager: finds what ILIKE finds in every building, or in the one asked for', async () => {
    for (const q of ['漏水', '空调漏水', 'aBc', '50%', '王', '华信', '1205', '😀表']) {
      expect(await listAll(manager, 'cases', q), q).toEqual(await casesByIlike(q, [sl, slb]))
      expect(await listAll(manager, 'cases', q, `&propertyId=${slb}`), q).toEqual(
        await casesByIlike(q, [slb]),
      )
    }
  })

  it('admin of another organisation: finds none of these cases', async () => {
    expect(await listAll(otherAdmin, 'cases', '漏水')).toEqual([])
    expect(await listAll(otherAdmin, 'cases', '空调漏水')).toEqual([])
  })

  it('agent: the other filters still apply beside q', async () => {
    for (const q of ['漏水', '门锁', '王']) {
      expect(await listAll(agent, 'cases', q, '&type=repair'), q).toEqual(
        await casesByIlike(q, [sl], sql`c.type = 'repair'`),
      )
      expect(await listAll(agent, 'cases', q, '&status=open'), q).toEqual(
        await casesByIlike(q, [sl], sql`c.closed_at is null`),
      )
    }
  })
})

const customerQueries = [
  '华信',
  '信贸',
  '华信贸易',
  '王',
  '张三',
  '联系人张三',
  'abc',
  'ABC TRADING',
  '50%',
  '%',
  'a_b',
  'b\\c',
  '\\',
  '120',
  '1205',
  '12',
  '205',
  '1390000',
  '0001',
  '5555 0001',
  '客户1',
  '不存在',
]

describe('customer search (q)', () => {
  it('agent: finds what plain ILIKE finds in their building, by name', async () => {
    for (const q of customerQueries) {
      expect(await listAll(agent, 'customers', q), q).toEqual(await customersByIlike(q, [sl]))
    }
  })

  it('agent of another building and manager: their buildings only', async () => {
    for (const q of ['华信', '华信贸易', '王', '1205']) {
      expect(await listAll(slbAgent, 'customers', q), q).toEqual(await customersByIlike(q, [slb]))
      expect(await listAll(manager, 'customers', q), q).toEqual(
        await customersByIlike(q, [sl, slb]),
      )
    }
    expect(await listAll(otherAdmin, 'customers', '华信')).toEqual([])
  })
})

/** The statements a repository call runs, with their parameters. */
async function statementsOf(run: (db: Db) => Promise<unknown>) {
  const logged: { query: string; params: unknown[] }[] = []
  const logger = { logQuery: (query: string, params: unknown[]) => logged.push({ query, params }) }
  if (t.database.pglite) {
    await run(drizzlePglite(t.database.pglite, { schema, logger }) as unknown as Db)
    return logged
  }
  const pool = new pg.Pool({ connectionString: t.database.url, max: 1 })
  try {
    await run(drizzlePg(pool, { schema, logger }) as unknown as Db)
  } finally {
    await pool.end()
  }
  return logged
}

async function planOf(statement: { query: string; params: unknown[] }) {
  const text = `explain ${statement.query}`
  if (t.database.pglite) {
    const result = await t.database.pglite.query<{ 'QUERY PLAN': string }>(text, statement.params)
    return result.rows.map((r) => r['QUERY PLAN']).join('\n')
  }
  const client = new pg.Client({ connectionString: t.database.url })
  await client.connect()
  try {
    const result = await client.query<{ 'QUERY PLAN': string }>(text, statement.params)
    return result.rows.map((r) => r['QUERY PLAN']).join('\n')
  } finally {
    await client.end()
  }
}

async function actorOf(username: string): Promise<Actor> {
  const [user] = await t.db.select().from(users).where(eq(users.username, username))
  if (!user) throw new Error(`no user ${username}`)
  const [role] = await t.db.select().from(roles).where(eq(roles.id, user.roleId))
  if (!role) throw new Error(`no role for ${username}`)
  const props = await t.db
    .select({ id: userProperties.propertyId })
    .from(userProperties)
    .where(eq(userProperties.userId, user.id))
  return {
    userId: user.id,
    orgId: user.orgId,
    username,
    displayName: user.displayName,
    kind: 'staff',
    permissions: new Set(role.permissions),
    allProperties: user.allProperties,
    propertyIds: props.map((p) => p.id),
    customerId: null,
    department: user.department,
    roleCode: role.code,
  }
}

describe('the planner serves search from the bigram indexes', () => {
  it('cases: a rare word, in one building and in all', async () => {
    for (const username of ['cs.agent', 'manager']) {
      const actor = await actorOf(username)
      for (const q of ['漏水', '空调漏水']) {
        const [statement] = await statementsOf((db) => listCases(db, actor, { q, limit: 50 }))
        if (!statement) throw new Error('no statement')
        expect(await planOf(statement), `${username} ${q}`).toContain('cases_search_keys_idx')
      }
    }
  })

  it('customers: a rare word, by name and by contact name', async () => {
    const actor = await actorOf('cs.agent')
    for (const q of ['华信', '张三', '华信贸易']) {
      const [statement] = await statementsOf((db) => listCustomers(db, actor, { q, limit: 50 }))
      if (!statement) throw new Error('no statement')
      const plan = await planOf(statement)
      expect(plan, q).toContain('customers_search_idx')
      expect(plan, q).toContain('customer_contacts_search_idx')
    }
  })
})
