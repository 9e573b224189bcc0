// The organisation, its buildings, floors, units, customers, occupancies and staff accounts.
import type pg from 'pg'
import { uuidv7 } from '../../server/src/db/schema/ids'
import { companyName, idNumber, mobile, personName } from '../../server/src/demo/demo-names'
import type { Database } from '../../server/src/platform/db'
import { ensureBuiltinRoles } from '../../server/src/modules/identity'
import { ensureCalendar } from '../../server/src/modules/settings'
import { hashPassword } from '../../server/src/platform/auth'
import { buildingName } from './texts'
import {
  BENCH_PASSWORD,
  localDay,
  pad,
  type Building,
  type ScaleSpec,
  type SeedContext,
} from './spec'
import { TableBatch, type Writer } from './writer'

const UNITS_PER_FLOOR = 20

/** Posts every building has, with their role and department. */
const posts: { post: string; role: string; department: string | null }[] = [
  { post: 'agent1', role: 'agent', department: 'customer_service' },
  { post: 'agent2', role: 'agent', department: 'customer_service' },
  { post: 'supervisor', role: 'supervisor', department: 'customer_service' },
  { post: 'eng.head', role: 'department_head', department: 'engineering' },
  { post: 'eng.tech1', role: 'department_staff', department: 'engineering' },
  { post: 'eng.tech2', role: 'department_staff', department: 'engineering' },
  { post: 'eng.tech3', role: 'department_staff', department: 'engineering' },
  { post: 'sec.head', role: 'department_head', department: 'security' },
  { post: 'sec.guard', role: 'department_staff', department: 'security' },
  { post: 'fin', role: 'finance', department: 'finance' },
  { post: 'clean.head', role: 'department_head', department: 'cleaning' },
  { post: 'clean.staff', role: 'department_staff', department: 'cleaning' },
]

/** `b001.agent1`: a building's staff login. */
export const staffLogin = (buildingIndex: number, post: string) =>
  `b${pad(buildingIndex + 1, 3)}.${post}`

// 29 February becomes the 28th: the same day another year may not exist.
const addYears = (day: string, years: number) =>
  `${Number(day.slice(0, 4)) + years}${day.slice(4) === '-02-29' ? '-02-28' : day.slice(4)}`

export async function seedOrganisation(pool: pg.Pool, database: Database) {
  const result = await pool.query<{ id: string }>(
    `insert into organisations (name) values ('示例物业服务集团有限公司') returning id`,
  )
  const orgId = result.rows[0]?.id
  if (!orgId) throw new Error('organisation insert')
  const roles = await ensureBuiltinRoles(database.db, orgId)
  const roleIds = Object.fromEntries(Object.entries(roles).map(([code, r]) => [code, r.id]))
  return { orgId, roleIds }
}

