import type { Deps, RequestContext } from '../../../platform/http/context'
import { decodeCursor, page } from '../../../platform/http/cursor'
import type { Notification, NotificationListQuery } from '../notifications.schemas'
import {
  countUnread,
  listNotifications,
  type NotificationRow,
  type Recipient,
} from '../notifications.repository'

export const recipientOf = (ctx: Pick<RequestContext, 'actor'>): Recipient => ({
  orgId: ctx.actor.orgId,
  userId: ctx.actor.userId,
})

export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    caseId: row.caseId,
    template: row.template,
    params: row.params,
    urgent: row.urgent,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  }
}

/** The caller's own notifications, newest first; nobody lists another's. */
export async function listMyNotifications(
  { db }: Deps,
  ctx: RequestContext,
  q: NotificationListQuery,
) {
  const limit = q.limit ?? 50
  const cursor = decodeCursor(q.cursor, ['iso', 'uuid'])
  const rows = await listNotifications(db, recipientOf(ctx), {
    limit: limit + 1,
    ...(q.unread ? { unread: true } : {}),
    ...(cursor ? { after: { createdAt: new Date(String(cursor[0])), id: String(cursor[1]) } } : {}),
  })
  const { items, nextCursor } = page(rows, limit, (r) => [r.createdAt.toISOString(), r.id])
  return { items: items.map(toNotification), nextCursor }
}

export async function myUnreadCount({ db }: Deps, ctx: RequestContext) {
  return { unreadCount: await countUnread(db, recipientOf(ctx)) }
}
