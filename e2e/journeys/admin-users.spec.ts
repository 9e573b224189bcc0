import { expect, test } from '@playwright/test'
import { signIn } from '../support/login'

test('admin: creates a staff user who can then sign in', async ({ page, browser }) => {
  const username = `e2e.${Date.now().toString(36)}`
  const password = 'Atrium-e2e-2026!'

  await signIn(page, 'admin')
  await expect(page.getByRole('heading', { name: '单元' })).toBeVisible()
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('menuitem', { name: /用户/ })
    .click()
  await expect(page.getByRole('heading', { name: '用户' })).toBeVisible()
  await page.getByRole('button', { name: /新建用户/ }).click()

  const dialog = page.getByRole('dialog', { name: '新建用户' })
  await dialog.getByLabel('用户名', { exact: true }).fill(username)
  await dialog.getByLabel('姓名', { exact: true }).fill('测试客服')
  await dialog.getByLabel('部门', { exact: true }).click()
  await page.getByRole('option', { name: '客服部' }).click()
  await dialog.getByLabel('角色', { exact: true }).click()
  await page.getByRole('option', { name: '客服专员' }).click()
  await dialog.getByLabel('可访问大厦', { exact: true }).click()
  await page.getByRole('option', { name: '示例大厦' }).click()
  await dialog.getByLabel('初始密码', { exact: true }).fill(password)
  await dialog.getByRole('button', { name: /保\s*存/ }).click()

  await expect(dialog).toBeHidden()
  await expect(page.getByRole('cell', { name: username, exact: true })).toBeVisible()

  // A separate browser context: a fresh session for the new user.
  const context = await browser.newContext()
  const other = await context.newPage()
  await signIn(other, username, password)
  await expect(other.getByRole('heading', { name: '单元' })).toBeVisible()
  await expect(other.getByRole('button', { name: /测试客服/ })).toBeVisible()
  await context.close()
})
