import { expect, test } from '@playwright/test'
import { signIn } from '../support/login'

test('cs.agent: finds a customer by name and by phone', async ({ page }) => {
  await signIn(page, 'cs.agent')
  await expect(page.getByRole('heading', { name: '单元' })).toBeVisible()
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('menuitem', { name: /客户/ })
    .click()
  await expect(page.getByRole('heading', { name: '客户' })).toBeVisible()

  const table = page.getByRole('table')
  const firstRow = table.getByRole('row').nth(1)
  await expect(firstRow).toBeVisible()
  const name = (await firstRow.getByRole('link').textContent())?.trim() ?? ''
  const maskedPhone = (await firstRow.getByRole('cell').nth(2).textContent())?.trim() ?? ''
  expect(name).not.toBe('')
  // Phones in the list are masked by the server: 138****5678.
  expect(maskedPhone).toMatch(/^\d{3}\*{4}\d{4}$/)

  const search = page.getByRole('searchbox', { name: '搜索客户' })
  await search.fill(name)
  await expect(table.getByRole('link', { name, exact: true })).toBeVisible()
  await expect(table.getByRole('row')).not.toHaveCount(1)

  // The visible last four digits are enough to find the customer by phone.
  await search.fill(maskedPhone.slice(-4))
  await expect(table.getByRole('link', { name, exact: true })).toBeVisible()

  // Chinese text nobody bears finds no one, and says so.
  await search.fill('无此客户名')
  await expect(page.getByText('没有符合条件的客户')).toBeVisible()
})
