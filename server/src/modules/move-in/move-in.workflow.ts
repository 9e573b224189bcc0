// 客户入驻 (§2.3): documents received → agreement and house rules signed → first fees and deposits
// paid (finance confirms through the ledger) → unit handed over (meters, condition, keys and cards
// counted) → completed: the occupancy opens and the unit is occupied. Along the way: liaison slips
// to the departments before the move-in date (H-MI-2, H-MI-3), moving help (H-MI-1), the welcome
// (H-MI-4) and any further services asked for (H-MI-5).
import { Type } from 'typebox'
import { action, defineWorkflow, type Effect } from '../cases/workflow'
import {
  arrangeMovingHelp,
  cancel,
  escalate,
  Note,
  onlyDepartment,
  Reason,
  Signature,
} from '../cases/common-actions'

const states = [
  'registered',
  'documents_received',
  'agreement_signed',
  'fees_paid',
  'handed_over',
  'completed',
  'cancelled',
] as const
type State = (typeof states)[number]
const open: State[] = [
  'registered',
  'documents_received',
  'agreement_signed',
  'fees_paid',
  'handed_over',
]
const DateString = Type.String({ format: 'date' })
const Count = Type.Integer({ minimum: 0, maximum: 999 })

export const MoveInData = Type.Object(
  { moveInDate: DateString, role: Type.Enum(['owner', 'tenant']) },
  { additionalProperties: false },
)

/** H-MI-2, H-MI-3: each department prepares before the day (facilities, patrols, cleaning). */
const departmentsToNotify = [
  ['engineering', '检查并准备单元设施、水电表，搬家期间保护公共设施'],
  ['security', '搬家当日加强巡查，安排货梯与车辆进出'],
  ['cleaning', '搬家前后清洁公共区域'],
] as const

const moveInDate = (data: Record<string, unknown>) => String(data['moveInDate'])

/** H-MI-2, H-MI-3: one slip per department, due as the move-in day begins; late ones are urgent. */
const liaisonSlips = (data: Record<string, unknown>, late = false): Effect[] =>
  departmentsToNotify.map(([department, task]) => ({
    kind: 'raise_case',
    type: 'liaison',
    title: `${moveInDate(data)} 客户入驻：${task}`.slice(0, 200),
    description: task,
    department,
    ...(late ? { priority: 'urgent' as const } : { dueAt: `${moveInDate(data)}T00:00:00+08:00` }),
  }))

