import { type Browser, expect, type Locator, type Page, test } from '@playwright/test'
import { signIn } from '../support/login'
import { choose } from '../support/select'

// §2.4, §2.7, H-MO-1…7: an office tenant moves out. The desk registers it, engineering's
// inspection lists one damage line paid from the deposit, finance settles the account through
// the billing pages, the desk issues a goods release slip, security opens it from the slip's QR
// address on a phone and releases the goods, and the unit is vacant.
//
// The demo customer of tenant.office rents 201. So that later journeys still find 201 occupied,
// the setup makes the same customer also the tenant of a vacant office (through the API, as the
// desk's customer page would): that is the unit they move out of. Their account is the
// customer's, whatever unit: finance settles all of it — the open fees, any credit, the deposit.
//
// Who does what: the desk (cs.agent) registers, confirms, notifies, takes the keys and issues the
// slip; finance (fin.staff) takes the payments and refunds on the billing pages and settles the
// move-out, which waits in its queue once the keys are back. The inspection is the manager's here:
// the workflow lets the manager act for engineering, and only a role that reads the deposit ledger
// (billing.read, which engineering lacks) can name the deposit a damage line is paid from.

type Json = Record<string, unknown>

async function newPage(
  browser: Browser,
  username: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage()
  await signIn(page, username)
  return page
}

/** antd puts a space between the two characters of a two-character button: "放 行". */
const button = (text: string) => new RegExp(`^${text.split('').join('\\s*')}$`)

/** The API as the signed-in user of the page (its session cookie and CSRF token). */
async function api(page: Page, method: 'GET' | 'POST', path: string, data?: Json) {
  const cookies = await page.context().cookies()
  const csrf = cookies.find((c) => c.name === 'atrium_csrf')?.value ?? ''
  const res = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: { 'x-csrf-token': csrf },
    ...(data ? { data } : {}),
  })
  expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true)
  return (await res.json()) as Json
}

/** Today in the building's time zone, as the server and the date pickers count it. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())

/**
 * Picks the first option of an antd Select whose options' text depends on the data (a deposit,
 * a photo), and checks that the field shows a choice like `shown`. The options may still be
 * loading when the dropdown opens: the pick is tried again until it takes.
 */
