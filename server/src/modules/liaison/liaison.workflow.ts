// 工作联系单 (§2.6): one department's written order to another — content, deadline, issuer,
// receiver; received (signed) → done with feedback. An overdue slip escalates by itself.
import { Type } from 'typebox'
import { action, defineWorkflow } from '../cases/workflow'
import { cancel, escalate, inCaseDepartment, Note } from '../cases/common-actions'

const states = ['issued', 'received', 'done', 'cancelled'] as const
type State = (typeof states)[number]

export const LiaisonData = Type.Object(
  {
    /** The department that issues the slip (the receiver is the case's department). */
    issuerDepartment: Type.Optional(
      Type.Enum(['customer_service', 'engineering', 'security', 'finance', 'cleaning']),
    ),
  },
  { additionalProperties: false },
)

export const liaisonWorkflow = defineWorkflow({
  type: 'liaison',
  states,
  initial: 'issued',
  final: ['done', 'cancelled'],
  create: {
    data: LiaisonData,
    effects: (view) => [
      { kind: 'start_deadline', name: 'respond' },
      { kind: 'start_deadline', name: 'resolve' },
      ...(view.department
        ? [
            {
              kind: 'notify' as const,
              to: { role: 'department_head', department: view.department },
              template: 'liaison.issued',
            },
          ]
        : []),
    ],
  },
  actions: {
    // The receiving department signs for the slip.
    receive: action({
      from: ['issued'],
      to: 'received',
      permission: 'case.work',
      input: Type.Object({ note: Type.Optional(Note) }),
      allowed: inCaseDepartment,
      signOff: true,
      update: (v) => ({ assigneeId: v.caller?.userId ?? null }),
      effects: () => [{ kind: 'stop_deadline', name: 'respond' }],
    }),
    complete: action({
      from: ['received'],
      to: 'done',
      permission: 'case.work',
      input: Type.Object({ feedback: Type.String({ minLength: 2, maxLength: 4000 }) }),
      allowed: inCaseDepartment,
      update: (_, i) => ({ data: { feedback: i.feedback } }),
      effects: () => [
        { kind: 'stop_deadline', name: 'resolve' },
        { kind: 'notify', to: { creator: true }, template: 'liaison.done' },
      ],
    }),
    escalate: escalate<State>(['issued', 'received']),
    cancel: cancel<State>(['issued'], 'cancelled'),
  },
})
