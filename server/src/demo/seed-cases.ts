// The demo building's customer-service centre on a working day: complaints, repairs, inquiries,
// a lobby incident and liaison slips in every stage, two of them overdue since yesterday — made
// through the case engine's own use-cases, as the demo staff and customers.
import type { Clock } from '../platform/clock'
import { fixedClock } from '../platform/clock'
import type { Config } from '../config'
import type { Db } from '../platform/db'
import type { RequestContext } from '../platform/http/context'
import { applyAction, sweepDeadlines } from '../modules/cases'
import { createCaseIn } from '../modules/cases/use-cases/open-case'
import { demoActor } from './demo.repository'

type Opened = { id: string; version: number }

export async function seedDemoCases(
  db: Db,
  clock: Clock,
  place: { propertyId: string; unitId: string; customerId: string },
) {
  const as = async (username: string): Promise<RequestContext> => ({
    actor: await demoActor(db, username),
    requestId: 'demo-seed',
    ip: '127.0.0.1',
  })
  // One after another: db is the seed's transaction, a single connection.
  const agent = await as('cs.agent')
  const supervisor = await as('cs.supervisor')
  const engHead = await as('eng.head')
  const engTech = await as('eng.tech')
  const secHead = await as('sec.head')
  const tenant = await as('tenant.office')
  const deps = (at: Clock) => ({ db, clock: at, config: {} as Config })
  const open = (ctx: RequestContext, body: Record<string, unknown>, at: Clock = clock) =>
    createCaseIn(db, at, ctx, { propertyId: place.propertyId, channel: 'phone', ...body } as never)
  const act = async (
    ctx: RequestContext,
    c: Opened,
    action: string,
    input: Record<string, unknown> = {},
    at: Clock = clock,
  ): Promise<Opened> => applyAction(deps(at), ctx, c.id, action, { ...input, version: c.version })

  // Last week's two: never picked up, so the sweep below finds them overdue and escalates them
  // (ten days back: past any weekend or holiday of the working calendar).
  const yesterday = fixedClock(new Date(clock.now().getTime() - 10 * 24 * 3600_000))
  await open(
    agent!,
    { type: 'complaint', title: '地下车库照明不足', contactName: '周女士' },
    yesterday,
  )
  await open(agent!, { type: 'inquiry', title: '快递柜开通时间', contactName: '吴先生' }, yesterday)

  const customer = { unitId: place.unitId, customerId: place.customerId }
  await open(agent!, {
    ...customer,
    type: 'complaint',
    title: '会议室空调噪音大',
    description: '客户反映 12 楼会议室空调运行噪音大，影响开会',
    contactName: '刘经理',
    contactPhone: '13800138012',
  })
  const assigned = await open(agent!, {
    ...customer,
    type: 'complaint',
    title: '电梯高峰期等候时间长',
  })
  await act(agent!, assigned, 'assign', { department: 'engineering' })
  let urgent: Opened = await open(agent!, {
    type: 'complaint',
    priority: 'urgent',
    title: '访客与保安发生争执',
    channel: 'walk_in',
  })
  urgent = await act(supervisor!, urgent, 'assign', { department: 'security' })
  await act(secHead!, urgent, 'accept')
  let resolved: Opened = await open(agent!, {
    ...customer,
    type: 'complaint',
    title: '卫生间保洁不及时',
  })
  resolved = await act(agent!, resolved, 'assign', { department: 'customer_service' })
  resolved = await act(supervisor!, resolved, 'accept')
  await act(supervisor!, resolved, 'report_result', { result: '已调整保洁排班，每两小时巡查一次' })

  await open(tenant!, {
    type: 'repair',
    priority: 'emergency',
    title: '茶水间水管漏水',
    data: { fault: 'water' },
    unitId: place.unitId,
  })
  let repair: Opened = await open(agent!, {
    ...customer,
    type: 'repair',
    title: '办公室门锁损坏',
    data: { fault: 'door_lock' },
  })
  repair = await act(engHead!, repair, 'dispatch', { assigneeId: engTech!.actor.userId })
  repair = await act(engTech!, repair, 'arrive')
  await act(engTech!, repair, 'complete', {
    workDone: '更换锁芯一个',
    paid: false,
    materials: [{ name: '锁芯', quantity: 1 }],
  })

  await act(
    agent!,
    await open(agent!, { type: 'inquiry', title: '停车月卡如何办理' }),
    'promise_reply',
    {
      promisedAt: new Date(clock.now().getTime() + 2 * 3600_000).toISOString(),
    },
  )
  await open(agent!, {
    type: 'inquiry',
    title: '物业费缴纳方式',
    data: { answer: '前台刷卡、银行转账或微信支付均可' },
  })

  const incident = await open(agent!, {
    type: 'incident',
    title: '大堂旋转门夹到访客',
    data: { kind: 'injury', location: '一楼大堂' },
  })
  await act(supervisor!, incident, 'take_charge')

  await open(agent!, {
    type: 'liaison',
    title: '12 层周六搬家，请安排保安值守',
    department: 'security',
    dueAt: new Date(clock.now().getTime() + 48 * 3600_000).toISOString(),
  })
  await sweepDeadlines({ db, clock })
}