async function chooseFirst(page: Page, scope: Locator, label: string, shown: RegExp) {
  const field = scope.getByLabel(label)
  // The innermost form item around the field (the list's own item holds it too).
  const item = scope
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel(label) })
    .last()
  await expect(async () => {
    if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await field.click()
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .first()
      .click({ timeout: 2_000 })
    await expect(item).toContainText(shown, { timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
}

/** Takes one of the case's available actions through its generated form. */
async function act(page: Page, name: string, fill?: (dialog: Locator) => Promise<void>) {
  await page
    .getByRole('button', { name: button(name) })
    .first()
    .click()
  const dialog = page.getByRole('dialog', { name })
  await expect(dialog).toBeVisible()
  await fill?.(dialog)
  await dialog.getByRole('button', { name: button(name) }).click()
  await expect(dialog).toBeHidden()
}

test('an office tenant moves out: inspected, settled, goods released at the gate, unit vacant', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000)
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: testInfo.outputPath(name), fullPage: true })
  const desk = await newPage(browser, 'cs.agent')

  // ——— setup: the tenant of 201 also rents a vacant office
  const me = await api(desk, 'GET', '/me')
  const propertyId = (me.properties as { id: string }[])[0]?.id ?? ''
  const q = (query: string) => `/units?propertyId=${propertyId}&${query}`
  const unit201 = ((await api(desk, 'GET', q('q=201&limit=5'))).items as Json[]).find(
    (u) => u.number === '201',
  )
  const tenant = (unit201?.occupants as { customerId: string; customerName: string }[])[0]
  expect(tenant).toBeTruthy()
  const { customerId, customerName } = tenant!
  const vacant = (
    (await api(desk, 'GET', q('status=vacant&kind=office&limit=1'))).items as Json[]
  )[0]
  const unitNumber = String(vacant?.number ?? '')
  expect(unitNumber).not.toBe('')
  // Since the first of the month: after 201's lease began, so that 201 stays the customer's
  // first unit (the intake page links a picked customer's first current unit).
  await api(desk, 'POST', `/customers/${customerId}/occupancies`, {
    ...{ unitId: vacant?.id, role: 'tenant', fromDate: `${today.slice(0, 8)}01` },
  })

  // ——— H-MO-1: the desk registers the move-out from the intake page
  await desk.goto('/cases/new')
  await desk.locator('.ant-segmented').getByText('客户迁出').click()
  await desk.getByLabel('客户 / 单元').fill(unitNumber)
  await desk.getByRole('option', { name: new RegExp(`^${unitNumber} ·`) }).click()
  await expect(desk.getByText(`单元 ${unitNumber}`)).toBeVisible()
  await expect(desk.locator('.ant-tag').filter({ hasText: customerName })).toBeVisible()
  await desk.getByLabel('迁出日期').click()
  await desk.locator('.ant-picker-dropdown:visible').getByText('今天').click()
  await expect(desk.getByLabel('迁出日期')).toHaveValue(today)
  await desk.getByLabel('迁出原因').fill('公司搬迁至新办公地址')
  await shot(desk, '01-intake.png')
  await desk.getByRole('button', { name: '提交登记' }).click()
  const header = desk.getByRole('heading', { level: 3 })
  await expect(header).toContainText('已申请')
  const number = /QC-\d{8}-\d{4}/.exec((await header.textContent()) ?? '')?.[0] ?? ''
  expect(number).not.toBe('')
  const caseUrl = desk.url()
  await expect(desk.getByText(`迁出进度 · ${today}`)).toBeVisible()
  await shot(desk, '02-registered.png')

  // ——— H-MO-2, H-MO-4: the date is confirmed, the departments get liaison slips
  // The date asked for is the one confirmed (the form starts from it).
  await act(desk, '确认迁出日期', async (dialog) => {
    await expect(dialog.getByLabel('迁出日期')).toHaveValue(today)
  })
  await expect(header).toContainText('日期已确认')
  await act(desk, '通知各部门')
  await expect(header).toContainText('已通知各部门')
  const checklist = desk.locator('.ant-card').filter({ hasText: '迁出进度' })
  await expect(checklist.getByRole('link', { name: /^LX-/ })).toHaveCount(4)

  // A photo of the damage, taken on the day (here: a picture of the page itself).
  const photo = await desk.screenshot({ clip: { x: 0, y: 0, width: 400, height: 300 } })
  await desk
    .locator('.ant-card')
    .filter({ hasText: '附件' })
    .locator('input[type=file]')
    .setInputFiles({ name: '会议室墙面.png', mimeType: 'image/png', buffer: photo })
  await expect(desk.getByRole('img', { name: '会议室墙面.png' })).toBeVisible()
  await shot(desk, '03-departments-notified.png')

  // ——— H-MO-5: the inspection lists one damage line, paid from the deposit, with its photo
  const manager = await newPage(browser, 'manager')
  await manager.goto(caseUrl)
  const managerHeader = manager.getByRole('heading', { level: 3 })
  await expect(managerHeader).toContainText('已通知各部门')
  await manager.getByRole('button', { name: button('迁出验收') }).click()
  const inspect = manager.getByRole('dialog', { name: '迁出验收' })
  await inspect.getByRole('button', { name: '添加一行' }).click()
  await inspect.getByLabel('损坏项目').fill('墙面涂层')
  await inspect.getByLabel('位置').fill('会议室')
  await inspect.getByLabel('费用（元）').fill('800')
  await inspect.getByText('从押金扣除').click()
  await chooseFirst(manager, inspect, '扣款押金', /装修押金 · \S+ · 余额 ¥20,000\.00/)
  await chooseFirst(manager, inspect, '照片', /会议室墙面\.png/)
  await shot(manager, '04-inspection-form.png')
  await inspect.getByRole('button', { name: button('迁出验收') }).click()
  await expect(inspect).toBeHidden()
  await expect(managerHeader).toContainText('已验收')
  const damage = manager.locator('.damage-list')
  await expect(damage).toContainText('墙面涂层')
  await expect(damage).toContainText('¥800.00')
  await expect(damage.getByRole('img', { name: '损坏照片' })).toBeVisible()
  await shot(manager, '05-inspected.png')

  // ——— keys and cards back at the desk
  await desk.reload()
  await act(desk, '交回钥匙证件', async (dialog) => {
    await dialog.getByLabel('钥匙', { exact: true }).fill('2')
    await dialog.getByLabel('门禁卡', { exact: true }).fill('2')
  })
  await expect(header).toContainText('钥匙已交回')
  const balance = desk.locator('.ant-card').filter({ hasText: '客户账户（费用清算）' })
  await expect(balance).toContainText('未结清')
  await shot(desk, '06-keys-returned.png')

  // ——— H-MO-3, H-MO-6: finance settles the whole account on the billing pages
  const finance = await newPage(browser, 'fin.staff')
  const settlement = () => api(finance, 'GET', `/billing/customers/${customerId}/settlement`)
  const yuan = (fen: number) => (fen / 100).toFixed(2)
  await finance.goto(`/billing/customers/${customerId}`)
  await expect(finance.getByRole('heading', { name: `客户对账单 · ${customerName}` })).toBeVisible()
  // H-MO-3: what is still owed for the unit — this month's management fee up to the day.
  await finance.getByRole('button', { name: '录入费用' }).click()
  const post = finance.getByRole('dialog', { name: '录入费用' })
  await choose(finance, post, '收费项目', '物业管理费')
  await post.getByLabel('金额').fill('1250.00')
  await post.getByLabel('说明').fill('迁出当月物业管理费（至迁出日）')
  await post.getByRole('button', { name: button('保存') }).click()
  await expect(post).toBeHidden()
  await expect(finance.getByRole('row').filter({ hasText: '迁出当月物业管理费' })).toBeVisible()
  await shot(finance, '07-statement-before.png')
  // Whatever else the account holds (open fees, credit) is settled too.
  const open = Number((await settlement()).open)
  expect(open).toBeGreaterThanOrEqual(125_000)
  await finance.getByRole('button', { name: '登记收款' }).click()
  const pay = finance.getByRole('dialog', { name: '登记收款' })
  await pay.getByLabel('金额').fill(yuan(open))
  await pay.getByRole('button', { name: button('保存') }).click()
  await expect(pay.getByText(/收款已登记，收据号 \S+/)).toBeVisible()
  await pay.getByRole('button', { name: /^关\s+闭$/ }).click()
  await expect.poll(async () => (await settlement()).open).toBe(0)
  if (Number((await settlement()).credit) > 0) {
    await finance.reload()
    await finance.getByRole('button', { name: '退还预存' }).click()
    await finance.getByRole('button', { name: button('确定') }).click()
    await expect.poll(async () => (await settlement()).credit).toBe(0)
  }
  // Every deposit still held is refunded (the damage was deducted by the inspection).
  const held = (await api(finance, 'GET', `/billing/deposits?customerId=${customerId}&view=held`))
    .items as { id: string; balance: number }[]
  for (const deposit of held) {
    await finance.goto(`/billing/deposits?view=all&deposit=${deposit.id}`)
    const drawer = finance.locator('.ant-drawer')
    await expect(drawer).toContainText('扣款')
    await drawer.getByRole('button', { name: button('退还') }).click()
    const refund = finance.getByRole('dialog', { name: '退还' })
    await shot(finance, '08-deposit-refund.png')
    await refund.getByRole('button', { name: button('退还') }).click()
    await expect(refund).toBeHidden()
  }
  await expect.poll(async () => (await settlement()).settled).toBe(true)
  await finance.goto(`/billing/customers/${customerId}`)
  await expect(finance.getByRole('row').filter({ hasText: '迁出当月物业管理费' })).toContainText(
    '已缴',
  )
  await shot(finance, '09-statement-settled.png')

  // Finance confirms the settlement on the move-out (refused while anything is open: H-MO-3).
  await finance.goto(caseUrl)
  const financeHeader = finance.getByRole('heading', { level: 3 })
  await expect(financeHeader).toContainText('钥匙已交回')
  await expect(finance.getByText('已结清')).toBeVisible()
  await act(finance, '费用清算')
  await expect(financeHeader).toContainText('费用已清算')

  // 费用清算单: open items, payments, the deposit's deduction and refund, signature lines
  await finance.getByRole('button', { name: '费用清算单' }).first().click()
  const sheet = finance.locator('.settlement-sheet')
  await expect(sheet.getByRole('heading', { name: '费用清算单' })).toBeVisible()
  await expect(sheet).toContainText('迁出验收损坏')
  await expect(sheet).toContainText('已结清')
  await shot(finance, '10-settlement-statement.png')

  // ——— §2.7: the desk issues the goods release slip and records the owner's consent
  await desk.goto(caseUrl)
  await act(desk, '开具放行条', async (dialog) => {
    await dialog.getByLabel('承运人').fill('顺达搬家公司')
    await dialog.getByLabel('车牌号').fill('沪A12345')
    await dialog.getByRole('button', { name: '添加一行' }).click()
    await dialog.getByLabel('物品名称').fill('办公桌')
    await dialog.getByLabel('数量').fill('12')
    await dialog.getByRole('button', { name: '添加一行' }).click()
    await dialog.getByLabel('物品名称').nth(1).fill('文件柜')
    await dialog.getByLabel('数量').nth(1).fill('6')
  })
  const slipLink = checklist.getByRole('link', { name: /^FX-/ })
  await expect(slipLink).toBeVisible()
  await slipLink.click()
  await expect(header).toContainText('待核验')
  await act(desk, '记录业主同意', async (dialog) => {
    await dialog.getByLabel('业主姓名').fill('王业主')
    await dialog.getByText('书面').click()
  })
  await expect(desk.getByText('王业主（书面）')).toBeVisible()
  await shot(desk, '11-release-slip.png')
  await desk.getByRole('button', { name: '打印放行条' }).click()
  const slip = desk.locator('.release-slip')
  await expect(slip.getByRole('heading', { name: '物品放行条' })).toBeVisible()
  await expect(slip.getByRole('img', { name: '门岗核验二维码' })).toBeVisible()
  await expect(slip).toContainText('办公桌')
  await shot(desk, '12-release-slip-print.png')
  // The address the QR code encodes is printed under it.
  const gateUrl = ((await slip.locator('footer').textContent()) ?? '').trim()
  expect(gateUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/gate\/release\/[0-9a-f-]{36}$/)

  // ——— security scans the QR on a phone and releases the goods
  const guard = await newPage(browser, 'sec.guard', { width: 360, height: 780 })
  await guard.goto(gateUrl)
  await expect(guard.getByRole('status')).toContainText('有效 · 今日')
  await expect(guard.getByRole('table', { name: '放行物品' })).toContainText('办公桌')
  await shot(guard, '13-gate.png')
  const release = guard.getByRole('button', { name: /(^|\s)放\s*行$/ })
  await release.click()
  await guard
    .getByRole('dialog')
    .getByRole('button', { name: button('放行') })
    .click()
  await expect(guard.getByRole('status')).toContainText('已使用 · 已放行')
  await expect(release).toHaveCount(0)
  await shot(guard, '14-gate-released.png')

  // ——— H-MO-7: moved out — the occupancy ends and the unit is vacant
  await desk.goto(caseUrl)
  await act(desk, '完成')
  await expect(header).toContainText('已迁出')
  await shot(desk, '15-moved-out.png')
  await desk.goto(`/units?unit=${String(vacant?.id)}`)
  const drawer = desk.locator('.ant-drawer')
  await expect(drawer).toContainText(unitNumber)
  await expect(drawer).toContainText('空置')
  await shot(desk, '16-unit-vacant.png')

  // The move calendar shows today's move-out with its state.
  await desk.goto('/cases/moves')
  const day = desk.getByRole('region', { name: today })
  await expect(day.getByRole('link', { name: new RegExp(number) })).toBeVisible()
  await expect(day).toContainText('已迁出')
  await shot(desk, '17-move-calendar.png')
})
