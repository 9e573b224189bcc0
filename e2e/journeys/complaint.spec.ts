import { type Browser, expect, type Page, test } from '@playwright/test'
import { signIn } from '../support/login'
import { choose } from '../support/select'

// H-CP-1, P-CP-2, H-IS-29: a phone complaint goes from the desk to engineering and back; an
// unsatisfied follow-up reopens it. Two people at once: the agent and engineering's head.

async function newPage(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, username)
  return page
}

/** antd puts a space between the two characters of a two-character button: "受 理". */
const button = (text: string) => new RegExp(`^${text.split('').join('\\s*')}$`)

test('a phone complaint: registered, assigned to engineering, resolved, reopened by an unsatisfied follow-up', async ({
  browser,
}, testInfo) => {
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: testInfo.outputPath(name), fullPage: true })
  const agent = await newPage(browser, 'cs.agent')
  const head = await newPage(browser, 'eng.head')
  const title = `空调噪音过大影响办公 ${Date.now().toString().slice(-5)}`

  // The engineering head watches the department queue (before anything is assigned to it).
  await head.goto('/cases?tab=department')
  await expect(head.getByRole('heading', { name: '工单队列' })).toBeVisible()
  await expect(head.getByRole('tab', { name: '本部门', selected: true })).toBeVisible()

  // ——— the agent registers a phone complaint from the desk
  const nav = agent.getByRole('navigation', { name: '主导航' })
  await nav.getByRole('menuitem', { name: /客服中心/ }).click()
  await nav.getByRole('menuitem', { name: /登记工单/ }).click()
  await expect(agent.getByRole('heading', { name: '登记工单' })).toBeVisible()
  const party = agent.getByLabel('客户 / 单元')
  await expect(party).toBeFocused()
  await party.fill('201')
  await agent.getByRole('option').first().click()
  await expect(agent.getByLabel('联系人', { exact: true })).not.toHaveValue('')
  await agent.getByLabel('标题', { exact: true }).fill(title)
  await agent
    .getByLabel('详细内容')
    .fill('客户来电：办公室空调外机噪音很大，已持续两天，要求尽快处理。')
  await expect(agent.getByRole('radio', { name: '电话' })).toBeChecked()
  await shot(agent, '01-intake.png')
  await agent.getByLabel('标题', { exact: true }).press('Enter')

  await expect(agent).toHaveURL(/\/cases\/[0-9a-f-]{36}$/)
  const header = agent.getByRole('heading', { level: 3 })
  await expect(header).toContainText('已登记')
  const number = /TS-\d{8}-\d{4}/.exec((await header.textContent()) ?? '')?.[0] ?? ''
  expect(number).not.toBe('')
  await expect(agent.getByText('登记（已登记）')).toBeVisible()
  await shot(agent, '02-registered.png')

  // ——— the agent assigns it to engineering
  await agent.getByRole('button', { name: button('派单') }).click()
  const assign = agent.getByRole('dialog', { name: '派单' })
  await choose(agent, assign, '处理部门', '工程部')
  await assign.getByLabel('备注').fill('请工程部今天内处理')
  await assign.getByRole('button', { name: button('派单') }).click()
  await expect(assign).toBeHidden()
  await expect(header).toContainText('已派单')
  await shot(agent, '03-assigned.png')

  // ——— engineering's queue shows it without a reload (live updates)
  const row = head.getByRole('row').filter({ hasText: number })
  await expect(row).toBeVisible({ timeout: 15_000 })
  await expect(row).toContainText('已派单')
  await shot(head, '04-engineering-queue.png')

  // ——— the head accepts it and reports the result, signing it off
  await row.getByRole('link', { name: number }).click()
  const headHeader = head.getByRole('heading', { level: 3 })
  await expect(headHeader).toContainText('已派单')
  await head.getByRole('button', { name: button('受理') }).click()
  const accept = head.getByRole('dialog', { name: '受理' })
  await accept.getByRole('button', { name: button('受理') }).click()
  await expect(accept).toBeHidden()
  await expect(headHeader).toContainText('处理中')
  await head.getByRole('button', { name: '报告处理结果' }).click()
  const report = head.getByRole('dialog', { name: '报告处理结果' })
  await expect(report.getByText('提交即代表您以本人身份签字确认此步骤。')).toBeVisible()
  await report.getByLabel('处理结果').fill('已更换空调外机减震垫，噪音明显降低。')
  await report.getByRole('button', { name: '报告处理结果' }).click()
  await expect(report).toBeHidden()
  await expect(headHeader).toContainText('待回访')
  const signOffs = head.locator('.ant-card').filter({ hasText: '签字确认' })
  await expect(signOffs).toContainText('赵工程主管')
  await expect(signOffs).toContainText('部门负责人')
  await shot(head, '05-result-reported.png')

  // ——— the agent follows up: the customer is not satisfied, so the case goes back
  await nav.getByRole('menuitem', { name: /回访工作台/ }).click()
  await expect(agent.getByRole('heading', { name: '回访工作台' })).toBeVisible()
  const waiting = agent.getByRole('row').filter({ hasText: number })
  await expect(waiting).toBeVisible()
  await waiting.getByRole('button', { name: /回\s*访/ }).click()
  const followUp = agent.getByRole('dialog', { name: '回访' })
  await choose(agent, followUp, '回访方式', '电话')
  await expect(agent.getByRole('listbox')).toBeHidden()
  await followUp.getByText('不满意', { exact: true }).click()
  await followUp.getByLabel('客户意见').fill('噪音仍然存在，夜间尤其明显。')
  await shot(agent, '06-follow-up.png')
  await followUp.getByRole('button', { name: /回\s*访/ }).click()
  await expect(followUp).toBeHidden()
  await expect(waiting).toBeHidden()

  await agent.goto('/cases?tab=open')
  await agent.getByRole('link', { name: number }).click()
  await expect(header).toContainText('已派单')
  await expect(agent.getByText('待回访 → 已派单')).toBeVisible()
  await expect(agent.getByText('不满意').first()).toBeVisible()
  await shot(agent, '07-reopened.png')

  // ——— the printed complaint record
  await agent.getByRole('button', { name: /打\s*印/ }).click()
  await expect(agent.getByRole('heading', { name: '客户投诉处理记录' })).toBeVisible()
  await expect(agent.locator('.case-record')).toContainText('已更换空调外机减震垫')
  await shot(agent, '08-print.png')
})
