import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { roles as rolesTable } from '../../src/db/schema'
import { syncBuiltinRoles } from '../../src/modules/identity'
import { insertOrganisation } from '../../src/modules/org'
import { startTestApp, type Client, type TestApp } from '../support/app'

type Role = {
  id: string
  code: string
  builtin: boolean
  permissions: string[]
  version: number
  userCount: number
}
type User = {
  id: string
  username: string
  version: number
  propertyIds: string[]
  role: { code: string }
}

let t: TestApp
let admin: Client
let roles: Role[]

beforeAll(async () => {
  t = await startTestApp()
  admin = await t.signIn('admin')
  roles = (await admin.get('/api/v1/roles')).json<{ items: Role[] }>().items
})
afterAll(() => t.close())

const role = (code: string) => {
  const r = roles.find((x) => x.code === code)
  if (!r) throw new Error(`no role ${code}`)
  return r
}

describe('roles', () => {
  it('admin: the built-in roles are listed with their permissions and user counts', async () => {
    expect(
      roles
        .filter((r) => r.builtin)
        .map((r) => r.code)
        .sort(),
    ).toEqual([
      'admin',
      'agent',
      'customer',
      'department_head',
      'department_staff',
      'finance',
      'manager',
      'supervisor',
    ])
    expect(role('agent').permissions).not.toContain('customer.reveal')
    expect(role('supervisor').permissions).toContain('customer.reveal')
    expect(role('customer').userCount).toBe(2)
  })

  it('admin: a built-in role cannot be changed (422 identity.role_builtin)', async () => {
    const res = await admin.patch(`/api/v1/roles/${role('agent').id}`, {
      permissions: ['customer.reveal'],
      version: 1,
    })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ code: 'identity.role_builtin' })
  })

  it('admin: a role with an unknown permission is refused (422 identity.unknown_permission)', async () => {
    const res = await admin.post('/api/v1/roles', {
      code: 'bad_role',
      name: '错误',
      permissions: ['customer.read', 'rocket.launch'],
    })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({
      code: 'identity.unknown_permission',
      unknown: ['rocket.launch'],
    })
  })

  it('admin: creates a night-desk role that may reveal, gives it to a new user, who then can reveal', async () => {
    const created = await admin.post('/api/v1/roles', {
      code: 'night_desk',
      name: '夜班前台',
      permissions: ['property.read', 'unit.read', 'customer.read', 'customer.reveal'],
    })
    expect(created.statusCode).toBe(201)
    const r = created.json<Role>()
    const user = await admin.post('/api/v1/users', {
      username: 'night.one',
      displayName: '夜班一号',
      kind: 'staff',
      department: 'customer_service',
      roleId: r.id,
      propertyIds: [await t.ids.property('SL')],
      password: 'Night2026ok',
    })
    expect(user.statusCode).toBe(201)
    const night = await t.signIn('night.one', 'Night2026ok')
    const someone = (await night.get('/api/v1/customers?limit=1')).json<{
      items: { id: string }[]
    }>().items[0]
    expect((await night.post(`/api/v1/customers/${someone?.id}/reveal`)).statusCode).toBe(200)

    const narrowed = await admin.patch(`/api/v1/roles/${r.id}`, {
      permissions: ['property.read', 'customer.read'],
      version: r.version,
    })
    expect(narrowed.statusCode).toBe(200)
    expect((await night.post(`/api/v1/customers/${someone?.id}/reveal`)).statusCode).toBe(403)
  })
})

describe('users', () => {
  it('admin: searches users by name', async () => {
    const res = await admin.get(`/api/v1/users?q=${encodeURIComponent('主管')}`)
    const names = res.json<{ items: User[] }>().items.map((u) => u.username)
    expect(names).toEqual(
      expect.arrayContaining(['cs.supervisor', 'eng.head', 'sec.head', 'clean.head']),
    )
  })

  it('admin: a customer account must be linked to a customer (422)', async () => {
    const res = await admin.post('/api/v1/users', {
      username: 'cust.x',
      displayName: '客户X',
      kind: 'customer',
      roleId: role('customer').id,
      password: 'Custom2026x',
    })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({
      code: 'identity.customer_link_required',
      field: 'customerId',
    })
  })

  it('admin: a username already taken is 409 conflict.duplicate, whatever its case', async () => {
    const res = await admin.post('/api/v1/users', {
      username: 'CS.Agent',
      displayName: '重复',
      kind: 'staff',
      roleId: role('agent').id,
      password: 'Dupe2026xx',
    })
    expect(res.statusCode).toBe(409)
    expect(res.json()).toMatchObject({ code: 'conflict.duplicate' })
  })

  it('admin: a weak initial password is refused (422 auth.weak_password)', async () => {
    const res = await admin.post('/api/v1/users', {
      username: 'weak.pw',
      displayName: '弱口令',
      kind: 'staff',
      roleId: role('agent').id,
      password: '12345678',
    })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ code: 'auth.weak_password', field: 'password' })
  })

  it('admin: moves a user to another building; the user then sees that building only', async () => {
    const id = await t.ids.user('eng.tech')
    const current = (await admin.get(`/api/v1/users/${id}`)).json<User>()
    const annex = await t.ids.property('SLB')
    const res = await admin.patch(`/api/v1/users/${id}`, {
      propertyIds: [annex],
      version: current.version,
    })
    expect(res.json<User>().propertyIds).toEqual([annex])
    const tech = await t.signIn('eng.tech')
    const props = (await tech.get('/api/v1/properties')).json<{ items: { code: string }[] }>().items
    expect(props.map((p) => p.code)).toEqual(['SLB'])
  })

  it('admin: cannot disable their own account (422 identity.self_lockout)', async () => {
    const id = await t.ids.user('admin')
    const me = (await admin.get(`/api/v1/users/${id}`)).json<User>()
    const res = await admin.patch(`/api/v1/users/${id}`, { disabled: true, version: me.version })
    expect(res.statusCode).toBe(422)
  })

  it('admin: resets a password; the user’s sessions end and the new password works', async () => {
    const agent = await t.signIn('cs.agent')
    const res = await admin.post(`/api/v1/users/${await t.ids.user('cs.agent')}/password`, {
      password: 'Reset2026ok',
    })
    expect(res.statusCode).toBe(204)
    expect((await agent.get('/api/v1/me')).statusCode).toBe(401)
    await expect(t.signIn('cs.agent', 'Reset2026ok')).resolves.toBeDefined()
  })

  it('manager: cannot manage users or roles (403)', async () => {
    const manager = await t.signIn('manager')
    expect((await manager.get('/api/v1/users')).statusCode).toBe(403)
    expect((await manager.get('/api/v1/roles')).statusCode).toBe(403)
  })
})

describe('start-up', () => {
  it('instances starting together give an organisation its built-in roles once, without a conflict', async () => {
    // An organisation without roles stands for roles a new release adds: three starts at once.
    const org = await insertOrganisation(t.db, '同时启动物业')
    await Promise.all([syncBuiltinRoles(t.db), syncBuiltinRoles(t.db), syncBuiltinRoles(t.db)])
    const given = await t.db.select().from(rolesTable).where(eq(rolesTable.orgId, org.id))
    expect(given.map((r) => r.code).sort()).toEqual(
      roles
        .filter((r) => r.builtin)
        .map((r) => r.code)
        .sort(),
    )
    expect(given.every((r) => r.builtin)).toBe(true)
  })
})
