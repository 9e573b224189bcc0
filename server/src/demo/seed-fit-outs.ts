// The demo building's fit-outs (二次装修, §2.5), made through the case engine as the demo staff:
// one application registered yesterday, one whose drawings came back once and are in their second
// review, and one in works with passes issued, a patrol finding and an open rectification notice.
// Their steps are dated in the past, so the fit-out board shows real days in stage.
import type { Clock } from '../platform/clock'
import { fixedClock } from '../platform/clock'
import { localDate } from '../platform/clock/local-date'
import type { Config } from '../config'
import type { Db } from '../platform/db'
import type { RequestContext } from '../platform/http/context'
import { applyAction } from '../modules/cases'
import { createCaseIn } from '../modules/cases/use-cases/open-case'
import { addAttachment } from '../modules/cases/use-cases/attachments'
import { postCharge, receiveDeposit, recordPayment } from '../modules/billing'
import { findChargeItemByCode } from '../modules/billing/billing.repository'
import { demoActor } from './demo.repository'
import { floorPlanPdf, signaturePng } from './demo-files'
import { idNumber, mobile, personName, prng } from './demo-names'

type Opened = { id: string; version: number; number: string }
type Place = { unitId: string; customerId: string }

const DAY = 24 * 3600_000
const DEPOSIT = 2_000_000 // ¥20,000
const DEBRIS_FEE = 80_000 // ¥800

