import { type Browser, expect, type Locator, type Page, test } from '@playwright/test'
import { signIn } from '../support/login'
import { choose } from '../support/select'

// §2.2, H-IS-25: a paid repair is quoted first; the customer agrees (signing on the desk's
// tablet), the agreed amount is billed, the work is done and the customer signs it off.

async function newPage(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, username)
  return page
}

const button = (text: string) => new RegExp(`^${text.split('').join('\\s*')}$`)

/** Draws a short stroke on a signature pad, as a finger would. */
async function sign(page: Page, pad: Locator) {
  const box = await pad.boundingBox()
  if (!box) throw new Error('no signature pad')
  await page.mouse.move(box.x + 30, box.y + box.height * 0.6)
  await page.mouse.down()
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(box.x + 30 + i * 22, box.y + box.height * (0.6 - 0.3 * Math.sin(i / 2)))
  await page.mouse.up()
}

test('a paid repair: dispatched, quoted, agreed with a signature, billed, done and signed off', async ({
  browser,
}, testInfo) => {
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: testInfo.outputPath(name), fullPage: true })
  const agent = await newPage(browser, 'cs.agent')
  const tech = await newPage(browser, 'eng.tech')
  const title = `卫生间水龙头漏水 ${Date.now().toString().slice(-5)}`

  // ——— the agent logs the repair for the tenant of 201
  await agent.goto('/cases/new')
  await agent.locator('.ant-segmented').getByText('报修').click()
  await agent.getByLabel('客户 / 单元').fill('201')
  await agent.getByRole('option').first().click()
  await expect(agent.getByText('单元 201')).toBeVisible()
  await agent.getByLabel('标题', { exact: true }).fill(title)
  await choose(agent, agent.locator('form'), '故障类别', '水路 / 漏水')
  await agent.getByLabel('预约时间').fill('今天下午')
  await agent.getByRole('button', { name: '提交登记' }).click()
  const header = agent.getByRole('heading', { level: 3 })
  await expect(header).toContainText('已报修')
  const number = /BX-\d{8}-\d{4}/.exec((await header.textContent()) ?? '')?.[0] ?? ''
  const caseUrl = agent.url()

  // ——— dispatched to the technician
  await agent.getByRole('button', { name: button('派工') }).click()
  const dispatch = agent.getByRole('dialog', { name: '派工' })
  await choose(agent, dispatch, '处理人', '孙技术员 · 部门员工')
  await dispatch.getByRole('button', { name: button('派工') }).click()
  await expect(header).toContainText('已派工')

  // ——— the technician arrives and quotes 120.50 yuan
  await tech.goto(caseUrl)
  const techHeader = tech.getByRole('heading', { level: 3 })
  await expect(techHeader).toContainText('已派工')
  await tech.getByRole('button', { name: button('到场') }).click()
  await tech
    .getByRole('dialog', { name: '到场' })
    .getByRole('button', { name: button('到场') })
    .click()
  await expect(techHeader).toContainText('维修中')
  await tech.getByRole('button', { name: button('报价') }).click()
  const quote = tech.getByRole('dialog', { name: '报价' })
  await quote.getByLabel('金额（元）').fill('120.50')
  await quote.getByLabel('详细内容').fill('更换水龙头阀芯')
  await quote.getByRole('button', { name: button('报价') }).click()
  await expect(techHeader).toContainText('待客户确认报价')
  await expect(tech.getByText('¥120.50').first()).toBeVisible()
  await shot(tech, 'r1-quoted.png')

  // ——— the customer agrees at the desk and signs on the tablet
  await agent.reload()
  await expect(header).toContainText('待客户确认报价')
  await agent.getByRole('button', { name: '客户同意报价' }).click()
  const agree = agent.getByRole('dialog', { name: '客户同意报价' })
  await agree.getByLabel('签字人姓名').fill('黄欣怡')
  await sign(agent, agree.getByRole('img', { name: '签名板' }))
  await expect(agree.getByText('已签名')).toBeVisible()
  await shot(agent, 'r2-signature.png')
  await agree.getByRole('button', { name: '客户同意报价' }).click()
  await expect(agree).toBeHidden()
  await expect(header).toContainText('维修中')
  const signOffs = agent.locator('.ant-card').filter({ hasText: '签字确认' })
  await expect(signOffs).toContainText('黄欣怡')
  await expect(signOffs.getByRole('img', { name: '黄欣怡 的签名' })).toBeVisible()

  // ——— the technician completes the paid work with the materials used
  await tech.reload()
  await tech.getByRole('button', { name: button('完成') }).click()
  const complete = tech.getByRole('dialog', { name: '完成' })
  await complete.getByLabel('维修内容').fill('更换阀芯并试水，无渗漏')
  await complete.getByRole('button', { name: '添加一行' }).click()
  await complete.getByLabel('材料名称').fill('水龙头阀芯')
  await complete.getByLabel('数量').fill('1')
  await complete.getByLabel('单位', { exact: true }).fill('个')
  await complete.getByLabel('有偿维修').click()
  await complete.getByRole('button', { name: button('完成') }).click()
  await expect(complete).toBeHidden()
  await expect(techHeader).toContainText('待客户签认')

  // ——— the customer signs the work off
  await agent.reload()
  await agent.getByRole('button', { name: '客户签认' }).click()
  const signOff = agent.getByRole('dialog', { name: '客户签认' })
  await signOff.getByLabel('客户满意').click()
  await signOff.getByLabel('签字人姓名').fill('黄欣怡')
  await sign(agent, signOff.getByRole('img', { name: '签名板' }))
  await signOff.getByRole('button', { name: '客户签认' }).click()
  await expect(signOff).toBeHidden()
  await expect(header).toContainText(/待回访|已关闭/)
  await expect(agent.getByText('水龙头阀芯 × 1 个').first()).toBeVisible()
  await shot(agent, 'r3-signed-off.png')

  // ——— the agreed quote was billed to the customer
  const customer = agent.locator('.ant-descriptions').getByRole('link').first()
  await customer.click()
  await agent.getByRole('button', { name: '对账单' }).click()
  const charge = agent.getByRole('row').filter({ hasText: number })
  await expect(charge).toContainText('¥120.50')
  await shot(agent, 'r4-statement.png')
})
