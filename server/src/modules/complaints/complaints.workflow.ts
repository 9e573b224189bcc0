// 客户投诉: registered → assigned to a department with a deadline → accepted → result reported
// (the department head signs) → follow-up (回访) → closed. An unsatisfied follow-up reopens it.
// H-CP-1, P-CP-2, H-FD-8, H-IS-29.
import { Type } from 'typebox'
import { action, defineWorkflow } from '../cases/workflow'
import {
  cancel,
  Department,
  escalate,
  FollowUpInput,
  inCaseDepartment,
  Note,
  Reason,
  resume,
  waitForCustomer,
} from '../cases/common-actions'

const states = ['registered', 'assigned', 'in_progress', 'resolved', 'closed', 'cancelled'] as const
type State = (typeof states)[number]
const open: State[] = ['registered', 'assigned', 'in_progress', 'resolved']

export const ComplaintData = Type.Object(
  {
    /** Suggestions and praise are not complaints: the desk reclassifies them. */
    category: Type.Optional(Type.Enum(['complaint', 'suggestion', 'praise'])),
    /** Whom or what the complaint is about (a department, a service). */
    subject: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
)

export const complaintWorkflow = defineWorkflow({
  type: 'complaint',
  states,
  initial: 'registered',
  final: ['closed', 'cancelled'],
  create: {
    data: ComplaintData,
    defaults: (data) => ({ data: { category: data['category'] ?? 'complaint' } }),
    // An urgent complaint reaches the duty manager at once.
    effects: (view) => [
      { kind: 'start_deadline', name: 'respond' },
      ...(view.priority !== 'normal'
        ? [
            {
              kind: 'notify' as const,
              to: { role: 'manager' },
              template: 'case.urgent',
              urgent: true,
            },
            {
              kind: 'notify' as const,
              to: { role: 'supervisor' },
              template: 'case.urgent',
              urgent: true,
            },
          ]
        : []),
    ],
  },
  actions: {
    assign: action({
      from: ['registered'],
      to: 'assigned',
      permission: 'case.assign',
      input: Type.Object({
        department: Department,
        dueAt: Type.Optional(Type.String({ format: 'date-time' })),
        note: Type.Optional(Note),
      }),
      allowed: (v) => (v.data['category'] === 'complaint' ? null : 'complaints.not_a_complaint'),
      update: (_, i) => ({ department: i.department, assigneeId: null }),
      visibleToCustomer: true,
      effects: (_, i) => [
        { kind: 'stop_deadline', name: 'respond' },
        { kind: 'start_deadline', name: 'resolve', ...(i.dueAt ? { dueAt: i.dueAt } : {}) },
        {
          kind: 'notify',
          to: { department: i.department, role: 'department_head' },
          template: 'case.created_in_queue',
        },
      ],
    }),
    reassign: action({
      from: ['assigned', 'in_progress'],
      to: 'assigned',
      permission: 'case.assign',
      input: Type.Object({ department: Department, reason: Reason }),
      guard: (v, i) => (i.department === v.department ? 'complaints.same_department' : null),
      update: (_, i) => ({ department: i.department, assigneeId: null }),
      effects: (_, i) => [
        {
          kind: 'notify',
          to: { department: i.department, role: 'department_head' },
          template: 'case.created_in_queue',
        },
      ],
    }),
    accept: action({
      from: ['assigned'],
      to: 'in_progress',
      permission: 'case.work',
      input: Type.Object({ note: Type.Optional(Note) }),
      allowed: inCaseDepartment,
      update: (v) => ({ assigneeId: v.caller?.userId ?? null }),
      visibleToCustomer: true,
    }),
    // P-CP-2: the department reports its result and its head signs it.
    report_result: action({
      from: ['in_progress'],
      to: 'resolved',
      permission: 'case.review',
      input: Type.Object({ result: Type.String({ minLength: 2, maxLength: 4000 }) }),
      allowed: inCaseDepartment,
      signOff: true,
      visibleToCustomer: true,
      update: (_, i) => ({ data: { result: i.result } }),
      effects: () => [
        { kind: 'stop_deadline', name: 'resolve' },
        { kind: 'start_deadline', name: 'follow_up' },
        { kind: 'notify', to: { creator: true }, template: 'case.result_reported' },
      ],
    }),
    // H-IS-29: every complaint is followed up; an unsatisfied customer reopens it.
    follow_up: action({
      from: ['resolved'],
      to: (_, i) => (i.rating === 'unsatisfied' ? 'assigned' : 'closed'),
      permission: 'case.follow_up',
      input: FollowUpInput,
      visibleToCustomer: true,
      update: (_, i) => ({
        assigneeId: null,
        data: { followUp: { method: i.method, rating: i.rating, comment: i.comment ?? '' } },
      }),
      effects: (v, i) => [
        { kind: 'stop_deadline', name: 'follow_up' },
        ...(i.rating === 'unsatisfied'
          ? [
              { kind: 'start_deadline' as const, name: 'resolve' as const },
              {
                kind: 'notify' as const,
                to: {
                  role: 'department_head',
                  ...(v.department ? { department: v.department } : {}),
                },
                template: 'case.reopened',
              },
              { kind: 'notify' as const, to: { role: 'supervisor' }, template: 'case.reopened' },
            ]
          : []),
      ],
    }),
    // H-IS-26: closing without a follow-up is an exception with a written reason.
    close_without_follow_up: action({
      from: ['resolved'],
      to: 'closed',
      permission: 'case.exception',
      input: Type.Object({ reason: Reason }),
      reasonRequired: true,
    }),
    reclassify: action({
      from: ['registered'],
      to: 'registered',
      permission: 'case.assign',
      input: Type.Object({ category: Type.Enum(['complaint', 'suggestion', 'praise']) }),
      guard: (v, i) => (v.data['category'] === i.category ? 'complaints.same_category' : null),
      update: (_, i) => ({ data: { category: i.category } }),
    }),
    // Suggestions and praise are recorded and passed on, then closed by the desk.
    acknowledge: action({
      from: ['registered'],
      to: 'closed',
      permission: 'case.close',
      input: Type.Object({ note: Type.Optional(Note) }),
      allowed: (v) => (v.data['category'] === 'complaint' ? 'complaints.is_a_complaint' : null),
      visibleToCustomer: true,
      effects: () => [{ kind: 'stop_deadline', name: 'respond' }],
    }),
    escalate: escalate(open),
    wait_for_customer: waitForCustomer<State>(['assigned', 'in_progress']),
    resume: resume<State>(['assigned', 'in_progress']),
    cancel: cancel<State>(['registered', 'assigned'], 'cancelled'),
  },
})
