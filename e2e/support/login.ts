import type { Page } from '@playwright/test'

/**
 * Signs in through the login page (zh-CN, the default UI) and waits until the app has
 * moved on from /login. Demo users share the password `demo1234`.
 */
export async function signIn(page: Page, username: string, password = 'demo1234'): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('用户名', { exact: true }).fill(username)
  await page.getByLabel('密码', { exact: true }).fill(password)
  // antd puts a space between the two characters of a two-character button: "登 录"
  await page.getByRole('button', { name: /^登\s*录$/ }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}
