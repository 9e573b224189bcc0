import { expect, test } from '@playwright/test'
import { signIn } from '../support/login'

test('cs.agent: switches the console to English and back, and the choice is kept', async ({
  page,
}) => {
  await signIn(page, 'cs.agent')
  await expect(page.getByRole('heading', { name: '单元' })).toBeVisible()

  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { name: 'Units' })).toBeVisible()
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  await expect(nav.getByRole('menuitem', { name: /Customers/ })).toBeVisible()
  await expect(page.getByText('300 units')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  // Kept across a reload (localStorage).
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Units' })).toBeVisible()

  await page.getByRole('button', { name: '中文' }).click()
  await expect(page.getByRole('heading', { name: '单元' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
})

test('anyone: the login page switches language before signing in', async ({ page }) => {
  await page.goto('/login')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByLabel('Username', { exact: true })).toBeVisible()
  await page.getByLabel('Username', { exact: true }).fill('cs.agent')
  await page.getByLabel('Password', { exact: true }).fill('wrong password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password')
  await page.getByRole('button', { name: '中文' }).click()
  await expect(page.getByRole('alert')).toHaveText('用户名或密码错误')
})
