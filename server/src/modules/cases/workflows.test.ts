import { describe, expect, it } from 'vitest'
import { permissions } from '../../platform/permissions'
import { availableActions, planAction } from './plan-action'
import type { CaseView, Effect } from './workflow'
import { numberPrefix, workflows, type CaseType } from './workflows'

// Every (state, action) pair of every workflow: allowed from the states the table names, refused
// (wrong state) from every other. The caller holds every permission and works in the case's
// department, so only the state decides; refusals by permission, role and guard follow below.

const all = new Set<string>(permissions)
const TECH = '00000000-0000-4000-8000-000000000001'
const OTHER = '00000000-0000-4000-8000-000000000002'
const DRAWING = '00000000-0000-4000-8000-000000000003'
const admin = {
  userId: OTHER,
  kind: 'staff' as const,
  department: 'engineering',
  roleCode: 'admin',
  customerId: null,
}

const examples: Record<CaseType, Record<string, Record<string, unknown>>> = {
  complaint: {
    assign: { department: 'engineering' },
    reassign: { department: 'security', reason: '需要保安部处理' },
    accept: {},
    report_result: { result: '已更换门禁读卡器' },
    follow_up: { method: 'phone', rating: 'satisfied' },
    close_without_follow_up: { reason: '客户多次联系不上' },
    reclassify: { category: 'suggestion' },
    acknowledge: {},
    escalate: { reason: '客户情绪激动' },
    wait_for_customer: { reason: '客户出差一周' },
    resume: {},
    cancel: { reason: '重复登记' },
  },
  repair: {
    dispatch: { assigneeId: TECH },
    arrive: {},
    quote: { amount: 5000, description: '更换水龙头' },
    agree_quote: { signerName: '张三' },
    decline_quote: { signerName: '张三' },
    complete: { workDone: '更换阀门', paid: false },
    customer_sign_off: { satisfied: true, signerName: '张三' },
    waive_sign_off: { reason: '客户不在现场' },
    follow_up: { method: 'phone', rating: 'satisfied' },
    escalate: { reason: '维修拖延' },
    wait_for_customer: { reason: '客户不在家' },
    resume: {},
    cancel: { reason: '客户自行修好' },
  },
  inquiry: {
    promise_reply: { promisedAt: '2026-11-30T02:00:00Z' },
    change_promise: { promisedAt: '2026-12-01T02:00:00Z', reason: '财务部尚未答复' },
    answer: { answer: '停车月卡每月 500 元' },
    ask_department: { department: 'finance', content: '请核实停车费标准' },
    escalate: { reason: '客户要求经理答复' },
    cancel: { reason: '客户撤回' },
  },
  incident: {
    take_charge: {},
    raise_repair: { title: '大堂地面漏水', priority: 'urgent' },
    raise_liaison: { department: 'cleaning', content: '清理大堂积水' },
    resolve: { outcome: '已处理，无人受伤' },
    close: {},
    escalate: { reason: '需要经理到场' },
  },
  liaison: {
    receive: {},
    complete: { feedback: '已完成' },
    escalate: { reason: '超时未接收' },
    cancel: { reason: '开错部门' },
  },
  move_in: {
    receive_documents: { licence: true, ids: true, contacts: true },
    sign_agreement: { signerName: '刘经理' },
    confirm_fees: {},
    hand_over: {
      ...{ electricityReading: 1200, waterReading: 35, condition: '完好' },
      ...{ keys: 4, cards: 6, signerName: '刘经理' },
    },
    notify_departments: {},
    notify_departments_late: { reason: '客户临时决定当日入驻' },
    arrange_moving_help: { trolleys: 2, movingCompany: '大众搬家' },
    welcome: { note: '送花' },
    add_service: { service: '代办宽带' },
    complete: {},
    escalate: { reason: '客户资料迟迟未交' },
    cancel: { reason: '客户取消租约' },
  },
  move_out: {
    confirm_date: { moveOutDate: '2026-12-15' },
    notify_departments: {},
    inspect: { damages: [{ item: '墙面', location: '会议室', cost: 50000, resolution: 'charge' }] },
    skip_inspection: {},
    return_keys: { keys: 4, cards: 6 },
    return_keys_short: { keys: 3, cards: 6, reason: '客户遗失一把钥匙' },
    settle: {},
    arrange_moving_help: { trolleys: 2, goodsLiftAt: '2026-12-15T09:00:00+08:00' },
    issue_release: { carrierName: '王师傅', items: [{ name: '办公桌', quantity: 10 }] },
    complete: {},
    escalate: { reason: '客户拖延' },
    cancel: { reason: '客户续租' },
  },
  release: {
    record_owner_consent: { ownerName: '李业主', method: 'phone' },
    check_out: {},
    refuse: { reason: '物品与放行条不符' },
    cancel: { reason: '客户取消' },
  },
  fit_out: {
    sign_agreement: { rulesAccepted: true, signerName: '刘经理' },
    confirm_fees: {},
    submit_drawings: { attachmentIds: [DRAWING] },
    approve_drawings: {},
    reject_drawings: { changes: ['消防喷淋头间距不符合规范'] },
    submit_roster: {
      ...{ startDate: '2026-12-01', endDate: '2027-01-31', dailyHours: '08:00-18:00' },
      workers: [
        { name: '王师傅', idNumber: '110101199003071234', role: '电工', phone: '13812345678' },
      ],
    },
    issue_passes: { validFrom: '2026-12-01', validTo: '2027-01-31', rulesExplained: true },
    revoke_pass: { passId: TECH, reason: '人员离场' },
    record_patrol: { findings: [] },
    issue_rectification: { items: ['走廊堆放材料'], dueOn: '2026-12-05' },
    confirm_rectified: { n: 1 },
    stop_work: { reason: '擅自改动消防管线' },
    resume_work: {},
    apply_acceptance: { completedOn: '2026-11-29' },
    call_inspection: { departments: ['engineering'], inspectOn: '2026-12-02' },
    inspect: { result: 'pass' },
    deduct_damages: {},
    refund_deposit: { method: 'bank_transfer' },
    collect_passes: {},
    close: {},
    escalate: { reason: '客户投诉审批太慢' },
    cancel: { reason: '客户放弃装修' },
  },
}

/** A fit-out in `state` on which `action` passes every check but the state. */
function fitOutView(state: string, action: string): CaseView {
  const head = ['approve_drawings', 'reject_drawings', 'inspect'].includes(action)
  return {
    state,
    data: {
      startDate: '2026-12-01',
      endDate: '2027-01-31',
      schedule: { startDate: '2026-12-01', endDate: '2027-01-31', dailyHours: '08:00-18:00' },
      rounds: [{ n: 1, attachmentIds: [DRAWING], submittedOn: '2026-11-29' }],
      rectifications:
        action === 'confirm_rectified'
          ? [{ n: 1, items: ['x'], dueOn: '2026-12-05', issuedOn: '2026-11-29', status: 'open' }]
          : [],
      acceptance: [{ n: 1, departments: ['engineering'], inspectOn: '2026-12-02', results: {} }],
      damages:
        action === 'deduct_damages'
          ? [{ n: 1, round: 1, department: 'engineering', item: '墙面', location: '走廊' }].map(
              (d) => ({ ...d, cost: 30000, resolution: 'deposit' }),
            )
          : [],
      refundDue: true,
      passesCollected: action === 'close',
    },
    today: '2026-11-29',
    now: '2026-11-29T02:00:00.000Z',
    facts: {
      // A cancellation happens before any money is taken.
      caseMoney:
        action === 'cancel'
          ? { deposits: [], held: 0, charges: [] }
          : {
              deposits: [{ id: OTHER, type: 'fit_out', balance: 1_000_000, refundDueOn: null }],
              held: 1_000_000,
              charges: [{ code: 'debris_removal', amount: 50_000, open: 0 }],
            },
      attachmentIds: [DRAWING],
    },
    priority: 'normal',
    department: 'customer_service',
    caller: {
      ...admin,
      roleCode: head ? 'department_head' : 'admin',
      department: 'engineering',
      name: '测试',
    },
  }
}

