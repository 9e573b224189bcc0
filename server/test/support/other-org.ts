import type { Db } from '../../src/platform/db'
import { hashPassword } from '../../src/platform/auth'
import { insertFloor, insertOrganisation, insertProperty, insertUnit } from '../../src/modules/org'
import { insertCustomer, insertOccupancy } from '../../src/modules/customers'
import { ensureBuiltinRoles, insertUser } from '../../src/modules/identity'

export const OTHER_ORG = { admin: 'other.admin', password: 'demo1234' }

/** A second organisation, so tests can prove nobody reaches across organisations. */
export async function seedOtherOrganisation(db: Db) {
  const org = await insertOrganisation(db, '其他物业有限公司')
  const roles = await ensureBuiltinRoles(db, org.id)
  const property = await insertProperty(db, { orgId: org.id, code: 'OT', name: '其他大厦' })
  const floor = await insertFloor(db, {
    orgId: org.id,
    propertyId: property.id,
    label: '1F',
    level: 1,
    kind: 'office',
  })
  const unit = await insertUnit(db, {
    orgId: org.id,
    propertyId: property.id,
    floorId: floor.id,
    number: '101',
    kind: 'office',
    areaM2: 100,
  })
  const customer = await insertCustomer(db, {
    orgId: org.id,
    propertyId: property.id,
    kind: 'company',
    name: '外部公司',
    phone: '13900001111',
  })
  await insertOccupancy(db, {
    orgId: org.id,
    propertyId: property.id,
    unitId: unit.id,
    customerId: customer.id,
    role: 'tenant',
    fromDate: '2025-01-01',
  })
  const adminRole = roles['admin']
  if (!adminRole) throw new Error('admin role missing')
  await insertUser(db, {
    orgId: org.id,
    username: OTHER_ORG.admin,
    displayName: '外部管理员',
    kind: 'staff',
    roleId: adminRole.id,
    allProperties: true,
    passwordHash: await hashPassword(OTHER_ORG.password),
  })
}