export async function seedBuildings(
  database: Database,
  writer: Writer,
  ctx: SeedContext,
  spec: ScaleSpec,
  roleIds: Record<string, string>,
): Promise<{ buildings: Building[]; globalUsers: Record<string, string> }> {
  const { orgId, rand } = ctx
  const today = localDay(ctx.now)
  const passwordHash = await hashPassword(BENCH_PASSWORD)
  const t = (table: string, columns: [string, string][]) => new TableBatch(writer, table, columns)
  const properties = t('properties', [
    ['id', 'uuid'],
    ['org_id', 'uuid'],
    ['code', 'text'],
    ['name', 'text'],
    ['address', 'text'],
  ])
  const floors = t('floors', [
    ['id', 'uuid'],
    ['org_id', 'uuid'],
    ['property_id', 'uuid'],
    ['label', 'text'],
    ['level', 'int'],
    ['kind', 'text'],
  ])
  const units = t('units', [
    ['id', 'uuid'],
    ['org_id', 'uuid'],
    ['property_id', 'uuid'],
    ['floor_id', 'uuid'],
    ['number', 'text'],
    ['kind', 'text'],
    ['area_m2', 'numeric'],
    ['status', 'text'],
  ])
  const customers = t('customers', [
    ['id', 'uuid'],
    ['org_id', 'uuid'],
    ['property_id', 'uuid'],
    ['kind', 'text'],
    ['name', 'text'],
    ['phone', 'text'],
    ['id_number', 'text'],
    ['email', 'text'],
  ])
  const contacts = t('customer_contacts', [
    ['org_id', 'uuid'],
    ['customer_id', 'uuid'],
    ['name', 'text'],
    ['phone', 'text'],
    ['title', 'text'],
    ['is_primary', 'boolean'],
  ])
  const occupancies = t('occupancies', [
    ['id', 'uuid'],
    ['org_id', 'uuid'],
    ['property_id', 'uuid'],
    ['unit_id', 'uuid'],
    ['customer_id', 'uuid'],
    ['role', 'text'],
    ['from_date', 'date'],
    ['to_date', 'date'],
  ])
  const users = t('users', [
    ['id', 'uuid'],
    ['org_id', 'uuid'],
    ['username', 'text'],
    ['display_name', 'text'],
    ['kind', 'text'],
    ['department', 'text'],
    ['role_id', 'uuid'],
    ['all_properties', 'boolean'],
    ['password_hash', 'text'],
  ])
  const userProperties = t('user_properties', [
    ['user_id', 'uuid'],
    ['property_id', 'uuid'],
    ['org_id', 'uuid'],
  ])

  const globalUsers: Record<string, string> = {}
  for (const [username, name, role, department] of [
    ['bench.admin', '集团管理员', 'admin', null],
    ['bench.manager', '集团客服经理', 'manager', 'customer_service'],
    ['bench.finance', '集团财务', 'finance', 'finance'],
  ] as const) {
    const id = uuidv7()
    globalUsers[username] = id
    users.add([
      id,
      orgId,
      username,
      name,
      'staff',
      department,
      roleIds[role] ?? null,
      true,
      passwordHash,
    ])
  }

  const unitsPerBuilding = Math.round(spec.units / spec.buildings)
  const customersPerBuilding = Math.round(spec.customers / spec.buildings)
  const floorCount = Math.ceil(unitsPerBuilding / UNITS_PER_FLOOR)
  const buildings: Building[] = []
  for (let b = 0; b < spec.buildings; b++) {
    const id = uuidv7()
    const code = `B${pad(b + 1, 3)}`
    const name = buildingName(b)
    properties.add([id, orgId, code, name, `上海市浦东新区示例路 ${b + 1} 号`])
    // Offices on the lower floors of two buildings in three; the rest are apartments.
    const officeFloors = b % 3 === 2 ? 0 : Math.floor(floorCount * 0.4)
    const building: Building = { index: b, id, code, name, staff: {}, units: [], payers: [] }
    for (let level = 1; level <= floorCount; level++) {
      const floorId = uuidv7()
      const kind = level <= officeFloors ? 'office' : 'apartment'
      floors.add([floorId, orgId, id, `${level}F`, level, kind])
      for (let n = 1; n <= UNITS_PER_FLOOR && building.units.length < unitsPerBuilding; n++) {
        const area =
          Math.round((kind === 'office' ? 80 + rand() * 180 : 45 + rand() * 95) * 100) / 100
        const unit = {
          id: uuidv7(),
          number: `${level}${pad(n, 2)}`,
          kind,
          area,
          level,
        } as const
        units.add([unit.id, orgId, id, floorId, unit.number, kind, area, 'occupied'])
        building.units.push(unit)
      }
    }
    // Every unit has an owner; the customers beyond one a unit are tenants spread over the units.
    const upb = building.units.length
    for (let c = 0; c < customersPerBuilding; c++) {
      const owner = c < upb
      const unitIndex = owner ? c : ((c - upb) * 2) % upb
      const unit = building.units[unitIndex]
      if (!unit) break
      const customerId = uuidv7()
      const company = unit.kind === 'office'
      const customerName = company ? companyName(c, rand) : personName(rand)
      customers.add([
        customerId,
        orgId,
        id,
        company ? 'company' : 'person',
        customerName,
        company ? `021${String(50000000 + Math.floor(rand() * 49999999))}` : mobile(rand),
        company ? null : idNumber(rand),
        company ? `office${b + 1}-${c + 1}@example.cn` : null,
      ])
      if (company)
        contacts.add([orgId, customerId, personName(rand), mobile(rand), '行政经理', true])
      const occupancyId = uuidv7()
      const yearsAgo = 1 + (c % 5)
      occupancies.add([
        occupancyId,
        orgId,
        id,
        unit.id,
        customerId,
        owner ? 'owner' : 'tenant',
        addYears(today, -yearsAgo),
        owner ? null : addYears(today, 1 + (c % 2)),
      ])
      // The tenant pays the fees of a let unit; the owner those of the others.
      building.payers[unitIndex] = { customerId, customerName, occupancyId }
    }
    for (const { post, role, department } of posts) {
      const userId = uuidv7()
      const displayName = personName(rand)
      users.add([
        userId,
        orgId,
        staffLogin(b, post),
        displayName,
        'staff',
        department,
        roleIds[role] ?? null,
        false,
        passwordHash,
      ])
      userProperties.add([userId, id, orgId])
      building.staff[post] = { id: userId, name: displayName, roleCode: role }
    }
    buildings.push(building)
  }
  // Parents before children: each table is written before the next one's rows refer to it.
  for (const table of [properties, floors, units, customers, contacts, occupancies, users]) {
    await table.flush()
    await writer.drain()
  }
  await userProperties.flush()
  await writer.drain()
  // Working calendars with the official holidays: deadlines count working time from day one.
  for (const b of buildings) await ensureCalendar(database.db, orgId, b.id, 'Asia/Shanghai')
  return { buildings, globalUsers }
}
