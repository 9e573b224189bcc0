import { Type, type Static } from 'typebox'
import { Cursor, DateTime, Id, Limit, Nullable } from '../../platform/http/schemas'

/** A message to one user; the console renders `notifications.<template>` with the params. */
export const Notification = Type.Object({
  id: Id,
  caseId: Nullable(Id),
  template: Type.String({ description: 'A message key, e.g. case.assigned' }),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  urgent: Type.Boolean(),
  createdAt: DateTime,
  readAt: Nullable(DateTime),
})
export type Notification = Static<typeof Notification>

export const NotificationListQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean({ description: 'Only the unread ones' })),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Limit),
  },
  { additionalProperties: false },
)
export type NotificationListQuery = Static<typeof NotificationListQuery>

export const UnreadCount = Type.Object({ unreadCount: Type.Integer({ minimum: 0 }) })

// The live stream's messages: `event:` carries the name, `data:` the JSON below.
const CaseChanged = Type.Object({
  caseId: Id,
  state: Type.String(),
  change: Type.String({ description: 'The action, or created, comment, overdue, escalated' }),
})

export const LiveEvent = Type.Union(
  [
    Type.Object({ event: Type.Literal('ready'), data: UnreadCount }),
    Type.Object({
      event: Type.Literal('notification'),
      data: Type.Object({ notification: Notification, unreadCount: Type.Integer({ minimum: 0 }) }),
    }),
    Type.Object({ event: Type.Literal('case'), data: CaseChanged }),
    Type.Object({ event: Type.Literal('resync'), data: Type.Object({}) }),
  ],
  {
    description:
      'Server-sent events. ready: the stream is live (sent first, and after each reconnect); ' +
      'notification: a new message to the caller; case: a case the caller may see changed; ' +
      'resync: events may have been missed, reload what is shown.',
  },
)
export type LiveEvent = Static<typeof LiveEvent>