export const moveInWorkflow = defineWorkflow({
  type: 'move_in',
  states,
  initial: 'registered',
  final: ['completed', 'cancelled'],
  create: {
    data: MoveInData,
    requires: ['unitId', 'customerId'],
    defaults: () => ({ department: 'customer_service' }),
    effects: () => [{ kind: 'start_deadline', name: 'resolve' }],
  },
  actions: {
    receive_documents: action({
      from: ['registered'],
      to: 'documents_received',
      permission: 'case.work',
      input: Type.Object({
        licence: Type.Boolean(),
        ids: Type.Boolean(),
        contacts: Type.Boolean(),
        note: Type.Optional(Note),
      }),
      guard: (_, i) => (i.licence && i.ids && i.contacts ? null : 'move_in.documents_missing'),
      update: (_, i) => ({
        data: { documents: { licence: i.licence, ids: i.ids, contacts: i.contacts } },
      }),
      visibleToCustomer: true,
    }),
    // The customer signs the management agreement and the house rules.
    sign_agreement: action({
      from: ['documents_received'],
      to: 'agreement_signed',
      permission: 'case.sign',
      input: Type.Object(Signature),
      signOff: true,
      visibleToCustomer: true,
      // The fees are finance's step: the case waits in finance's queue (the only cases finance
      // staff see) until the desk hands the unit over. Handing it back on finance's own step would
      // hide the case from finance in the very answer to that step.
      update: () => ({ department: 'finance' }),
      effects: () => [
        { kind: 'notify', to: { department: 'finance' }, template: 'case.created_in_queue' },
      ],
    }),
    // Finance confirms from the ledger: nothing of the first fees is still open.
    confirm_fees: action({
      from: ['agreement_signed'],
      to: 'fees_paid',
      permission: 'case.work',
      input: Type.Object({ note: Type.Optional(Note) }),
      allowed: onlyDepartment('finance', 'move_in.finance_only'),
      guard: (v) =>
        !v.facts?.settlement
          ? 'move_in.fees_unknown'
          : v.facts.settlement.open > 0
            ? 'move_in.fees_open'
            : null,
      signOff: true,
      visibleToCustomer: true,
    }),
    // The unit is handed over: meters read, condition noted, keys and cards counted out and signed for.
    hand_over: action({
      from: ['fees_paid'],
      to: 'handed_over',
      permission: 'case.sign',
      input: Type.Object({
        electricityReading: Type.Number({ minimum: 0, maximum: 1e9 }),
        waterReading: Type.Number({ minimum: 0, maximum: 1e9 }),
        condition: Type.String({ minLength: 2, maxLength: 2000 }),
        keys: Count,
        cards: Count,
        ...Signature,
      }),
      signOff: true,
      visibleToCustomer: true,
      update: (_, i) => ({
        department: 'customer_service',
        data: {
          handover: {
            electricityReading: i.electricityReading,
            waterReading: i.waterReading,
            condition: i.condition,
            keys: i.keys,
            cards: i.cards,
          },
        },
      }),
    }),
    // H-MI-2: liaison slips to every department, due before the move-in date.
    notify_departments: action({
      from: open,
      to: (v) => v.state as State,
      permission: 'case.work',
      input: Type.Object({ note: Type.Optional(Note) }),
      allowed: (v) => (v.data['departmentsNotified'] ? 'move_in.departments_notified' : null),
      guard: (v) => (v.today && v.today >= moveInDate(v.data) ? 'move_in.notice_late' : null),
      update: () => ({ data: { departmentsNotified: true } }),
      effects: (v) => liaisonSlips(v.data),
    }),
    // H-IS-26: the day has come and the departments were not told in advance: they are told now,
    // urgently, as an exception with a written reason (otherwise the move-in could never complete).
    notify_departments_late: action({
      from: open,
      to: (v) => v.state as State,
      permission: 'case.exception',
      input: Type.Object({ reason: Reason }),
      reasonRequired: true,
      allowed: (v) => (v.data['departmentsNotified'] ? 'move_in.departments_notified' : null),
      update: () => ({ data: { departmentsNotified: true } }),
      effects: (v) => liaisonSlips(v.data, true),
    }),
    // H-MI-1: moving company, trolleys, the goods lift.
    arrange_moving_help: arrangeMovingHelp<State>(open),
    // H-MI-4: the welcome (flowers).
    welcome: action({
      from: ['handed_over'],
      to: 'handed_over',
      permission: 'case.work',
      input: Type.Object({ note: Type.Optional(Note) }),
      allowed: (v) => (v.data['welcomed'] ? 'move_in.already_welcomed' : null),
      update: (_, i) => ({ data: { welcomed: i.note ?? true } }),
      visibleToCustomer: true,
    }),
    // H-MI-5: further services the customer asks for, kept on the case.
    add_service: action({
      from: open,
      to: (v) => v.state as State,
      permission: 'case.work',
      input: Type.Object({ service: Type.String({ minLength: 2, maxLength: 500 }) }),
      update: (v, i) => ({
        data: { services: [...((v.data['services'] as string[] | undefined) ?? []), i.service] },
      }),
      visibleToCustomer: true,
    }),
    complete: action({
      from: ['handed_over'],
      to: 'completed',
      permission: 'case.work',
      input: Type.Object({ note: Type.Optional(Note) }),
      // The unit is occupied from the move-in date: completed earlier, it would show vacant.
      guard: (v) =>
        !v.data['departmentsNotified']
          ? 'move_in.departments_not_notified'
          : v.today && v.today < moveInDate(v.data)
            ? 'move_in.before_move_in_date'
            : null,
      visibleToCustomer: true,
      effects: (v) => [
        { kind: 'stop_deadline', name: 'resolve' },
        {
          kind: 'start_occupancy',
          role: v.data['role'] === 'owner' ? 'owner' : 'tenant',
          fromDate: moveInDate(v.data),
        },
      ],
    }),
    escalate: escalate<State>(open),
    cancel: cancel<State>(['registered', 'documents_received', 'agreement_signed'], 'cancelled'),
  },
  facts: ['settlement'],
})
