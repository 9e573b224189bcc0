import { expect, test } from '@playwright/test'
import { signIn } from '../support/login'

test.describe('sign-in', () => {
  test('cs.agent: signs in and sees the units of 示例大厦, floor by floor', async ({ page }) => {
    await signIn(page, 'cs.agent')
    await expect(page).toHaveURL(/\/units$/)
    await expect(page.getByRole('heading', { name: '单元' })).toBeVisible()
    // The building switcher shows the agent's one building.
    await expect(page.getByRole('banner').getByText('示例大厦')).toBeVisible()
    await expect(page.getByRole('region', { name: '楼层 31F' })).toBeVisible()
    await expect(page.getByRole('region', { name: '楼层 2F' })).toBeVisible()
    await expect(page.getByRole('button', { name: /3101/ })).toBeVisible()
    await expect(page.getByText('300 个单元')).toBeVisible()
    // An agent does not manage floors or units, users, roles or the audit log.
    await expect(page.getByRole('button', { name: /新建单元/ })).toHaveCount(0)
    const nav = page.getByRole('navigation', { name: '主导航' })
    await expect(nav.getByRole('menuitem', { name: /客户/ })).toBeVisible()
    await expect(nav.getByRole('menuitem', { name: /用户|角色|审计日志/ })).toHaveCount(0)
  })

  test('anyone: a wrong password is refused in the user’s language', async ({ page }) => {
    await page.goto('/login')
    await page.getByLabel('用户名', { exact: true }).fill('cs.agent')
    await page.getByLabel('密码', { exact: true }).fill('not-the-password')
    await page.getByRole('button', { name: /^登\s*录$/ }).click()
    await expect(page.getByRole('alert')).toHaveText('用户名或密码错误')
    await expect(page).toHaveURL(/\/login/)
  })

  test('cs.agent: a page opened afresh asks for the account once, while its scripts load', async ({
    page,
  }) => {
    await signIn(page, 'cs.agent')
    const asked: string[] = []
    page.on('request', (request) => asked.push(new URL(request.url()).pathname))
    await page.goto('/cases')
    await expect(page.getByRole('heading', { name: '工单队列' })).toBeVisible()
    await expect(page.locator('tbody tr').first()).toBeVisible()
    // index.html asks before any module has run; the console (its own chunk, loaded once the
    // first one ran) takes that answer instead of asking again.
    expect(asked.filter((path) => path === '/api/v1/me')).toHaveLength(1)
    const consoleChunk = asked.findIndex((path) => /^\/assets\/console-.*\.js$/.test(path))
    expect(consoleChunk).toBeGreaterThan(asked.indexOf('/api/v1/me'))
    // Signed out, the same early answer (a 401) leads to the sign-in page.
    await page.context().clearCookies()
    await page.goto('/cases')
    await expect(page).toHaveURL(/\/login\?next=%2Fcases/)
  })

  test('anyone: a page asked for before signing in opens after signing in', async ({ page }) => {
    await page.goto('/customers')
    await expect(page).toHaveURL(/\/login\?next=%2Fcustomers/)
    await page.getByLabel('用户名', { exact: true }).fill('cs.agent')
    await page.getByLabel('密码', { exact: true }).fill('demo1234')
    await page.getByRole('button', { name: /^登\s*录$/ }).click()
    await expect(page).toHaveURL(/\/customers$/)
    await expect(page.getByRole('heading', { name: '客户' })).toBeVisible()
  })
})