/** A case in `state` on which `action` passes every check but the state. */
function viewFor(type: CaseType, state: string, action: string): CaseView {
  if (type === 'fit_out') return fitOutView(state, action)
  return {
    state,
    data: {
      category: action === 'acknowledge' ? 'suggestion' : 'complaint',
      quote: {
        amount: 5000,
        description: '更换水龙头',
        agreed: !['quote', 'complete'].includes(action),
      },
      moveInDate: '2026-12-10',
      moveOutDate: '2026-12-15',
      role: 'tenant',
      departmentsNotified: !action.startsWith('notify_departments'),
      validOn: '2026-11-29',
    },
    // A move completes on or after its day; everything else happens before it.
    today: action === 'complete' ? '2026-12-31' : '2026-11-29',
    facts: {
      settlement: { open: 0, credit: 0, depositsHeld: 0, settled: true },
      unitKind: action === 'skip_inspection' ? 'apartment' : 'office',
      issued: { keys: 4, cards: 6 },
      occupancyRole: 'owner',
    },
    priority: 'normal',
    department: type === 'complaint' ? 'customer_service' : 'engineering',
    assigneeId: null,
    customerId: null,
    paused: action === 'resume',
    sample: 50,
    followUpPercent: 30,
    caller: { ...admin, department: type === 'complaint' ? 'customer_service' : 'engineering' },
  }
}

describe.each(Object.entries(workflows))('the %s workflow', (type, workflow) => {
  const t = type as CaseType
  it('has an example input for each of its actions', () => {
    expect(Object.keys(examples[t]).sort()).toEqual(Object.keys(workflow.actions).sort())
  })
  for (const state of workflow.states) {
    for (const [name, action] of Object.entries(workflow.actions)) {
      const allowed = action.from.includes(state)
      it(`${state} × ${name}: ${allowed ? 'allowed' : 'refused (wrong state)'}`, () => {
        const plan = planAction(workflow, viewFor(t, state, name), name, all, examples[t][name])
        if (allowed) {
          expect(plan).toMatchObject({ ok: true, from: state })
          if (plan.ok) expect(workflow.states).toContain(plan.to)
        } else {
          expect(plan).toEqual({
            ok: false,
            refusal: { code: 'cases.wrong_state', action: name, state },
          })
        }
      })
    }
  }
  it('final states offer no action', () => {
    for (const state of workflow.final)
      expect(availableActions(workflow, viewFor(t, state, 'x'), all)).toEqual([])
  })
  it.each(Object.keys(workflow.actions))(
    '%s is refused to a caller without its permission',
    (name) => {
      const action = workflow.actions[name]!
      const state = action.from[0]!
      const without = new Set([...all].filter((p) => p !== action.permission))
      expect(
        planAction(workflow, viewFor(t, state, name), name, without, examples[t][name]),
      ).toEqual({
        ok: false,
        refusal: { code: 'forbidden', permission: action.permission },
      })
    },
  )
})

const complaint = workflows.complaint
const repair = workflows.repair
const effectsOf = (plan: ReturnType<typeof planAction>): Effect[] => (plan.ok ? plan.effects : [])

describe('complaints', () => {
  const view = (over: Partial<CaseView> = {}) => ({
    ...viewFor('complaint', 'registered', 'assign'),
    ...over,
  })

  it('H-CP-1 every complaint runs one written procedure: registered to closed only through its steps', () => {
    expect(complaint.initial).toBe('registered')
    expect(complaint.final).toEqual(['closed', 'cancelled'])
    // The only ways to closed: a follow-up, an exception with a written reason, or a non-complaint.
    const toClosed = Object.entries(complaint.actions)
      .filter(([, a]) => a.to === 'closed' || typeof a.to === 'function')
      .map(([n]) => n)
    expect(toClosed).toEqual(
      expect.arrayContaining(['follow_up', 'close_without_follow_up', 'acknowledge']),
    )
    expect(complaint.actions['close_without_follow_up']?.reasonRequired).toBe(true)
  })

  it('P-CP-2 assign starts the resolve deadline (given or by policy) and tells the department head', () => {
    const plan = planAction(complaint, view(), 'assign', all, {
      department: 'engineering',
      dueAt: '2026-11-30T10:00:00Z',
    })
    expect(plan).toMatchObject({ ok: true, to: 'assigned', patch: { department: 'engineering' } })
    expect(effectsOf(plan)).toEqual([
      { kind: 'stop_deadline', name: 'respond' },
      { kind: 'start_deadline', name: 'resolve', dueAt: '2026-11-30T10:00:00Z' },
      {
        kind: 'notify',
        to: { department: 'engineering', role: 'department_head' },
        template: 'case.created_in_queue',
      },
    ])
  })

  it('P-CP-2 the result is signed by the case department; another department is refused', () => {
    const inProgress = view({ state: 'in_progress', department: 'engineering' })
    const head = { ...admin, roleCode: 'department_head', department: 'engineering' }
    const plan = planAction(complaint, { ...inProgress, caller: head }, 'report_result', all, {
      result: '已修复',
    })
    expect(plan).toMatchObject({ ok: true, to: 'resolved', signOff: true })
    expect(effectsOf(plan)).toContainEqual({ kind: 'start_deadline', name: 'follow_up' })
    const security = { ...head, department: 'security' }
    expect(
      planAction(complaint, { ...inProgress, caller: security }, 'report_result', all, {
        result: '已修复',
      }),
    ).toEqual({
      ok: false,
      refusal: { code: 'cases.not_allowed', reason: 'cases.other_department' },
    })
  })

  it('H-IS-29 an unsatisfied follow-up reopens the complaint to its department; satisfied closes it', () => {
    const resolved = view({ state: 'resolved', department: 'engineering' })
    const unhappy = planAction(complaint, resolved, 'follow_up', all, {
      method: 'visit',
      rating: 'unsatisfied',
      comment: '问题依旧',
    })
    expect(unhappy).toMatchObject({ ok: true, to: 'assigned' })
    expect(effectsOf(unhappy)).toContainEqual({ kind: 'start_deadline', name: 'resolve' })
    const happy = planAction(complaint, resolved, 'follow_up', all, {
      method: 'phone',
      rating: 'fairly_satisfied',
    })
    expect(happy).toMatchObject({ ok: true, to: 'closed' })
    expect(effectsOf(happy)).toEqual([{ kind: 'stop_deadline', name: 'follow_up' }])
  })

  it('H-IS-26 closing without a follow-up needs a written reason', () => {
    const resolved = view({ state: 'resolved' })
    expect(
      planAction(complaint, resolved, 'close_without_follow_up', all, { reason: '  ' }),
    ).toMatchObject({
      ok: false,
    })
    expect(
      planAction(complaint, resolved, 'close_without_follow_up', all, { reason: '客户已搬离' }),
    ).toMatchObject({ ok: true, to: 'closed', reason: '客户已搬离' })
  })

  it('suggestions and praise are acknowledged, not assigned; a complaint cannot be acknowledged away', () => {
    const suggestion = view({ data: { category: 'suggestion' } })
    expect(planAction(complaint, suggestion, 'assign', all, { department: 'engineering' })).toEqual(
      {
        ok: false,
        refusal: { code: 'cases.not_allowed', reason: 'complaints.not_a_complaint' },
      },
    )
    expect(planAction(complaint, view(), 'acknowledge', all, {})).toEqual({
      ok: false,
      refusal: { code: 'cases.not_allowed', reason: 'complaints.is_a_complaint' },
    })
  })

  it('H-FD-8 the desk escalates what it cannot settle, with a reason; the engine takes it a level up', () => {
    const plan = planAction(complaint, view(), 'escalate', all, { reason: '客户要求经理处理' })
    expect(plan).toMatchObject({ ok: true, to: 'registered' })
    expect(effectsOf(plan)).toEqual([{ kind: 'escalate' }])
    expect(planAction(complaint, view(), 'escalate', all, {})).toMatchObject({ ok: false })
  })

  it('an urgent complaint notifies the duty manager and the supervisor at once', () => {
    const effects = complaint.create.effects?.({ ...view(), priority: 'urgent' }) ?? []
    expect(effects).toContainEqual({
      kind: 'notify',
      to: { role: 'manager' },
      template: 'case.urgent',
      urgent: true,
    })
    expect(complaint.create.effects?.(view())).toEqual([
      { kind: 'start_deadline', name: 'respond' },
    ])
  })
})

