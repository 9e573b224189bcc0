import type { Deps } from '../../../platform/http/context'
import type { Actor } from '../../../platform/permissions'
import { mayWatchCase, type BusEvent } from '../../../platform/events'
import type { LiveEvent } from '../notifications.schemas'
import { countUnread, findNotification } from '../notifications.repository'
import { recipientOf, toNotification } from './list-notifications'

// What one caller's live stream says. The bus carries ids and the routing fields only; the
// notification itself is read here, by its recipient, with the unread count it leaves.

/** The first message of a stream, and of every reconnect: the badge starts right. */
export async function readyEvent({ db }: Deps, actor: Actor): Promise<LiveEvent> {
  return { event: 'ready', data: { unreadCount: await countUnread(db, recipientOf({ actor })) } }
}

/** The message for `actor` about an event of the bus, or null when it is none of theirs. */
export async function liveEventFor(
  { db }: Deps,
  actor: Actor,
  event: BusEvent,
): Promise<LiveEvent | null> {
  if (event.orgId !== actor.orgId) return null
  switch (event.topic) {
    case 'notification.created': {
      if (event.payload.userId !== actor.userId) return null
      const recipient = recipientOf({ actor })
      const row = await findNotification(db, recipient, event.payload.notificationId)
      if (!row) return null
      const unreadCount = await countUnread(db, recipient)
      return { event: 'notification', data: { notification: toNotification(row), unreadCount } }
    }
    case 'case.changed': {
      if (!mayWatchCase(actor, event.orgId, event.payload)) return null
      const { caseId, state, change } = event.payload
      return { event: 'case', data: { caseId, state, change } }
    }
    default:
      // A topic this version does not know (a newer instance sent it): not for the stream.
      return null
  }
}
