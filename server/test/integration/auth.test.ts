import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } })

describe('sign-in', () => {
  it('staff: signs in by username and gets an HttpOnly SameSite session cookie and a readable CSRF cookie', async () => {
    const res = await login('cs.agent', 'demo1234')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      user: { username: 'cs.agent', kind: 'staff', role: { code: 'agent' } },
    })
    const session = res.cookies.find((c) => c.name === 'atrium_session')
    const csrf = res.cookies.find((c) => c.name === 'atrium_csrf')
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(csrf?.httpOnly).toBeFalsy()
    expect(session?.value).not.toEqual(csrf?.value)
  })

  it('staff: signs in by phone number as well', async () => {
    const admin = await t.signIn('admin')
    const me = await admin.get('/api/v1/me')
    const user = await admin.get(`/api/v1/users/${await t.ids.user('eng.tech')}`)
    const version = user.json<{ version: number }>().version
    expect(
      (
        await admin.patch(`/api/v1/users/${await t.ids.user('eng.tech')}`, {
          phone: '13700001234',
          version,
        })
      ).statusCode,
    ).toBe(200)
    const res = await login('13700001234', 'demo1234')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ user: { username: 'eng.tech' } })
    expect(me.statusCode).toBe(200)
  })

  it('anyone: a wrong password and an unknown user get the same 401 auth.invalid_credentials', async () => {
    const wrong = await login('cs.agent', 'nope')
    const unknown = await login('nobody', 'nope')
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(res.json()).toMatchObject({ code: 'auth.invalid_credentials' })
    }
  })

  it('staff: five wrong passwords lock the account (423) even for the right password, until an admin unlocks it', async () => {
    for (let i = 0; i < 4; i++)
      expect((await login('sec.guard', 'wrong-' + i)).statusCode).toBe(401)
    const fifth = await login('sec.guard', 'wrong-5')
    expect(fifth.statusCode).toBe(423)
    expect(fifth.json()).toMatchObject({ code: 'auth.locked' })
    expect(new Date(fifth.json<{ lockedUntil: string }>().lockedUntil).getTime()).toBeGreaterThan(
      t.clock.now().getTime(),
    )
    expect((await login('sec.guard', 'demo1234')).statusCode).toBe(423)

    const admin = await t.signIn('admin')
    const unlocked = await admin.post(`/api/v1/users/${await t.ids.user('sec.guard')}/unlock`)
    expect(unlocked.statusCode).toBe(200)
    expect(unlocked.json()).toMatchObject({ lockedUntil: null })
    expect((await login('sec.guard', 'demo1234')).statusCode).toBe(200)
  })

  it('staff: a lockout ends by itself after 15 minutes', async () => {
    for (let i = 0; i < 5; i++) await login('clean.head', 'wrong')
    expect((await login('clean.head', 'demo1234')).statusCode).toBe(423)
    t.clock.advance(16 * 60_000)
    expect((await login('clean.head', 'demo1234')).statusCode).toBe(200)
  })

  it('a disabled account cannot sign in and its sessions end', async () => {
    const admin = await t.signIn('admin')
    const fin = await t.signIn('fin.staff')
    expect((await fin.get('/api/v1/me')).statusCode).toBe(200)
    const id = await t.ids.user('fin.staff')
    const { version } = (await admin.get(`/api/v1/users/${id}`)).json<{ version: number }>()
    expect((await admin.patch(`/api/v1/users/${id}`, { disabled: true, version })).statusCode).toBe(
      200,
    )
    expect((await fin.get('/api/v1/me')).statusCode).toBe(401)
    expect((await login('fin.staff', 'demo1234')).statusCode).toBe(401)
  })
})

