// 报修: logged → dispatched to a technician → on site → (paid: quoted → the customer agrees or
// declines, signing) → completed → customer sign-off → follow-up by sampling → closed.
// Emergencies (water, power, burning) go to engineering at once. H-IS-25.
import { Type } from 'typebox'
import { action, defineWorkflow, type Effect } from '../cases/workflow'
import {
  assigneeOrDepartment,
  cancel,
  escalate,
  FollowUpInput,
  Note,
  Reason,
  resume,
  Signature,
  waitForCustomer,
} from '../cases/common-actions'

const states = [
  'logged',
  'dispatched',
  'on_site',
  'quoted',
  'completed',
  'awaiting_follow_up',
  'closed',
  'cancelled',
] as const
type State = (typeof states)[number]

export const RepairData = Type.Object(
  {
    /** What is broken, in the customer's words: the title says it in short. */
    fault: Type.Optional(
      Type.Enum(['water', 'power', 'gas_smell', 'aircon', 'door_lock', 'lift', 'other']),
    ),
    preferredTime: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
)

type Quote = { amount: number; description: string; agreed?: boolean }
const quoteOf = (data: Record<string, unknown>) => data['quote'] as Quote | undefined

export const repairWorkflow = defineWorkflow({
  type: 'repair',
  states,
  initial: 'logged',
  final: ['closed', 'cancelled'],
  create: {
    data: RepairData,
    // Emergency repairs are engineering's at once, before anyone dispatches.
    defaults: () => ({ department: 'engineering' }),
    effects: (view) => [
      { kind: 'start_deadline', name: 'respond' },
      {
        kind: 'notify',
        to: {
          department: 'engineering',
          ...(view.priority === 'emergency' ? {} : { role: 'department_head' }),
        },
        template: view.priority === 'emergency' ? 'case.urgent' : 'case.created_in_queue',
        urgent: view.priority === 'emergency',
      },
    ],
  },
  actions: {
    dispatch: action({
      from: ['logged', 'dispatched'],
      to: 'dispatched',
      permission: 'case.assign',
      input: Type.Object({
        assigneeId: Type.String({ format: 'uuid' }),
        appointmentAt: Type.Optional(Type.String({ format: 'date-time' })),
        note: Type.Optional(Note),
      }),
      guard: (v, i) => (i.assigneeId === v.assigneeId ? 'repairs.same_technician' : null),
      update: (_, i) => ({
        department: 'engineering',
        assigneeId: i.assigneeId,
        data: { appointmentAt: i.appointmentAt ?? null },
      }),
      visibleToCustomer: true,
      effects: (v) =>
        v.state === 'logged'
          ? [
              { kind: 'stop_deadline', name: 'respond' },
              { kind: 'start_deadline', name: 'resolve' },
              { kind: 'notify', to: { assignee: true }, template: 'case.assigned' },
            ]
          : [{ kind: 'notify', to: { assignee: true }, template: 'case.assigned' }],
    }),
    arrive: action({
      from: ['dispatched'],
      to: 'on_site',
      permission: 'case.work',
      input: Type.Object({ note: Type.Optional(Note) }),
      allowed: assigneeOrDepartment,
      visibleToCustomer: true,
    }),
    // Paid work is quoted first; the clock waits for the customer's answer.
    quote: action({
      from: ['on_site'],
      to: 'quoted',
      permission: 'case.work',
      input: Type.Object({
        amount: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
        description: Type.String({ minLength: 2, maxLength: 1000 }),
      }),
      allowed: assigneeOrDepartment,
      guard: (v) => (quoteOf(v.data)?.agreed ? 'repairs.quote_agreed' : null),
      update: (_, i) => ({ data: { quote: { amount: i.amount, description: i.description } } }),
      visibleToCustomer: true,
      effects: () => [
        { kind: 'pause_deadlines' },
        { kind: 'notify', to: { customer: true }, template: 'repair.quote' },
      ],
    }),
    agree_quote: action({
      from: ['quoted'],
      to: 'on_site',
      permission: 'case.sign',
      input: Type.Object(Signature),
      signOff: true,
      visibleToCustomer: true,
      update: (v) => ({ data: { quote: { ...quoteOf(v.data), agreed: true } } }),
      effects: (v): Effect[] => {
        const quote = quoteOf(v.data)
        return [
          { kind: 'resume_deadlines' },
          ...(quote
            ? [
                {
                  kind: 'post_charge' as const,
                  chargeKind: 'paid_repair' as const,
                  amount: quote.amount,
                  description: quote.description,
                },
              ]
            : []),
          { kind: 'notify', to: { assignee: true }, template: 'repair.quote_agreed' },
        ]
      },
    }),
    decline_quote: action({
      from: ['quoted'],
      to: 'on_site',
      permission: 'case.sign',
      input: Type.Object({ ...Signature, reason: Type.Optional(Note) }),
      signOff: true,
      visibleToCustomer: true,
      update: (v) => ({ data: { quote: { ...quoteOf(v.data), agreed: false } } }),
      effects: () => [
        { kind: 'resume_deadlines' },
        { kind: 'notify', to: { assignee: true }, template: 'repair.quote_declined' },
      ],
    }),
    complete: action({
      from: ['on_site'],
      to: 'completed',
      permission: 'case.work',
      input: Type.Object({
        workDone: Type.String({ minLength: 2, maxLength: 4000 }),
        materials: Type.Optional(
          Type.Array(
            Type.Object({
              name: Type.String({ minLength: 1, maxLength: 100 }),
              quantity: Type.Number({ exclusiveMinimum: 0, maximum: 100_000 }),
              unit: Type.Optional(Type.String({ maxLength: 20 })),
            }),
            { maxItems: 50 },
          ),
        ),
        paid: Type.Boolean(),
      }),
      allowed: assigneeOrDepartment,
      // Paid work needs a quote the customer agreed to (and it is already billed).
      // An agreed quote is billed already: the work it paid for cannot then be completed as free.
      guard: (v, i) =>
        i.paid && !quoteOf(v.data)?.agreed
          ? 'repairs.quote_not_agreed'
          : !i.paid && quoteOf(v.data)?.agreed
            ? 'repairs.quote_billed'
            : null,
      update: (_, i) => ({
        data: { workDone: i.workDone, materials: i.materials ?? [], paid: i.paid },
      }),
      visibleToCustomer: true,
      effects: () => [
        { kind: 'stop_deadline', name: 'resolve' },
        { kind: 'notify', to: { creator: true }, template: 'repair.completed' },
      ],
    }),
    // The customer signs the work off; every unsatisfied one and a sample of the rest get a follow-up.
    customer_sign_off: action({
      from: ['completed'],
      to: (v, i) =>
        !i.satisfied || (v.sample ?? 0) < (v.followUpPercent ?? 100)
          ? 'awaiting_follow_up'
          : 'closed',
      permission: 'case.sign',
      input: Type.Object({
        satisfied: Type.Boolean(),
        comment: Type.Optional(Note),
        ...Signature,
      }),
      signOff: true,
      visibleToCustomer: true,
      update: (_, i) => ({
        data: { customerSatisfied: i.satisfied, customerComment: i.comment ?? '' },
      }),
      effects: (v, i) =>
        !i.satisfied || (v.sample ?? 0) < (v.followUpPercent ?? 100)
          ? [{ kind: 'start_deadline', name: 'follow_up' }]
          : [],
    }),
    // H-IS-26: the customer cannot sign (away, refuses): a written reason, then the follow-up.
    waive_sign_off: action({
      from: ['completed'],
      to: 'awaiting_follow_up',
      permission: 'case.exception',
      input: Type.Object({ reason: Reason }),
      reasonRequired: true,
      effects: () => [{ kind: 'start_deadline', name: 'follow_up' }],
    }),
    follow_up: action({
      from: ['awaiting_follow_up'],
      to: (_, i) => (i.rating === 'unsatisfied' ? 'dispatched' : 'closed'),
      permission: 'case.follow_up',
      input: FollowUpInput,
      visibleToCustomer: true,
      update: (_, i) => ({
        data: { followUp: { method: i.method, rating: i.rating, comment: i.comment ?? '' } },
      }),
      effects: (_, i) => [
        { kind: 'stop_deadline', name: 'follow_up' },
        ...(i.rating === 'unsatisfied'
          ? [
              { kind: 'start_deadline' as const, name: 'resolve' as const },
              {
                kind: 'notify' as const,
                to: { assignee: true as const },
                template: 'case.reopened',
              },
              {
                kind: 'notify' as const,
                to: { department: 'engineering', role: 'department_head' },
                template: 'case.reopened',
              },
            ]
          : []),
      ],
    }),
    escalate: escalate<State>(['logged', 'dispatched', 'on_site', 'quoted', 'completed']),
    wait_for_customer: waitForCustomer<State>(['dispatched', 'on_site']),
    resume: resume<State>(['dispatched', 'on_site']),
    cancel: cancel<State>(['logged', 'dispatched'], 'cancelled'),
  },
})
