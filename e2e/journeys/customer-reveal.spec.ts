import { expect, test, type Page } from '@playwright/test'
import { signIn } from '../support/login'

async function openFirstCustomer(page: Page): Promise<string> {
  await page.goto('/customers')
  const link = page.getByRole('table').getByRole('row').nth(1).getByRole('link')
  const name = (await link.textContent())?.trim() ?? ''
  await link.click()
  await expect(page.getByRole('heading', { name })).toBeVisible()
  return page.url().split('/customers/')[1] ?? ''
}

const phoneCell = (page: Page) => page.getByRole('cell', { name: /^电话/ })

test('cs.supervisor: reveals a customer’s full phone, and the reveal is noted', async ({
  page,
}) => {
  await signIn(page, 'cs.supervisor')
  await openFirstCustomer(page)
  await expect(phoneCell(page)).toContainText('****')

  await page.getByRole('button', { name: /显\s*示/ }).click()
  await expect(phoneCell(page)).not.toContainText('*')
  await expect(phoneCell(page)).toContainText(/\d{11}/)
  await expect(page.getByText('本次查看已记入审计日志')).toBeVisible()
  await expect(page.getByRole('button', { name: /显\s*示/ })).toHaveCount(0)
})

test('cs.agent: has no reveal button, and the server refuses the reveal', async ({ page }) => {
  await signIn(page, 'cs.agent')
  const id = await openFirstCustomer(page)
  await expect(phoneCell(page)).toContainText('****')
  await expect(page.getByRole('button', { name: /显\s*示/ })).toHaveCount(0)

  const csrf = (await page.context().cookies()).find((c) => c.name === 'atrium_csrf')?.value
  expect(csrf).toBeTruthy()
  const response = await page.request.post(`/api/v1/customers/${id}/reveal`, {
    headers: { 'x-csrf-token': csrf ?? '' },
  })
  expect(response.status()).toBe(403)
  expect(await response.json()).toMatchObject({ code: 'forbidden' })
})
