import type { Db } from '../platform/db'
import type { Clock } from '../platform/clock'
import { recordAudit } from '../platform/audit'
import { hashPassword } from '../platform/auth'
import { localDate } from '../platform/clock/local-date'
import {
  insertFloor,
  insertOrganisation,
  insertProperty,
  insertUnit,
  type UnitRow,
} from '../modules/org'
import { insertCustomer, insertOccupancy, replaceContacts } from '../modules/customers'
import { ensureBuiltinRoles, insertUser, replaceUserProperties } from '../modules/identity'
import { ensureCalendar } from '../modules/settings'
import { companyName, idNumber, mobile, personName, prng } from './demo-names'
import { isDatabaseEmpty, lockDemoSeed, setUnitStatus } from './demo.repository'
import { seedDemoCases } from './seed-cases'
import { seedDemoBilling } from './seed-billing'
import { seedDemoFitOuts } from './seed-fit-outs'

export const DEMO_PASSWORD = 'demo1234'

type DemoUser = {
  username: string
  displayName: string
  role: string
  department: 'customer_service' | 'engineering' | 'security' | 'finance' | 'cleaning' | null
  allProperties?: boolean
  customer?: 'office' | 'apartment'
}

// The demo logins of ARCHITECTURE.md "Sign-in"; all share the password demo1234.
export const demoUsers: DemoUser[] = [
  {
    username: 'admin',
    displayName: '系统管理员',
    role: 'admin',
    department: null,
    allProperties: true,
  },
  {
    username: 'manager',
    displayName: '周经理',
    role: 'manager',
    department: 'customer_service',
    allProperties: true,
  },
  {
    username: 'cs.supervisor',
    displayName: '林主管',
    role: 'supervisor',
    department: 'customer_service',
  },
  { username: 'cs.agent', displayName: '陈前台', role: 'agent', department: 'customer_service' },
  {
    username: 'eng.head',
    displayName: '赵工程主管',
    role: 'department_head',
    department: 'engineering',
  },
  {
    username: 'eng.tech',
    displayName: '孙技术员',
    role: 'department_staff',
    department: 'engineering',
  },
  {
    username: 'sec.head',
    displayName: '郑保安主管',
    role: 'department_head',
    department: 'security',
  },
  {
    username: 'sec.guard',
    displayName: '吴保安',
    role: 'department_staff',
    department: 'security',
  },
  { username: 'fin.staff', displayName: '钱会计', role: 'finance', department: 'finance' },
  {
    username: 'clean.head',
    displayName: '冯保洁主管',
    role: 'department_head',
    department: 'cleaning',
  },
  {
    username: 'tenant.office',
    displayName: '写字间租户',
    role: 'customer',
    department: null,
    customer: 'office',
  },
  {
    username: 'tenant.apartment',
    displayName: '公寓租户',
    role: 'customer',
    department: null,
    customer: 'apartment',
  },
]

function addYears(date: string, years: number) {
  const [y, m, d] = date.split('-')
  return `${Number(y) + years}-${m}-${d}`
}