describe('repairs', () => {
  const view = (state: string, over: Partial<CaseView> = {}) => ({
    ...viewFor('repair', state, 'x'),
    ...over,
  })

  it('an emergency goes to engineering at once, urgently, before anyone dispatches', () => {
    expect(repair.create.defaults?.({})).toEqual({ department: 'engineering' })
    expect(repair.create.effects?.({ ...view('logged'), priority: 'emergency' })).toContainEqual({
      kind: 'notify',
      to: { department: 'engineering' },
      template: 'case.urgent',
      urgent: true,
    })
  })

  it('paid work needs an agreed quote; agreeing bills it through billing and is signed', () => {
    const onSite = view('on_site', { data: {} })
    expect(planAction(repair, onSite, 'complete', all, { workDone: '换管', paid: true })).toEqual({
      ok: false,
      refusal: { code: 'cases.guard', reason: 'repairs.quote_not_agreed' },
    })
    const quoted = view('quoted', { data: { quote: { amount: 12000, description: '更换水泵' } } })
    const agreed = planAction(repair, quoted, 'agree_quote', all, { signerName: '李四' })
    expect(agreed).toMatchObject({ ok: true, to: 'on_site', signOff: true })
    expect(effectsOf(agreed)).toContainEqual({
      kind: 'post_charge',
      chargeKind: 'paid_repair',
      amount: 12000,
      description: '更换水泵',
    })
    const declined = planAction(repair, quoted, 'decline_quote', all, { signerName: '李四' })
    expect(effectsOf(declined).some((e) => e.kind === 'post_charge')).toBe(false)
  })

  it('a quote waits for the customer: deadlines pause, and resume on the answer', () => {
    expect(
      effectsOf(
        planAction(repair, view('on_site', { data: {} }), 'quote', all, {
          amount: 1,
          description: '更换',
        }),
      ),
    ).toContainEqual({ kind: 'pause_deadlines' })
    expect(effectsOf(planAction(repair, view('quoted'), 'decline_quote', all, {}))).toContainEqual({
      kind: 'resume_deadlines',
    })
  })

  it('follow-up by sampling: the sampled share and every unsatisfied customer; the rest close', () => {
    const completed = (sample: number) => view('completed', { sample, followUpPercent: 30 })
    const sign = (sample: number, satisfied: boolean) =>
      planAction(repair, completed(sample), 'customer_sign_off', all, {
        satisfied,
        signerName: '王五',
      })
    expect(sign(10, true)).toMatchObject({ ok: true, to: 'awaiting_follow_up' })
    expect(sign(80, true)).toMatchObject({ ok: true, to: 'closed' })
    expect(sign(80, false)).toMatchObject({ ok: true, to: 'awaiting_follow_up' })
  })

  it('only the assigned technician or the engineering department works the repair', () => {
    const dispatched = view('dispatched', { assigneeId: TECH })
    const tech = { ...admin, userId: TECH, roleCode: 'department_staff', department: 'engineering' }
    const cleaner = {
      ...admin,
      userId: OTHER,
      roleCode: 'department_staff',
      department: 'cleaning',
    }
    expect(planAction(repair, { ...dispatched, caller: tech }, 'arrive', all, {})).toMatchObject({
      ok: true,
    })
    expect(planAction(repair, { ...dispatched, caller: cleaner }, 'arrive', all, {})).toMatchObject(
      {
        ok: false,
        refusal: { code: 'cases.not_allowed' },
      },
    )
  })

  it('H-IS-26 waiving the customer sign-off is an exception with a written reason', () => {
    expect(repair.actions['waive_sign_off']?.reasonRequired).toBe(true)
    expect(
      planAction(repair, view('completed'), 'waive_sign_off', all, { reason: 'x' }),
    ).toMatchObject({
      ok: false,
    })
  })
})

describe('inquiries, incidents and liaison slips', () => {
  it('H-FD-11 a promised reply is a deadline at the promised time; answering meets it', () => {
    const inquiry = workflows.inquiry
    const view = viewFor('inquiry', 'open', 'promise_reply')
    const plan = planAction(inquiry, view, 'promise_reply', all, {
      promisedAt: '2026-11-30T02:00:00Z',
    })
    expect(effectsOf(plan)).toContainEqual({
      kind: 'start_deadline',
      name: 'reply',
      dueAt: '2026-11-30T02:00:00Z',
    })
    const answered = planAction(inquiry, { ...view, state: 'promised' }, 'answer', all, {
      answer: '可以',
    })
    expect(effectsOf(answered)).toContainEqual({ kind: 'stop_deadline', name: 'reply' })
    expect(inquiry.create.startIn?.({ answer: '当场答复' })).toBe('answered')
    expect(inquiry.create.startIn?.({})).toBe('open')
  })

  it('H-FD-10 a lobby incident is urgent and reaches the supervisor at once; it raises repairs and slips', () => {
    const incident = workflows.incident
    expect(incident.create.defaults?.({})).toMatchObject({ priority: 'urgent' })
    expect(incident.create.effects?.(viewFor('incident', 'reported', 'x'))).toContainEqual({
      kind: 'notify',
      to: { role: 'supervisor' },
      template: 'incident.reported',
      urgent: true,
    })
    const raised = planAction(incident, viewFor('incident', 'handling', 'x'), 'raise_repair', all, {
      title: '大堂漏水',
      priority: 'emergency',
    })
    expect(effectsOf(raised)).toEqual([
      {
        kind: 'raise_case',
        type: 'repair',
        title: '大堂漏水',
        description: '',
        priority: 'emergency',
      },
    ])
  })

  it('a liaison slip is received (signed) by its own department and done with feedback', () => {
    const liaison = workflows.liaison
    const issued = { ...viewFor('liaison', 'issued', 'receive'), department: 'security' }
    const guard = { ...admin, roleCode: 'department_staff', department: 'security' }
    expect(planAction(liaison, { ...issued, caller: guard }, 'receive', all, {})).toMatchObject({
      ok: true,
      signOff: true,
    })
    const cleaner = { ...guard, department: 'cleaning' }
    expect(planAction(liaison, { ...issued, caller: cleaner }, 'receive', all, {})).toMatchObject({
      ok: false,
    })
    expect(
      planAction(liaison, { ...issued, state: 'received', caller: guard }, 'complete', all, {}),
    ).toMatchObject({ ok: false, refusal: { code: 'request.invalid', field: 'feedback' } })
  })
})

