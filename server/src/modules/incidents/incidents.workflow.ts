// 突发情况 (H-FD-10): whatever happens in the lobby that the desk cannot handle on the spot is
// reported at once — an urgent case that reaches the supervisor immediately and is tracked to
// closure; it can raise repairs and liaison slips.
import { Type } from 'typebox'
import { action, defineWorkflow } from '../cases/workflow'
import { Department, escalate, Note } from '../cases/common-actions'

const states = ['reported', 'handling', 'resolved', 'closed'] as const
type State = (typeof states)[number]
const open: State[] = ['reported', 'handling', 'resolved']

export const IncidentData = Type.Object(
  {
    kind: Type.Optional(
      Type.Enum(['injury', 'leak', 'dispute', 'security', 'fire_alarm', 'power_cut', 'other']),
    ),
    location: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
)

export const incidentWorkflow = defineWorkflow({
  type: 'incident',
  states,
  initial: 'reported',
  final: ['closed'],
  create: {
    data: IncidentData,
    defaults: () => ({ priority: 'urgent', department: 'customer_service' }),
    effects: () => [
      { kind: 'start_deadline', name: 'respond' },
      { kind: 'notify', to: { role: 'supervisor' }, template: 'incident.reported', urgent: true },
    ],
  },
  actions: {
    take_charge: action({
      from: ['reported'],
      to: 'handling',
      permission: 'case.assign',
      input: Type.Object({ note: Type.Optional(Note) }),
      update: (v) => ({ assigneeId: v.caller?.userId ?? null }),
      effects: () => [
        { kind: 'stop_deadline', name: 'respond' },
        { kind: 'start_deadline', name: 'resolve' },
      ],
    }),
    raise_repair: action({
      from: ['reported', 'handling'],
      to: (v) => v.state as State,
      permission: 'case.create',
      input: Type.Object({
        title: Type.String({ minLength: 2, maxLength: 200 }),
        description: Type.Optional(Type.String({ maxLength: 4000 })),
        priority: Type.Enum(['normal', 'urgent', 'emergency']),
      }),
      effects: (_, i) => [
        {
          kind: 'raise_case',
          type: 'repair',
          title: i.title,
          description: i.description ?? '',
          priority: i.priority,
        },
      ],
    }),
    raise_liaison: action({
      from: ['reported', 'handling'],
      to: (v) => v.state as State,
      permission: 'case.create',
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
    resolve: action({
      from: ['handling'],
      to: 'resolved',
      permission: 'case.assign',
      input: Type.Object({ outcome: Type.String({ minLength: 2, maxLength: 4000 }) }),
      update: (_, i) => ({ data: { outcome: i.outcome } }),
      effects: () => [{ kind: 'stop_deadline', name: 'resolve' }],
    }),
    // The supervisor reviews the record before it is filed.
    close: action({
      from: ['resolved'],
      to: 'closed',
      permission: 'case.review',
      input: Type.Object({ note: Type.Optional(Note) }),
      signOff: true,
    }),
    escalate: escalate<State>(open),
  },
})