export async function seedDemoFitOuts(
  db: Db,
  clock: Clock,
  place: { propertyId: string; orgId: string; offices: Place[] },
) {
  const as = async (username: string): Promise<RequestContext> => ({
    actor: await demoActor(db, username),
    requestId: 'demo-seed',
    ip: '127.0.0.1',
  })
  // One after another: db is the seed's transaction, a single connection.
  const agent = await as('cs.agent')
  const engHead = await as('eng.head')
  const secHead = await as('sec.head')
  const fin = await as('fin.staff')
  const daysAgo = (n: number) => fixedClock(new Date(clock.now().getTime() - n * DAY))
  const dateIn = (at: Clock, days: number) => localDate(new Date(at.now().getTime() + days * DAY))
  const deps = (at: Clock) => ({ db, clock: at, config: {} as Config })
  const act = (
    ctx: RequestContext,
    c: Opened,
    action: string,
    input: Record<string, unknown>,
    at: Clock,
  ): Promise<Opened> => applyAction(deps(at), ctx, c.id, action, { ...input, version: c.version })
  const rand = prng(2026_11_29)
  const debris = await findChargeItemByCode(db, place.orgId, 'debris_removal')

  async function apply(office: Place, at: Clock, company: string, lead: string) {
    const startDate = dateIn(at, 10)
    return createCaseIn(db, at, agent!, {
      propertyId: place.propertyId,
      type: 'fit_out',
      channel: 'walk_in',
      title: `${company}办公室二次装修`,
      ...office,
      contactName: lead,
      data: {
        contractor: {
          name: company,
          licenceNumber: `91310000${String(Math.floor(rand() * 1e10)).padStart(10, '0')}`,
          siteLead: lead,
          siteLeadPhone: mobile(rand),
        },
        scope: ['partitions', 'ceilings', 'electrical', 'air_conditioning'],
        scopeDetails: '会议室新增玻璃隔断，吊顶更换，增加插座回路，空调出风口移位',
        startDate,
        endDate: dateIn(at, 70),
        workerCount: 4,
      },
    } as never) as Promise<Opened>
  }

  /** The customer signs at the desk, finance takes the deposit and the debris fee. */
  async function signAndPay(c: Opened, office: Place, at: number, signer: string, k: number) {
    c = await act(
      agent!,
      c,
      'sign_agreement',
      { rulesAccepted: true, signerName: signer, signature: signaturePng(k) },
      daysAgo(at),
    )
    const when = { db, clock: daysAgo(at - 1) }
    await db.transaction(async (tx) => {
      await receiveDeposit(tx, when, fin!, `demo-fit-out-deposit-${c.id}`, {
        ...office,
        type: 'fit_out',
        amount: DEPOSIT,
        method: 'bank_transfer',
        caseId: c.id,
      })
      if (!debris) return
      const charge = await postCharge(tx, when.clock, fin!, {
        ...office,
        chargeItemId: debris.id,
        amount: DEBRIS_FEE,
        description: `${c.number} 装修垃圾清运费`,
        caseId: c.id,
        idempotencyKey: `demo-fit-out-debris-${c.id}`,
      })
      await recordPayment(tx, when, fin!, `demo-fit-out-payment-${c.id}`, {
        customerId: office.customerId,
        amount: DEBRIS_FEE,
        method: 'wechat_pay',
        allocations: [{ chargeId: charge.id, amount: DEBRIS_FEE }],
      })
    })
    return act(fin!, c, 'confirm_fees', {}, daysAgo(at - 1))
  }

  async function drawings(c: Opened, revision: string, at: number) {
    const file = await addAttachment(deps(daysAgo(at)), agent!, c.id, {
      fileName: `平面布置图-${revision}.pdf`,
      contentType: 'application/pdf',
      content: floorPlanPdf('Fit-out floor plan', revision),
      visibleToCustomer: true,
    })
    return act(agent!, c, 'submit_drawings', { attachmentIds: [file.id] }, daysAgo(at))
  }

  const [first, second, third] = place.offices
  if (!first || !second || !third) return

  // Registered yesterday: the customer signs the agreement next.
  await apply(first, daysAgo(1), '上海筑美装饰工程有限公司', personName(rand))

  // Drawings returned once (the sprinklers), resubmitted two days ago: in its second review.
  let review = await apply(second, daysAgo(12), '上海匠心建筑装饰有限公司', personName(rand))
  review = await signAndPay(review, second, 11, personName(rand), 2)
  review = await drawings(review, 'A', 9)
  review = await act(
    engHead!,
    review,
    'reject_drawings',
    {
      changes: ['会议室吊顶内消防喷淋头间距超过 3.6 米，须按规范加密', '配电箱位置须避开疏散通道'],
    },
    daysAgo(7),
  )
  await drawings(review, 'B', 2)

  // In works for three weeks: four workers with passes, a patrol finding and a notice open.
  let works = await apply(third, daysAgo(40), '上海宏图装饰设计有限公司', personName(rand))
  works = await signAndPay(works, third, 39, personName(rand), 3)
  works = await drawings(works, 'A', 36)
  works = await act(engHead!, works, 'approve_drawings', { note: '按图施工' }, daysAgo(33))
  const started = daysAgo(30)
  works = await act(
    agent!,
    works,
    'submit_roster',
    {
      startDate: localDate(started.now()),
      endDate: dateIn(started, 60),
      dailyHours: '08:30-17:30',
      workers: ['项目经理', '电工', '木工', '油漆工'].map((role) => ({
        name: personName(rand),
        idNumber: idNumber(rand),
        role,
        phone: mobile(rand),
      })),
    },
    daysAgo(31),
  )
  works = await act(
    secHead!,
    works,
    'issue_passes',
    { validFrom: localDate(started.now()), validTo: dateIn(started, 60), rulesExplained: true },
    started,
  )
  works = await act(
    agent!,
    works,
    'record_patrol',
    {
      area: '走廊及消防通道',
      findings: [
        {
          description: '装修材料堆放在消防通道，影响疏散',
          location: '11 层东侧消防通道',
          severity: 'violation',
          department: 'security',
        },
      ],
      explainedTo: '现场负责人',
    },
    daysAgo(3),
  )
  await act(
    agent!,
    works,
    'issue_rectification',
    { items: ['清理消防通道内堆放的装修材料'], dueOn: dateIn(clock, 2) },
    daysAgo(3),
  )
}