describe('moves and goods release', () => {
  const moveIn = workflows.move_in
  const moveOut = workflows.move_out
  const view = (type: CaseType, state: string, over: Partial<CaseView> = {}) => ({
    ...viewFor(type, state, 'x'),
    ...over,
  })

  it('H-MI-2 the departments are told before the move-in day; on the day only as an exception, urgently', () => {
    const onTheDay = view('move_in', 'handed_over', {
      today: '2026-12-10',
      data: { moveInDate: '2026-12-10', role: 'tenant' },
    })
    expect(planAction(moveIn, onTheDay, 'notify_departments', all, {})).toEqual({
      ok: false,
      refusal: { code: 'cases.guard', reason: 'move_in.notice_late' },
    })
    expect(moveIn.actions['notify_departments_late']?.reasonRequired).toBe(true)
    expect(moveIn.actions['notify_departments_late']?.permission).toBe('case.exception')
    const late = planAction(moveIn, onTheDay, 'notify_departments_late', all, {
      reason: '客户临时决定当日入驻',
    })
    expect(late).toMatchObject({ ok: true, patch: { data: { departmentsNotified: true } } })
    const slips = effectsOf(late)
    expect(slips.map((e) => e.kind === 'raise_case' && [e.department, e.priority])).toEqual([
      ['engineering', 'urgent'],
      ['security', 'urgent'],
      ['cleaning', 'urgent'],
    ])
    const registered = view('move_in', 'registered', {
      data: { moveInDate: '2026-12-10', role: 'tenant' },
    })
    const before = planAction(moveIn, registered, 'notify_departments', all, {})
    expect(effectsOf(before)).toContainEqual(
      expect.objectContaining({ dueAt: '2026-12-10T00:00:00+08:00', department: 'security' }),
    )
  })

  it('H-MO-4 the slips of a move-out are due at 18:00 on the day; notified after that on the day, within the hour', () => {
    const confirmed = (now: string) =>
      view('move_out', 'confirmed', {
        today: '2026-11-30',
        now,
        data: { moveOutDate: '2026-11-30' },
      })
    const dues = (now: string) =>
      effectsOf(planAction(moveOut, confirmed(now), 'notify_departments', all, {})).map(
        (e) => e.kind === 'raise_case' && e.dueAt,
      )
    expect(dues('2026-11-30T02:00:00.000Z')).toEqual(Array(4).fill('2026-11-30T18:00:00+08:00'))
    // 18:35 in Shanghai: the day's 18:00 has passed.
    expect(dues('2026-11-30T10:35:00.000Z')).toEqual(Array(4).fill('2026-11-30T11:35:00.000Z'))
  })

  it('a move completes on or after its day, never before', () => {
    const early = { today: '2026-11-29' }
    expect(planAction(moveIn, view('move_in', 'handed_over', early), 'complete', all, {})).toEqual({
      ok: false,
      refusal: { code: 'cases.guard', reason: 'move_in.before_move_in_date' },
    })
    expect(planAction(moveOut, view('move_out', 'settled', early), 'complete', all, {})).toEqual({
      ok: false,
      refusal: { code: 'cases.guard', reason: 'move_out.before_move_out_date' },
    })
    const onTheDay = view('move_out', 'settled', { today: '2026-12-15' })
    expect(effectsOf(planAction(moveOut, onTheDay, 'complete', all, {}))).toContainEqual({
      kind: 'end_occupancy',
      toDate: '2026-12-15',
    })
  })

  it('each step waits in the queue of the department that takes it: finance, engineering for an office', () => {
    const patchOf = (plan: ReturnType<typeof planAction>) => (plan.ok ? plan.patch : null)
    expect(
      patchOf(planAction(moveIn, view('move_in', 'documents_received'), 'sign_agreement', all, {})),
    ).toMatchObject({ department: 'finance' })
    expect(
      patchOf(
        planAction(
          moveIn,
          view('move_in', 'fees_paid'),
          'hand_over',
          all,
          examples.move_in.hand_over,
        ),
      ),
    ).toMatchObject({ department: 'customer_service' })
    const office = view('move_out', 'confirmed')
    expect(patchOf(planAction(moveOut, office, 'notify_departments', all, {}))).toEqual({
      department: 'engineering',
    })
    const apartment = { ...office, facts: { ...office.facts, unitKind: 'apartment' as const } }
    expect(patchOf(planAction(moveOut, apartment, 'notify_departments', all, {}))).toEqual({})
    expect(
      patchOf(
        planAction(moveOut, view('move_out', 'inspected'), 'return_keys', all, {
          keys: 4,
          cards: 6,
        }),
      ),
    ).toMatchObject({ department: 'finance' })
    expect(
      patchOf(
        planAction(
          moveOut,
          view('move_out', 'settled'),
          'issue_release',
          all,
          examples.move_out.issue_release,
        ),
      ),
    ).toMatchObject({ department: 'customer_service' })
  })

  it('H-MO-7 a release slip issued after the move-out day is valid today, not on a day gone by', () => {
    const slipOf = (today: string) =>
      effectsOf(
        planAction(
          moveOut,
          view('move_out', 'settled', { today }),
          'issue_release',
          all,
          examples.move_out.issue_release,
        ),
      ).find((e) => e.kind === 'raise_case')
    expect(slipOf('2026-12-01')).toMatchObject({ type: 'release', data: { validOn: '2026-12-15' } })
    expect(slipOf('2026-12-17')).toMatchObject({ data: { validOn: '2026-12-17' } })
  })

  it('H-MI-1 H-MO-7 moving help is kept on a move-in and on a move-out', () => {
    for (const [w, type, state] of [
      [moveIn, 'move_in', 'fees_paid'],
      [moveOut, 'move_out', 'settled'],
    ] as const) {
      const plan = planAction(w, view(type, state), 'arrange_moving_help', all, {
        movingCompany: '大众搬家',
        trolleys: 3,
      })
      expect(plan).toMatchObject({
        ok: true,
        to: state,
        visibleToCustomer: true,
        patch: { data: { movingHelp: { movingCompany: '大众搬家', trolleys: 3 } } },
      })
    }
  })
})

describe('case numbers', () => {
  it('every type reads as its own initials: no two types share a prefix', () => {
    const prefixes = Object.values(numberPrefix)
    expect(new Set(prefixes).size).toBe(prefixes.length)
    expect(Object.keys(numberPrefix).sort()).toEqual(Object.keys(workflows).sort())
  })
})