describe('sessions', () => {
  it('staff: GET /me returns the user, role, permissions and buildings in scope', async () => {
    const agent = await t.signIn('cs.agent')
    const me = (await agent.get('/api/v1/me')).json<{
      permissions: string[]
      properties: { code: string }[]
    }>()
    expect(me.permissions).toContain('customer.read')
    expect(me.permissions).not.toContain('customer.reveal')
    expect(me.properties.map((p) => p.code)).toEqual(['SL'])
    const manager = (await (await t.signIn('manager')).get('/api/v1/me')).json<{
      properties: { code: string }[]
    }>()
    expect(manager.properties.map((p) => p.code)).toEqual(['SL', 'SLB'])
  })

  it('customer: GET /me names the customer record and only the buildings of their units', async () => {
    const tenant = await t.signIn('tenant.office')
    const me = (await tenant.get('/api/v1/me')).json<{
      kind: string
      customerId: string
      properties: { code: string }[]
    }>()
    expect(me.kind).toBe('customer')
    expect(me.customerId).toBe(await t.ids.customerOf('tenant.office'))
    expect(me.properties.map((p) => p.code)).toEqual(['SL'])
  })

  it('staff: an unsafe request without the CSRF header is refused with 403 auth.csrf and changes nothing', async () => {
    const agent = await t.signIn('cs.agent')
    const propertyId = await t.ids.property('SL')
    const res = await agent.request(
      'POST',
      '/api/v1/customers',
      { propertyId, kind: 'person', name: 'CSRF 测试' },
      { 'x-csrf-token': 'forged' },
    )
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'auth.csrf' })
    const search = await agent.get(`/api/v1/customers?q=${encodeURIComponent('CSRF 测试')}`)
    expect(search.json<{ items: unknown[] }>().items).toHaveLength(0)
  })

  it('staff: logout ends the session; the old cookie no longer works', async () => {
    const agent = await t.signIn('cs.agent')
    expect((await agent.post('/api/v1/auth/logout')).statusCode).toBe(204)
    expect((await agent.get('/api/v1/me')).statusCode).toBe(401)
  })

  it('staff: a session expires after its time to live without use', async () => {
    const agent = await t.signIn('cs.agent')
    t.clock.advance((t.config.sessionTtlHours + 1) * 3600_000)
    expect((await agent.get('/api/v1/me')).statusCode).toBe(401)
  })
})

describe('password change', () => {
  it('staff: a wrong current password is 422 auth.wrong_password on field currentPassword', async () => {
    const me = await t.signIn('eng.head')
    const res = await me.post('/api/v1/me/password', {
      currentPassword: 'bad',
      newPassword: 'Better2026x',
    })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ code: 'auth.wrong_password', field: 'currentPassword' })
  })

  it('staff: a weak new password is 422 auth.weak_password', async () => {
    const me = await t.signIn('eng.head')
    const res = await me.post('/api/v1/me/password', {
      currentPassword: 'demo1234',
      newPassword: 'short',
    })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ code: 'auth.weak_password', field: 'newPassword' })
  })

  it('staff: changing the password keeps this session, ends the others, and the new password signs in', async () => {
    const here = await t.signIn('sec.head')
    const elsewhere = await t.signIn('sec.head')
    const res = await here.post('/api/v1/me/password', {
      currentPassword: 'demo1234',
      newPassword: 'Guard2026new',
    })
    expect(res.statusCode).toBe(204)
    expect((await here.get('/api/v1/me')).statusCode).toBe(200)
    expect((await elsewhere.get('/api/v1/me')).statusCode).toBe(401)
    expect((await login('sec.head', 'demo1234')).statusCode).toBe(401)
    expect((await login('sec.head', 'Guard2026new')).statusCode).toBe(200)
  })
})

describe('login rate limit', () => {
  it('anyone: more sign-in attempts a minute than allowed get 429 rate_limited', async () => {
    const limited = await startTestApp({ loginRateLimitPerMinute: 3 })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 5; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'x', password: 'y' },
        })
        statuses.push(res.statusCode)
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429])
    } finally {
      await limited.close()
    }
  })
})