/** Seeds the demo organisation, building, customers and users. Returns false when data exists. */
export async function seedDemo(db: Db, clock: Clock): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockDemoSeed(tx)
    if (!(await isDatabaseEmpty(tx))) return false
    const rand = prng(20261129)
    const today = localDate(clock.now())
    const org = await insertOrganisation(tx, '示例物业服务有限公司')
    const roles = await ensureBuiltinRoles(tx, org.id)
    const main = await insertProperty(tx, {
      orgId: org.id,
      code: 'SL',
      name: '示例大厦',
      address: '上海市浦东新区世纪大道 88 号',
    })
    const annex = await insertProperty(tx, {
      orgId: org.id,
      code: 'SLB',
      name: '示例公寓B座',
      address: '上海市浦东新区世纪大道 90 号',
    })
    // Working calendars with the official holidays, so deadlines count working time from day one.
    for (const p of [main, annex]) await ensureCalendar(tx, org.id, p.id, p.timezone, clock)

    // 示例大厦: offices on 2F–11F, apartments on 12F–31F, ten units a floor: 300 units.
    const offices: UnitRow[] = []
    const apartments: UnitRow[] = []
    for (let level = 2; level <= 31; level++) {
      const kind = level <= 11 ? 'office' : 'apartment'
      const floor = await insertFloor(tx, {
        orgId: org.id,
        propertyId: main.id,
        label: `${level}F`,
        level,
        kind,
      })
      for (let n = 1; n <= 10; n++) {
        const area =
          kind === 'office' ? 80 + Math.round(rand() * 180) : 45 + Math.round(rand() * 95)
        const unit = await insertUnit(tx, {
          orgId: org.id,
          propertyId: main.id,
          floorId: floor.id,
          number: `${level}${String(n).padStart(2, '0')}`,
          kind,
          areaM2: area + Math.round(rand() * 100) / 100,
        })
        ;(kind === 'office' ? offices : apartments).push(unit)
      }
    }
    for (let level = 1; level <= 4; level++) {
      const floor = await insertFloor(tx, {
        orgId: org.id,
        propertyId: annex.id,
        label: `${level}F`,
        level,
        kind: 'apartment',
      })
      for (let n = 1; n <= 5; n++) {
        await insertUnit(tx, {
          orgId: org.id,
          propertyId: annex.id,
          floorId: floor.id,
          number: `B${level}${String(n).padStart(2, '0')}`,
          kind: 'apartment',
          areaM2: 60 + Math.round(rand() * 60),
        })
      }
    }

    const occupy = async (
      unit: UnitRow,
      customerId: string,
      role: 'owner' | 'tenant',
      yearsAgo: number,
    ) => {
      await insertOccupancy(tx, {
        orgId: org.id,
        propertyId: main.id,
        unitId: unit.id,
        customerId,
        role,
        fromDate: addYears(today, -yearsAgo),
        toDate: role === 'tenant' ? addYears(today, 1 + (yearsAgo % 2)) : null,
      })
    }

    // 40 companies in the offices: 30 tenants, 10 owners; 80 people in the apartments: 50 owners, 30 tenants.
    const linked: Record<'office' | 'apartment', string> = { office: '', apartment: '' }
    const officeCustomers: string[] = []
    const officeUnits: string[] = []
    const allCustomers: string[] = []
    for (let i = 0; i < 40; i++) {
      const unit = offices[i * 2]
      if (!unit) break
      const role = i < 30 ? 'tenant' : 'owner'
      const c = await insertCustomer(tx, {
        orgId: org.id,
        propertyId: main.id,
        kind: 'company',
        name: companyName(i, rand),
        phone: `021${String(50000000 + Math.floor(rand() * 49999999))}`,
        email: `office${i + 1}@example.cn`,
      })
      await replaceContacts(tx, org.id, c.id, [
        { name: personName(rand), phone: mobile(rand), title: '行政经理', isPrimary: true },
        { name: personName(rand), phone: mobile(rand), title: '财务', isPrimary: false },
      ])
      await occupy(unit, c.id, role, 1 + (i % 4))
      officeCustomers.push(c.id)
      officeUnits.push(unit.id)
      allCustomers.push(c.id)
      await setUnitStatus(tx, unit.id, i % 13 === 5 ? 'fitting_out' : 'occupied')
      if (i === 0) linked.office = c.id
    }
    for (let i = 0; i < 80; i++) {
      const unit = apartments[i < 50 ? i * 3 : (i - 50) * 3]
      if (!unit) break
      const role = i < 50 ? 'owner' : 'tenant'
      const c = await insertCustomer(tx, {
        orgId: org.id,
        propertyId: main.id,
        kind: 'person',
        name: personName(rand),
        phone: mobile(rand),
        idNumber: idNumber(rand),
        notes: i % 10 === 0 ? '业主委员会成员' : '',
      })
      await occupy(unit, c.id, role, 1 + (i % 5))
      allCustomers.push(c.id)
      await setUnitStatus(tx, unit.id, 'occupied')
      if (i === 50) linked.apartment = c.id
    }

    const passwordHash = await hashPassword(DEMO_PASSWORD)
    let adminId = ''
    for (const u of demoUsers) {
      const role = roles[u.role]
      if (!role) throw new Error(`demo role ${u.role} missing`)
      const user = await insertUser(tx, {
        orgId: org.id,
        username: u.username,
        displayName: u.displayName,
        kind: u.customer ? 'customer' : 'staff',
        department: u.department,
        roleId: role.id,
        allProperties: Boolean(u.allProperties),
        customerId: u.customer ? linked[u.customer] : null,
        passwordHash,
      })
      if (!u.customer && !u.allProperties)
        await replaceUserProperties(tx, org.id, user.id, [main.id])
      if (u.username === 'admin') adminId = user.id
    }
    await seedDemoBilling(tx, clock, {
      orgId: org.id,
      adminId,
      propertyId: main.id,
      officeCustomers,
      officeUnits,
      customers: allCustomers,
    })
    await seedDemoCases(tx, clock, {
      propertyId: main.id,
      unitId: officeUnits[0]!,
      customerId: officeCustomers[0]!,
    })
    await seedDemoFitOuts(tx, clock, {
      propertyId: main.id,
      orgId: org.id,
      offices: [4, 5, 6].map((i) => ({
        unitId: officeUnits[i]!,
        customerId: officeCustomers[i]!,
      })),
    })
    await recordAudit(
      tx,
      clock,
      { actor: null, orgId: org.id, actorName: 'system' },
      {
        action: 'demo.seed',
        entityType: 'organisation',
        entityId: org.id,
        diff: { properties: 2, units: 320, customers: 120, users: demoUsers.length },
      },
    )
    return true
  })
}
