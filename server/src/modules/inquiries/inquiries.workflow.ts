// 咨询 (H-FD-11): a question answered at once, or later with a promised reply time — the promise is
// a deadline with a reminder, and a broken promise shows as overdue.
import { Type } from 'typebox'
import { action, defineWorkflow } from '../cases/workflow'
import { cancel, Department, escalate, Note, Reason } from '../cases/common-actions'

const states = ['open', 'promised', 'answered', 'cancelled'] as const
type State = (typeof states)[number]

const Answer = Type.String({ minLength: 1, maxLength: 4000 })

export const InquiryData = Type.Object(
  {
    /** Answered at once, at the desk or on the phone: the inquiry is recorded already answered. */
    answer: Type.Optional(Answer),
  },
  { additionalProperties: false },
)

export const inquiryWorkflow = defineWorkflow({
  type: 'inquiry',
  states,
  initial: 'open',
  final: ['answered', 'cancelled'],
  create: {
    data: InquiryData,
    startIn: (data) => (typeof data['answer'] === 'string' ? 'answered' : 'open'),
    effects: (view) => (view.state === 'open' ? [{ kind: 'start_deadline', name: 'respond' }] : []),
  },
  actions: {
    // H-FD-11: "I will find out and call you back by …" — a promise the system keeps count of.
    promise_reply: action({
      from: ['open'],
      to: 'promised',
      permission: 'case.work',
      input: Type.Object({
        promisedAt: Type.String({ format: 'date-time' }),
        note: Type.Optional(Note),
      }),
      update: (_, i) => ({ data: { promisedAt: i.promisedAt } }),
      visibleToCustomer: true,
      effects: (_, i) => [
        { kind: 'stop_deadline', name: 'respond' },
        { kind: 'start_deadline', name: 'reply', dueAt: i.promisedAt },
      ],
    }),
    // H-FD-11: a promise moved is a promise broken unless explained — to the customer too.
    change_promise: action({
      from: ['promised'],
      to: 'promised',
      permission: 'case.work',
      input: Type.Object({ promisedAt: Type.String({ format: 'date-time' }), reason: Reason }),
      reasonRequired: true,
      visibleToCustomer: true,
      update: (v, i) => ({
        data: { promisedAt: i.promisedAt, previousPromise: v.data['promisedAt'] ?? null },
      }),
      effects: (_, i) => [{ kind: 'start_deadline', name: 'reply', dueAt: i.promisedAt }],
    }),
    answer: action({
      from: ['open', 'promised'],
      to: 'answered',
      permission: 'case.work',
      input: Type.Object({ answer: Answer }),
      update: (_, i) => ({ data: { answer: i.answer } }),
      visibleToCustomer: true,
      effects: () => [
        { kind: 'stop_deadline', name: 'respond' },
        { kind: 'stop_deadline', name: 'reply' },
      ],
    }),
    // The desk does not know: a department is asked by a liaison slip.
    ask_department: action({
      from: ['open', 'promised'],
      to: (v) => v.state as State,
      permission: 'case.work',
      input: Type.Object({
        department: Department,
        content: Type.String({ minLength: 2, maxLength: 2000 }),
        dueAt: Type.Optional(Type.String({ format: 'date-time' })),
      }),
      effects: (_, i) => [
        {
          kind: 'raise_case',
          type: 'liaison',
          title: i.content.slice(0, 60),
          description: i.content,
          department: i.department,
          ...(i.dueAt ? { dueAt: i.dueAt } : {}),
        },
      ],
    }),
    escalate: escalate<State>(['open', 'promised']),
    cancel: cancel<State>(['open', 'promised'], 'cancelled'),
  },
})
