import { describe, expect, it } from 'vitest'
import { permissions } from '../../platform/permissions'
import { availableActions, planAction } from './plan-action'
import type { CaseView, Effect } from './workflow'
import { workflows, type CaseType } from './workflows'

// Every (state, action) pair of every workflow: allowed from the states the table names, refused
// (wrong state) from every other. The caller holds every permission and works in the case's
// department, so only the state decides; refusals by permission, role and guard follow below.

const all = new Set<string>(permissions)
const TECH = '00000000-0000-4000-8000-000000000001'
const OTHER = '00000000-0000-4000-8000-000000000002'
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
}

/** A case in `state` on which `action` passes every check but the state. */
function viewFor(type: CaseType, state: string, action: string): CaseView {
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
