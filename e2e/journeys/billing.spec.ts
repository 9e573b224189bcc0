import { expect, type Page, test } from '@playwright/test'
import { signIn } from '../support/login'

/** "¥24,816.00" → 2481600 (fen), so the test compares whole numbers. */
function fenOf(text: string | null): number {
  const match = /(-?)¥([\d,]+)\.(\d{2})/.exec(text ?? '')
  if (!match) throw new Error(`not an amount: ${text}`)
  const [, sign, yuan = '0', cents = '00'] = match
  return (sign ? -1 : 1) * Number(yuan.replaceAll(',', '') + cents)
}

const openAmount = (page: Page) =>
  page.locator('.ant-statistic', { hasText: '未收' }).locator('.ant-statistic-content')

test('fin.staff records a payment for a customer in arrears and gets a receipt', async ({
  page,
}) => {
  await signIn(page, 'fin.staff')
  const nav = page.getByRole('navigation', { name: '主导航' })
  await nav.getByRole('menuitem', { name: /财务/ }).click()
  await nav.getByRole('menuitem', { name: /欠费/ }).click()
  await expect(page.getByRole('heading', { name: '欠费' })).toBeVisible()

  // The arrears list is sorted by total: the first customer owes the most.
  const first = page.getByRole('table').getByRole('row').nth(1)
  const name = (await first.getByRole('link').textContent())?.trim() ?? ''
  expect(name).not.toBe('')
  await first.getByRole('link').click()
  await expect(page.getByRole('heading', { name: `客户对账单 · ${name}` })).toBeVisible()

  const before = fenOf(await openAmount(page).textContent())
  expect(before).toBeGreaterThan(10000)

  await page.getByRole('button', { name: '登记收款' }).click()
  const dialog = page.getByRole('dialog', { name: '登记收款' })
  await dialog.getByLabel('金额').fill('100.50')
  await dialog.getByRole('button', { name: /^保\s*存$/ }).click()
  await expect(dialog.getByText(/收款已登记，收据号 \S+/)).toBeVisible()
  const receipt = /收据号 (\S+)/.exec((await dialog.getByText(/收据号/).textContent()) ?? '')?.[1]
  expect(receipt).toBeTruthy()
  await dialog.getByRole('button', { name: /^关\s+闭$/ }).click()

  // 100.50 yuan settles 10,050 fen of the oldest charges; the receipt is in the payments list.
  await expect.poll(async () => fenOf(await openAmount(page).textContent())).toBe(before - 10050)
  await expect(page.getByRole('cell', { name: receipt ?? '' })).toBeVisible()
})

test('cs.agent sees a customer statement but cannot take money', async ({ page }) => {
  await signIn(page, 'cs.agent')
  await page.goto('/customers')
  const first = page.getByRole('table').getByRole('row').nth(1).getByRole('link')
  const name = (await first.textContent())?.trim() ?? ''
  await first.click()
  await page.getByRole('button', { name: '对账单' }).click()
  await expect(page.getByRole('heading', { name: `客户对账单 · ${name}` })).toBeVisible()
  await expect(page.getByText('费用明细')).toBeVisible()
  await expect(page.getByRole('button', { name: '登记收款' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: '录入费用' })).toHaveCount(0)
})

test('the collection-rate page draws a chart and lists this month', async ({ page }) => {
  await signIn(page, 'fin.staff')
  await page.goto('/billing/collection-rate')
  await expect(page.getByRole('heading', { name: '收费率' })).toBeVisible()
  await expect(page.locator('canvas').first()).toBeVisible()
  const thisMonth = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
  }).format(new Date())
  const row = page.getByRole('row').filter({ hasText: thisMonth })
  await expect(row).toHaveCount(1)
  await expect(row.getByRole('cell').nth(3)).toHaveText(/%$|—/)
})
