import type { Deps, RequestContext } from '../../../platform/http/context'
import { notFound } from '../../../platform/errors'
import {
  countUnread,
  markAllNotificationsRead,
  markNotificationRead,
} from '../notifications.repository'
import { recipientOf, toNotification } from './list-notifications'

// Reading a notification changes nothing but the reader's own inbox: no audit row, no version.

/** Marks one of the caller's notifications read; another user's is 404, as if it did not exist. */
export async function markRead({ db, clock }: Deps, ctx: RequestContext, id: string) {
  const row = await markNotificationRead(db, recipientOf(ctx), id, clock.now())
  if (!row) throw notFound('notification')
  return toNotification(row)
}

export async function markAllRead({ db, clock }: Deps, ctx: RequestContext) {
  const recipient = recipientOf(ctx)
  await markAllNotificationsRead(db, recipient, clock.now())
  return { unreadCount: await countUnread(db, recipient) }
}