describe('fit-outs', () => {
  const fitOut = workflows.fit_out
  type Caller = NonNullable<CaseView['caller']>
  const as = (roleCode: string, department: string | null): Caller => ({
    ...admin,
    userId: TECH,
    roleCode,
    department,
    name: '测试',
  })
  const callers = {
    agent: as('agent', 'customer_service'),
    csSupervisor: as('supervisor', 'customer_service'),
    engHead: as('department_head', 'engineering'),
    engTech: as('department_staff', 'engineering'),
    secHead: as('department_head', 'security'),
    secGuard: as('department_staff', 'security'),
    cleanHead: as('department_head', 'cleaning'),
    finance: as('finance', 'finance'),
    manager: as('manager', 'customer_service'),
    admin: as('admin', null),
  }
  const view = (state: string, over: Partial<CaseView> = {}): CaseView => ({
    ...fitOutView(state, 'x'),
    ...over,
  })
  const plan = (state: string, name: string, input: unknown, over: Partial<CaseView> = {}) =>
    planAction(fitOut, view(state, over), name, all, input)
  const refusalOf = (p: ReturnType<typeof planAction>) => (p.ok ? null : p.refusal)
  const patchOf = (p: ReturnType<typeof planAction>) => (p.ok ? p.patch : null)
  const money = (over: Partial<NonNullable<NonNullable<CaseView['facts']>['caseMoney']>>) => ({
    facts: {
      attachmentIds: [DRAWING],
      caseMoney: { deposits: [], held: 0, charges: [], ...over },
    },
  })
  const fitOutDeposit = { id: OTHER, type: 'fit_out', balance: 1_000_000, refundDueOn: null }

  it('H-FO-13 a department that failed the last round must be called again: its fail is cleared by its head', () => {
    const failedBySecurity = {
      ...fitOutView('acceptance_applied', 'x').data,
      acceptance: [
        {
          n: 1,
          departments: ['engineering', 'security'],
          inspectOn: '2026-11-29',
          results: {
            engineering: { result: 'pass', rectifications: [], by: 'a', on: '2026-11-29' },
            security: { result: 'fail', rectifications: ['x'], by: 'b', on: '2026-11-29' },
          },
        },
      ],
    }
    const call = (departments: string[]) =>
      plan(
        'acceptance_applied',
        'call_inspection',
        { departments, inspectOn: '2026-12-02' },
        { caller: callers.agent, data: failedBySecurity },
      )
    expect(refusalOf(call(['engineering']))).toEqual({
      code: 'cases.guard',
      reason: 'fit_out.failed_department_missing',
    })
    expect(call(['engineering', 'security'])).toMatchObject({ ok: true, to: 'inspecting' })
  })

  it('H-FO-12 an inspection called for today after 18:00 is refused as a day already over', () => {
    const late = plan(
      'acceptance_applied',
      'call_inspection',
      { departments: ['engineering'], inspectOn: '2026-11-29' },
      { caller: callers.agent, now: '2026-11-29T11:00:00.000Z' },
    )
    expect(refusalOf(late)).toEqual({ code: 'cases.guard', reason: 'fit_out.due_past' })
  })

  it('H-FO-14 priced damage comes out of every fit-out deposit of the case before anything is billed', () => {
    const data = {
      ...fitOutView('accepted', 'x').data,
      damages: [
        {
          ...{ n: 1, round: 1, department: 'engineering', item: '墙面', location: '走廊' },
          ...{ cost: 2_200_000, resolution: 'deposit' },
        },
      ],
    }
    const two = money({
      deposits: [
        { id: TECH, type: 'fit_out', balance: 500_000, refundDueOn: null },
        { id: OTHER, type: 'fit_out', balance: 2_000_000, refundDueOn: null },
      ],
      held: 2_500_000,
    })
    const p = plan('accepted', 'deduct_damages', {}, { caller: callers.finance, data, ...two })
    const moves = effectsOf(p).filter((e) => e.kind !== 'notify')
    expect(moves).toEqual([
      expect.objectContaining({ kind: 'deduct_deposit', depositId: OTHER, amount: 2_000_000 }),
      expect.objectContaining({ kind: 'deduct_deposit', depositId: TECH, amount: 200_000 }),
    ])
  })

  it('H-FO-15 the passes are collected by security or the desk, after the clean acceptance', () => {
    const accepted = { ...fitOutView('accepted', 'x').data, passesCollected: false }
    for (const caller of [callers.secGuard, callers.agent])
      expect(plan('accepted', 'collect_passes', {}, { caller, data: accepted })).toMatchObject({
        ok: true,
      })
    expect(
      refusalOf(
        plan('accepted', 'collect_passes', {}, { caller: callers.finance, data: accepted }),
      ),
    ).toEqual({ code: 'cases.not_allowed', reason: 'fit_out.security_only' })
    expect(refusalOf(plan('rectifying', 'collect_passes', {}, { caller: callers.agent }))).toEqual({
      code: 'cases.wrong_state',
      action: 'collect_passes',
      state: 'rectifying',
    })
  })

  it('a fit-out is cancelled only before money is taken for it', () => {
    const taken = money({
      deposits: [],
      held: 0,
      charges: [{ code: 'debris_removal', amount: 1, open: 1 }],
    })
    expect(
      refusalOf(plan('agreement_signed', 'cancel', { reason: '客户放弃装修' }, taken)),
    ).toEqual({ code: 'cases.guard', reason: 'fit_out.money_taken' })
    expect(plan('agreement_signed', 'cancel', { reason: '客户放弃装修' }, money({}))).toMatchObject(
      {
        ok: true,
        to: 'cancelled',
      },
    )
  })

  it('H-FO-5 only the engineering supervisor (its department head) approves or rejects drawings', () => {
    const input = { approve_drawings: {}, reject_drawings: { changes: ['配电箱须避开疏散通道'] } }
    for (const [name, i] of Object.entries(input)) {
      expect(plan('in_review', name, i, { caller: callers.engHead })).toMatchObject({ ok: true })
      for (const caller of [
        callers.engTech,
        callers.agent,
        callers.csSupervisor,
        callers.secHead,
        callers.manager,
        callers.admin,
      ])
        expect(refusalOf(plan('in_review', name, i, { caller })), caller.roleCode).toEqual({
          code: 'cases.not_allowed',
          reason: 'fit_out.engineering_supervisor_only',
        })
    }
  })

  it('H-FO-6 H-FO-7 a decision comes back to customer service, signed; a rejection needs the changes required', () => {
    const inReview = { caller: callers.engHead }
    expect(refusalOf(plan('in_review', 'reject_drawings', {}, inReview))).toMatchObject({
      code: 'request.invalid',
      field: 'changes',
    })
    expect(
      refusalOf(plan('in_review', 'reject_drawings', { changes: [] }, inReview)),
    ).toMatchObject({ code: 'request.invalid', field: 'changes' })
    const rejected = plan('in_review', 'reject_drawings', { changes: ['喷淋头加密'] }, inReview)
    expect(rejected).toMatchObject({
      ok: true,
      to: 'returned',
      signOff: true,
      visibleToCustomer: true,
      patch: {
        department: 'customer_service',
        data: {
          rounds: [
            {
              n: 1,
              attachmentIds: [DRAWING],
              decision: 'rejected',
              changes: ['喷淋头加密'],
              reviewedOn: '2026-11-29',
              reviewedBy: '测试',
            },
          ],
        },
      },
    })
    expect(effectsOf(rejected)).toContainEqual(
      expect.objectContaining({ template: 'fit_out.drawings_rejected' }),
    )
    const approved = plan('in_review', 'approve_drawings', {}, inReview)
    expect(approved).toMatchObject({ ok: true, to: 'approved', signOff: true })
    expect(patchOf(approved)).toMatchObject({ department: 'customer_service' })
  })

  it('H-FO-4 H-FO-7 drawings are the case’s own files; a resubmission is a new round, the earlier kept', () => {
    expect(refusalOf(plan('fees_paid', 'submit_drawings', { attachmentIds: [OTHER] }))).toEqual({
      code: 'cases.guard',
      reason: 'fit_out.attachment_unknown',
    })
    const rejected = {
      n: 1,
      attachmentIds: [DRAWING],
      submittedOn: '2026-11-20',
      decision: 'rejected',
    }
    const again = plan(
      'returned',
      'submit_drawings',
      { attachmentIds: [DRAWING], note: '第二版' },
      { data: { rounds: [rejected] } },
    )
    expect(again).toMatchObject({ ok: true, to: 'in_review' })
    expect(patchOf(again)).toEqual({
      department: 'engineering',
      data: {
        rounds: [
          rejected,
          { n: 2, attachmentIds: [DRAWING], note: '第二版', submittedOn: '2026-11-29' },
        ],
      },
    })
  })

  it('H-FO-3 H-FO-14 H-FO-15 only finance moves money (the manager and admin may act for it)', () => {
    const steps: [string, string, Partial<CaseView>][] = [
      ['agreement_signed', 'confirm_fees', {}],
      ['rectifying', 'deduct_damages', { data: fitOutView('x', 'deduct_damages').data }],
      ['accepted', 'refund_deposit', {}],
    ]
    for (const [state, name, over] of steps) {
      const input = examples.fit_out[name]
      for (const caller of [callers.finance, callers.manager, callers.admin])
        expect(
          plan(state, name, input, { ...over, caller }),
          `${name} ${caller.roleCode}`,
        ).toMatchObject({
          ok: true,
        })
      for (const caller of [callers.agent, callers.csSupervisor, callers.engHead, callers.secGuard])
        expect(refusalOf(plan(state, name, input, { ...over, caller })), name).toEqual({
          code: 'cases.not_allowed',
          reason: 'fit_out.finance_only',
        })
    }
  })

  it('H-FO-3 the fees are confirmed from the ledger: the fit-out deposit, the debris fee, nothing open', () => {
    const finance = { caller: callers.finance }
    const confirm = (m: Parameters<typeof money>[0]) =>
      refusalOf(plan('agreement_signed', 'confirm_fees', {}, { ...finance, ...money(m) }))
    const debris = (open: number) => ({ code: 'debris_removal', amount: 80_000, open })
    expect(confirm({})).toEqual({ code: 'cases.guard', reason: 'fit_out.deposit_missing' })
    // A pass-card deposit named on the case is not the fit-out deposit.
    const passCard = { ...fitOutDeposit, type: 'pass' }
    expect(confirm({ deposits: [passCard], held: passCard.balance, charges: [debris(0)] })).toEqual(
      { code: 'cases.guard', reason: 'fit_out.deposit_missing' },
    )
    const held = { deposits: [fitOutDeposit], held: fitOutDeposit.balance }
    expect(confirm(held)).toEqual({ code: 'cases.guard', reason: 'fit_out.debris_fee_missing' })
    expect(confirm({ ...held, charges: [debris(30_000)] })).toEqual({
      code: 'cases.guard',
      reason: 'fit_out.fees_open',
    })
    const other = { code: 'management_fee', amount: 100, open: 100 }
    expect(confirm({ ...held, charges: [debris(0), other] })).toEqual({
      code: 'cases.guard',
      reason: 'fit_out.fees_open',
    })
    expect(confirm({ ...held, charges: [debris(0)] })).toBeNull()
    const p = plan(
      'agreement_signed',
      'confirm_fees',
      {},
      { ...finance, ...money({ ...held, charges: [debris(0)] }) },
    )
    expect(p).toMatchObject({ ok: true, to: 'fees_paid', signOff: true })
    expect(patchOf(p)).toEqual({ department: 'customer_service' })
  })

  it('H-FO-2 the signed agreement sends the case to finance’s queue and tells finance', () => {
    const signed = plan('applied', 'sign_agreement', { rulesAccepted: true, signerName: '刘经理' })
    expect(signed).toMatchObject({ ok: true, to: 'agreement_signed', signOff: true })
    expect(patchOf(signed)).toEqual({ department: 'finance' })
    expect(effectsOf(signed)).toContainEqual({
      kind: 'notify',
      to: { department: 'finance' },
      template: 'fit_out.fees_due',
    })
    expect(refusalOf(plan('applied', 'sign_agreement', { signerName: '刘经理' }))).toMatchObject({
      code: 'request.invalid',
      field: 'rulesAccepted',
    })
  })

  it('H-FO-8 H-FO-9 the roster goes to security’s queue; each worker once', () => {
    const roster = examples.fit_out['submit_roster']!
    expect(patchOf(plan('approved', 'submit_roster', roster))).toMatchObject({
      department: 'security',
    })
    // Later additions keep the state and the queue.
    const later = plan('in_works', 'submit_roster', roster)
    expect(later).toMatchObject({ ok: true, to: 'in_works' })
    expect(patchOf(later)).not.toHaveProperty('department')
    const worker = (roster['workers'] as { idNumber: string }[])[0]!
    const twice = [worker, { ...worker, name: '重名', idNumber: worker.idNumber.toLowerCase() }]
    expect(refusalOf(plan('approved', 'submit_roster', { ...roster, workers: twice }))).toEqual({
      code: 'cases.guard',
      reason: 'fit_out.worker_twice',
    })
  })

  it('H-FO-9 only security issues and revokes passes (the manager and admin may act for it)', () => {
    const steps: [string, string][] = [
      ['roster_submitted', 'issue_passes'],
      ['in_works', 'revoke_pass'],
    ]
    for (const [state, name] of steps) {
      const input = examples.fit_out[name]
      for (const caller of [callers.secGuard, callers.secHead, callers.manager, callers.admin])
        expect(plan(state, name, input, { caller }), `${name} ${caller.roleCode}`).toMatchObject({
          ok: true,
        })
      for (const caller of [callers.agent, callers.csSupervisor, callers.engHead, callers.finance])
        expect(refusalOf(plan(state, name, input, { caller })), name).toEqual({
          code: 'cases.not_allowed',
          reason: 'fit_out.security_only',
        })
    }
    const issued = plan('roster_submitted', 'issue_passes', examples.fit_out['issue_passes'], {
      caller: callers.secGuard,
    })
    expect(effectsOf(issued)).toContainEqual({
      kind: 'issue_passes',
      validFrom: '2026-12-01',
      validTo: '2027-01-31',
    })
    expect(patchOf(issued)).toMatchObject({
      department: 'customer_service',
      data: { rulesExplainedOn: '2026-11-29', permitIssuedOn: '2026-11-29' },
    })
  })

  it('H-FO-10 a finding is explained to the customer and goes to the head of its department, urgently when serious', () => {
    const finding = (department: string, severity: string) => ({
      description: '消防通道堆放材料',
      location: '走廊',
      severity,
      department,
    })
    const findings = [finding('security', 'serious'), finding('engineering', 'minor')]
    expect(refusalOf(plan('in_works', 'record_patrol', { findings }))).toEqual({
      code: 'cases.guard',
      reason: 'fit_out.finding_not_explained',
    })
    const patrol = plan('in_works', 'record_patrol', { findings, explainedTo: '何工' })
    expect(patrol).toMatchObject({ ok: true, to: 'in_works' })
    expect(effectsOf(patrol)).toEqual([
      {
        kind: 'notify',
        to: { department: 'security', role: 'department_head' },
        template: 'fit_out.finding',
        urgent: true,
      },
      {
        kind: 'notify',
        to: { department: 'engineering', role: 'department_head' },
        template: 'fit_out.finding',
        urgent: false,
      },
      { kind: 'notify', to: { customer: true }, template: 'fit_out.finding_explained' },
    ])
    // A clean patrol tells nobody.
    expect(effectsOf(plan('in_works', 'record_patrol', { findings: [] }))).toEqual([])
  })

  it('H-FO-10 rectification notices share one deadline, on the earliest open day; an overdue one keeps it', () => {
    const notice = (n: number, dueOn: string) => ({
      n,
      items: ['整改'],
      dueOn,
      issuedOn: '2026-11-20',
      status: 'open',
    })
    const issue = (
      open: ReturnType<typeof notice>[],
      dueOn: string,
      now = '2026-11-29T02:00:00.000Z',
    ) =>
      effectsOf(
        plan(
          'in_works',
          'issue_rectification',
          { items: ['清理走廊'], dueOn },
          {
            now,
            data: { rectifications: open },
          },
        ),
      ).filter((e) => e.kind !== 'notify')
    expect(issue([], '2026-12-04')).toEqual([
      { kind: 'start_deadline', name: 'rectify', dueAt: '2026-12-04T18:00:00+08:00' },
    ])
    // An earlier notice still open: its day stays the deadline.
    expect(issue([notice(1, '2026-12-02')], '2026-12-04')).toEqual([])
    // A new notice due sooner moves the deadline forward.
    expect(issue([notice(1, '2026-12-06')], '2026-12-04')).toEqual([
      { kind: 'start_deadline', name: 'rectify', dueAt: '2026-12-04T18:00:00+08:00' },
    ])
    // A notice already overdue keeps its running (overdue) deadline: never restarted in the past.
    expect(issue([notice(1, '2026-11-27')], '2026-12-04')).toEqual([])
    expect(
      refusalOf(
        plan('in_works', 'issue_rectification', { items: ['清理走廊'], dueOn: '2026-11-28' }),
      ),
    ).toEqual({
      code: 'cases.guard',
      reason: 'fit_out.due_past',
    })
    const done = (open: ReturnType<typeof notice>[], n: number) =>
      effectsOf(plan('stopped', 'confirm_rectified', { n }, { data: { rectifications: open } }))
    expect(done([notice(1, '2026-12-02')], 1)).toEqual([{ kind: 'stop_deadline', name: 'rectify' }])
    expect(done([notice(1, '2026-12-02'), notice(2, '2026-12-05')], 1)).toEqual([
      { kind: 'start_deadline', name: 'rectify', dueAt: '2026-12-05T18:00:00+08:00' },
    ])
    expect(done([notice(1, '2026-12-02'), notice(2, '2026-12-05')], 2)).toEqual([])
    // The works resume, and acceptance is applied for, only with no notice open.
    const open = { data: { rectifications: [notice(1, '2026-12-02')] } }
    expect(refusalOf(plan('stopped', 'resume_work', {}, open))).toEqual({
      code: 'cases.guard',
      reason: 'fit_out.rectification_open',
    })
    expect(
      refusalOf(plan('in_works', 'apply_acceptance', { completedOn: '2026-11-28' }, open)),
    ).toEqual({
      code: 'cases.guard',
      reason: 'fit_out.rectification_open',
    })
  })

  it('H-FO-10 a stop-work order suspends the passes; resuming reinstates them', () => {
    expect(fitOut.actions['stop_work']?.permission).toBe('case.exception')
    expect(effectsOf(plan('in_works', 'stop_work', { reason: '擅自改动消防管线' }))).toContainEqual(
      {
        kind: 'suspend_passes',
      },
    )
    expect(effectsOf(plan('stopped', 'resume_work', {}))).toContainEqual({
      kind: 'reinstate_passes',
    })
  })

  it('H-FO-11 H-FO-12 acceptance is applied for after the works; customer service calls the heads, engineering always, a slip to each', () => {
    expect(refusalOf(plan('in_works', 'apply_acceptance', { completedOn: '2026-11-30' }))).toEqual({
      code: 'cases.guard',
      reason: 'fit_out.completed_future',
    })
    const call = { departments: ['engineering', 'security'], inspectOn: '2026-12-02' }
    for (const caller of [callers.engHead, callers.finance])
      expect(refusalOf(plan('acceptance_applied', 'call_inspection', call, { caller }))).toEqual({
        code: 'cases.not_allowed',
        reason: 'fit_out.customer_service_only',
      })
    const desk = { caller: callers.agent }
    expect(
      refusalOf(
        plan('acceptance_applied', 'call_inspection', { ...call, departments: ['security'] }, desk),
      ),
    ).toEqual({ code: 'cases.guard', reason: 'fit_out.engineering_inspects' })
    const called = plan('acceptance_applied', 'call_inspection', call, desk)
    expect(called).toMatchObject({ ok: true, to: 'inspecting' })
    expect(
      effectsOf(called).map((e) => e.kind === 'raise_case' && [e.type, e.department, e.dueAt]),
    ).toEqual([
      ['liaison', 'engineering', '2026-12-02T18:00:00+08:00'],
      ['liaison', 'security', '2026-12-02T18:00:00+08:00'],
    ])
  })

  it('H-FO-13 H-FO-15 each called head signs; a fail sends it back to rectifying, a clean round accepts it and schedules the refund', () => {
    const round = (results: Record<string, unknown>) => ({
      ...fitOutView('inspecting', 'inspect').data,
      acceptance: [
        { n: 1, departments: ['engineering', 'security'], inspectOn: '2026-11-29', results },
      ],
    })
    const passed = { result: 'pass', rectifications: [], by: '郑保安主管', on: '2026-11-29' }
    const failed = { ...passed, result: 'fail', rectifications: ['门禁线缆未恢复'] }
    const inspect = (caller: Caller, input: Record<string, unknown>, results = {}) =>
      plan('inspecting', 'inspect', input, { caller, data: round(results) })
    // Not called, or called and done already.
    expect(refusalOf(inspect(callers.cleanHead, { result: 'pass' }))).toEqual({
      code: 'cases.not_allowed',
      reason: 'fit_out.not_called',
    })
    for (const caller of [callers.engTech, callers.manager, callers.admin, callers.csSupervisor])
      expect(refusalOf(inspect(caller, { result: 'pass' })), caller.roleCode).toEqual({
        code: 'cases.not_allowed',
        reason: 'fit_out.not_called',
      })
    expect(refusalOf(inspect(callers.secHead, { result: 'pass' }, { security: passed }))).toEqual({
      code: 'cases.not_allowed',
      reason: 'fit_out.already_inspected',
    })
    expect(refusalOf(inspect(callers.engHead, { result: 'fail' }))).toEqual({
      code: 'cases.guard',
      reason: 'fit_out.rectification_list_required',
    })
    // The first head of two: still inspecting, nothing scheduled; the department's inspection
    // slip is done (the head signed here).
    const first = inspect(callers.engHead, { result: 'pass' })
    expect(first).toMatchObject({ ok: true, to: 'inspecting', signOff: true })
    expect(effectsOf(first)).toEqual([
      { kind: 'complete_slips', department: 'engineering', feedback: '已到场验收并签字：合格' },
    ])
    // The last head: all pass → accepted, the refund is scheduled from today.
    const clean = inspect(callers.engHead, { result: 'pass' }, { security: passed })
    expect(clean).toMatchObject({ ok: true, to: 'accepted' })
    expect(effectsOf(clean)).toContainEqual({
      kind: 'schedule_refund',
      reinspectedOn: '2026-11-29',
    })
    expect(patchOf(clean)).toMatchObject({ department: 'customer_service' })
    // Any fail → rectifying, nothing scheduled.
    for (const [caller, input, results] of [
      [callers.engHead, { result: 'fail', rectifications: ['检修口未预留'] }, { security: passed }],
      [callers.engHead, { result: 'pass' }, { security: failed }],
    ] as const) {
      const p = inspect(caller, input, results)
      expect(p).toMatchObject({ ok: true, to: 'rectifying' })
      expect(effectsOf(p).map((e) => e.kind)).not.toContain('schedule_refund')
      expect(effectsOf(p)).toContainEqual(
        expect.objectContaining({ template: 'fit_out.acceptance_failed' }),
      )
    }
    // Customer service's supervisor inspects for the desk when it is called.
    const desk = plan(
      'inspecting',
      'inspect',
      { result: 'pass' },
      {
        caller: callers.csSupervisor,
        data: {
          acceptance: [
            {
              n: 1,
              departments: ['customer_service', 'engineering'],
              inspectOn: '2026-11-29',
              results: {},
            },
          ],
        },
      },
    )
    expect(desk).toMatchObject({ ok: true, to: 'inspecting' })
  })

  it('H-FO-14 priced damage waits in finance’s queue; finance takes it from the deposit, the rest billed', () => {
    const damage = { item: '墙面', location: '走廊', cost: 300_000, resolution: 'deposit' }
    const repaired = { item: '门框', location: '通道', cost: 9_000, resolution: 'customer_repairs' }
    const data = {
      ...fitOutView('inspecting', 'inspect').data,
      acceptance: [{ n: 1, departments: ['engineering'], inspectOn: '2026-11-29', results: {} }],
    }
    const inspected = plan(
      'inspecting',
      'inspect',
      { result: 'pass', damages: [damage, repaired] },
      {
        caller: callers.engHead,
        data,
      },
    )
    expect(patchOf(inspected)).toMatchObject({
      department: 'finance',
      data: {
        damages: [
          { ...damage, n: 1, round: 1, department: 'engineering' },
          { ...repaired, n: 2, round: 1, department: 'engineering' },
        ],
      },
    })
    expect(effectsOf(inspected)).toContainEqual({
      kind: 'notify',
      to: { department: 'finance' },
      template: 'fit_out.deduction_due',
    })
    // The refund waits for the deduction.
    const pending = { ...data, damages: [{ ...damage, n: 1, round: 1, department: 'engineering' }] }
    expect(
      refusalOf(
        plan(
          'accepted',
          'refund_deposit',
          { method: 'cash' },
          { caller: callers.finance, data: pending },
        ),
      ),
    ).toEqual({
      code: 'cases.guard',
      reason: 'fit_out.deductions_pending',
    })
    const deduct = (balance: number) =>
      plan(
        'accepted',
        'deduct_damages',
        {},
        {
          caller: callers.finance,
          data: pending,
          facts: {
            caseMoney: { deposits: [{ ...fitOutDeposit, balance }], held: balance, charges: [] },
          },
        },
      )
    expect(effectsOf(deduct(1_000_000)).filter((e) => e.kind !== 'notify')).toEqual([
      {
        kind: 'deduct_deposit',
        depositId: OTHER,
        amount: 300_000,
        reason: '装修验收损坏：走廊 墙面',
      },
    ])
    // The deposit cannot cover it all: the rest is a compensation charge.
    expect(effectsOf(deduct(100_000)).filter((e) => e.kind !== 'notify')).toEqual([
      {
        kind: 'deduct_deposit',
        depositId: OTHER,
        amount: 100_000,
        reason: '装修验收损坏：走廊 墙面',
      },
      {
        kind: 'post_charge',
        chargeKind: 'compensation',
        amount: 200_000,
        description: '装修验收损坏：走廊 墙面（押金不足部分）',
      },
    ])
    expect(patchOf(deduct(1_000_000))).toMatchObject({
      department: 'customer_service',
      data: { damages: [{ n: 1, deducted: true }] },
    })
    expect(
      refusalOf(plan('accepted', 'deduct_damages', {}, { caller: callers.finance, data })),
    ).toEqual({
      code: 'cases.not_allowed',
      reason: 'fit_out.nothing_to_deduct',
    })
  })

  it('H-FO-15 the refund is refused before its day; on the day the scheduled step puts the case in finance’s queue', () => {
    const notDue = {
      caller: callers.finance,
      data: { ...fitOutView('accepted', 'x').data, refundDue: false },
    }
    // Not offered at all before the day (no button), and refused if sent.
    expect(refusalOf(plan('accepted', 'refund_deposit', { method: 'cash' }, notDue))).toEqual({
      code: 'cases.not_allowed',
      reason: 'fit_out.refund_not_due',
    })
    const step = fitOut.onDue?.refund
    expect(step).toBeDefined()
    expect(step!(view('accepted'))).toEqual({
      action: 'refund_due',
      patch: { department: 'finance', data: { refundDue: true } },
      effects: [{ kind: 'notify', to: { department: 'finance' }, template: 'fit_out.refund_due' }],
    })
    // Only the refund is a scheduled step: the rectification deadline escalates as deadlines do.
    expect(Object.keys(fitOut.onDue ?? {})).toEqual(['refund'])
    const refunded = plan(
      'accepted',
      'refund_deposit',
      { method: 'bank_transfer' },
      { caller: callers.finance },
    )
    expect(refunded).toMatchObject({ ok: true, to: 'refunded', signOff: true })
    expect(effectsOf(refunded)).toContainEqual({ kind: 'refund_deposits', method: 'bank_transfer' })
  })

  it('H-FO-15 the passes are collected once, before the fit-out closes', () => {
    expect(refusalOf(plan('refunded', 'close', {}, { data: { passesCollected: false } }))).toEqual({
      code: 'cases.guard',
      reason: 'fit_out.passes_out',
    })
    expect(
      refusalOf(plan('refunded', 'collect_passes', {}, { data: { passesCollected: true } })),
    ).toEqual({
      code: 'cases.not_allowed',
      reason: 'fit_out.passes_collected',
    })
    const collected = plan('refunded', 'collect_passes', {}, { data: {} })
    expect(effectsOf(collected)).toEqual([{ kind: 'collect_passes' }])
    expect(patchOf(collected)).toEqual({
      data: { passesCollected: true, passesCollectedOn: '2026-11-29' },
    })
  })

  it('H-FO-1 the application: an office, its unit and customer, dates in order and not in the past', () => {
    const { create } = fitOut
    expect(create.unitKinds).toEqual(['office'])
    expect(create.requires).toEqual(['unitId', 'customerId'])
    const data = { startDate: '2026-12-01', endDate: '2026-12-31' }
    expect(create.check?.(data, '2026-11-29')).toBeNull()
    expect(create.check?.(data, '2026-12-01')).toBeNull()
    expect(create.check?.(data, '2026-12-02')).toBe('fit_out.start_past')
    expect(create.check?.({ ...data, endDate: '2026-11-30' }, '2026-11-29')).toBe(
      'fit_out.dates_order',
    )
    // Cancelled only before money is taken.
    expect(fitOut.actions['cancel']?.from).toEqual(['applied', 'agreement_signed'])
  })
})
