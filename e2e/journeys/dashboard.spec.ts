import { expect, test } from '@playwright/test'
import { signIn } from '../support/login'

test('manager: the overview (概览) shows the demo building’s figures and opens the overdue queue', async ({
  page,
}) => {
  await signIn(page, 'manager')
  // The console still opens on 单元; 概览 is first in the menu for those who see every case.
  await expect(page.getByRole('heading', { name: '单元' })).toBeVisible()
  const nav = page.getByRole('navigation', { name: '主导航' })
  await expect(nav.getByRole('menuitem').first()).toHaveText(/概览/)
  await nav.getByRole('menuitem', { name: /概览/ }).click()
  await expect(page).toHaveURL(/\/dashboard$/)
  await expect(page.getByRole('heading', { name: '概览' })).toBeVisible()
  await expect(page.getByText(/更新于 \d{4}-\d{2}-\d{2}/)).toBeVisible()

  // The demo building has overdue cases (two left untouched for ten days); the card says how many.
  const overdue = page.getByRole('link', { name: /^超时工单 \d+$/ })
  await expect(overdue).toBeVisible()
  const count = Number(/(\d+)$/.exec((await overdue.getAttribute('aria-label')) ?? '')?.[1])
  expect(count).toBeGreaterThan(0)
  // The month's rates, the money among them for a manager, and the bars of open cases.
  for (const rate of ['及时率', '回访率', '满意率', '收费率'])
    await expect(page.locator('.ant-statistic-title', { hasText: rate })).toBeVisible()
  await expect(
    page.getByRole('list', { name: '未结工单（按状态）' }).getByRole('listitem').first(),
  ).toBeVisible()
  await expect(
    page.getByRole('list', { name: '未结工单（按部门）' }).getByRole('listitem').first(),
  ).toBeVisible()

  // The figure opens the queue filtered the same way: as many rows as the card counted.
  await overdue.click()
  await expect(page).toHaveURL(/\/cases\?tab=overdue$/)
  await expect(page.getByRole('tab', { name: '超时', selected: true })).toBeVisible()
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(count + 1)
})

test('manager: a bar of open cases by state opens the queue of that type and state', async ({
  page,
}) => {
  await signIn(page, 'manager')
  await page.goto('/dashboard')
  const bars = page.getByRole('list', { name: '未结工单（按状态）' })
  const first = bars.getByRole('listitem').first()
  const label = (await first.getAttribute('aria-label')) ?? ''
  const count = Number(/: (\d+) 件/.exec(label)?.[1])
  expect(count).toBeGreaterThan(0)
  await first.getByRole('link').click()
  await expect(page).toHaveURL(/\/cases\?tab=open&type=\w+&state=\w+$/)
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(Math.min(count, 50) + 1)
})
