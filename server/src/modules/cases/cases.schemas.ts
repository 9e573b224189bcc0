import { Type, type Static } from 'typebox'
import { caseChannels, casePriorities, caseTypes, deadlineNames } from '../../db/schema'

const Id = Type.String({ format: 'uuid' })
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()])
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max })

export const CaseType = Type.Enum([...caseTypes])
export const CasePriority = Type.Enum([...casePriorities])
export const CaseChannel = Type.Enum([...caseChannels])
export const DepartmentCode = Type.Enum([
  'customer_service',
  'engineering',
  'security',
  'finance',
  'cleaning',
])

export const CreateCaseBody = Type.Object(
  {
    type: CaseType,
    propertyId: Id,
    unitId: Type.Optional(Id),
    customerId: Type.Optional(Id),
    contactName: Type.Optional(Text(100, 1)),
    contactPhone: Type.Optional(Type.String({ pattern: '^[0-9+ ()-]{3,30}$' })),
    channel: Type.Optional(CaseChannel),
    priority: Type.Optional(CasePriority),
    title: Text(200, 2),
    description: Type.Optional(Text(4000)),
    /** The department whose queue receives it (a liaison slip's receiver). */
    department: Type.Optional(DepartmentCode),
    /** A liaison slip's deadline; other types take theirs from the policy. */
    dueAt: Type.Optional(Type.String({ format: 'date-time' })),
    /** The type's own fields (a complaint's category, a repair's fault, an inquiry's answer). */
    data: Type.Optional(Type.Object({}, { additionalProperties: true })),
  },
  { additionalProperties: false },
)
export type CreateCaseBody = Static<typeof CreateCaseBody>

export const ActionBody = Type.Object(
  // Required; checked by the engine after the permission, so that a caller who may not act
  // learns nothing (403) whatever the body.
  { version: Type.Optional(Type.Integer({ minimum: 1 })) },
  {
    additionalProperties: true,
    description: "The action's input (see availableActions[].input) and the case's version.",
  },
)
export const ActionParams = Type.Object({
  id: Id,
  action: Type.String({ pattern: '^[a-z_]{2,40}$' }),
})

export const CaseListQuery = Type.Object(
  {
    type: Type.Optional(CaseType),
    state: Type.Optional(Type.String({ pattern: '^[a-z_]{2,40}$' })),
    priority: Type.Optional(CasePriority),
    propertyId: Type.Optional(Id),
    department: Type.Optional(DepartmentCode),
    /** A user id, or `me`. */
    assignee: Type.Optional(Type.Union([Id, Type.Literal('me')])),
    overdue: Type.Optional(Type.Boolean()),
    /** `open`: not closed or cancelled; `follow_up`: waiting for a follow-up visit. */
    status: Type.Optional(Type.Enum(['open', 'follow_up', 'all'])),
    customerId: Type.Optional(Id),
    unitId: Type.Optional(Id),
    parentId: Type.Optional(Id),
    q: Type.Optional(Text(100, 1)),
    cursor: Type.Optional(Text(500, 1)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
)
export type CaseListQuery = Static<typeof CaseListQuery>

export const CaseSummary = Type.Object({
  id: Type.String(),
  number: Type.String(),
  type: CaseType,
  state: Type.String(),
  priority: CasePriority,
  channel: CaseChannel,
  title: Type.String(),
  propertyId: Type.String(),
  propertyName: Type.String(),
  unitId: Nullable(Type.String()),
  unitNumber: Nullable(Type.String()),
  customerId: Nullable(Type.String()),
  customerName: Nullable(Type.String()),
  department: Nullable(DepartmentCode),
  assigneeId: Nullable(Type.String()),
  assigneeName: Nullable(Type.String()),
  overdue: Type.Boolean(),
  escalationLevel: Type.Integer(),
  paused: Type.Boolean(),
  /** The nearest running deadline. */
  dueAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  closedAt: Nullable(Type.String()),
  version: Type.Integer(),
})
export type CaseSummary = Static<typeof CaseSummary>

export const TimelineEvent = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorId: Nullable(Type.String()),
  actorName: Type.String(),
  kind: Type.String(),
  action: Nullable(Type.String()),
  fromState: Nullable(Type.String()),
  toState: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  visibility: Type.Enum(['internal', 'customer']),
  data: Type.Object({}, { additionalProperties: true }),
})

export const Deadline = Type.Object({
  id: Type.String(),
  name: Type.Enum([...deadlineNames]),
  startedAt: Type.String(),
  dueAt: Type.String(),
  status: Type.Enum(['running', 'paused', 'met', 'cancelled']),
  metAt: Nullable(Type.String()),
  overdueAt: Nullable(Type.String()),
  /** Met after its due time, or still running past it. */
  late: Type.Boolean(),
})

export const Attachment = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['photo', 'document', 'signature']),
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  visibleToCustomer: Type.Boolean(),
  uploadedAt: Type.String(),
})

export const SignOff = Type.Object({
  id: Type.String(),
  action: Type.String(),
  signerName: Type.String(),
  signerRole: Type.String(),
  signatureId: Nullable(Type.String()),
  signedAt: Type.String(),
})

export const AvailableAction = Type.Object({
  name: Type.String(),
  /** JSON Schema of the action's input (without `version`): the UI draws its form from it. */
  input: Type.Object({}, { additionalProperties: true }),
  reasonRequired: Type.Boolean(),
  signOff: Type.Boolean(),
})

const CaseBrief = Type.Object({
  id: Type.String(),
  number: Type.String(),
  type: CaseType,
  state: Type.String(),
  title: Type.String(),
})

export const CaseDetail = Type.Object({
  ...CaseSummary.properties,
  description: Type.String(),
  contactName: Nullable(Type.String()),
  /** Masked unless revealed (POST …/reveal-contact, audited). */
  contactPhone: Nullable(Type.String()),
  data: Type.Object({}, { additionalProperties: true }),
  states: Type.Array(Type.String()),
  parent: Nullable(CaseBrief),
  children: Type.Array(CaseBrief),
  deadlines: Type.Array(Deadline),
  timeline: Type.Array(TimelineEvent),
  attachments: Type.Array(Attachment),
  signOffs: Type.Array(SignOff),
  availableActions: Type.Array(AvailableAction),
  /** Comments and attachments this caller may add. */
  canComment: Type.Boolean(),
})
export type CaseDetail = Static<typeof CaseDetail>

export const CommentBody = Type.Object(
  {
    text: Text(4000, 1),
    /** Shown to the customer in the portal; internal notes are staff-only. */
    visibleToCustomer: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)

export const SavedView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  query: Type.Record(Type.String(), Type.String()),
})
const Filter = Type.Optional(Text(100))
/** The queue filters a view remembers: the same names as the list's query. */
export const SavedViewQuery = Type.Object(
  {
    tab: Filter,
    type: Filter,
    state: Filter,
    status: Filter,
    overdue: Filter,
    priority: Filter,
    department: Filter,
    assignee: Filter,
    propertyId: Filter,
    q: Filter,
  },
  { additionalProperties: false },
)
export const SavedViewBody = Type.Object(
  { name: Text(60, 1), query: SavedViewQuery },
  { additionalProperties: false },
)
