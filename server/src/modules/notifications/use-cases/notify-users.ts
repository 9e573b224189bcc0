import type { Db } from '../../../platform/db'
import { uuidv7 } from '../../../db/schema/ids'
import { outboxRow } from '../../../platform/outbox'
import { insertNotificationsWithMessages, type NotificationRow } from '../notifications.repository'

export type NotifyInput = {
  orgId: string
  /** One notification each; the same user twice gets one. */
  userIds: readonly string[]
  caseId?: string | null
  /** A message key of the console's locale files: notifications.<template>. */
  template: string
  params?: Record<string, string | number>
  urgent?: boolean
  now: Date
}

/**
 * Writes one notification per recipient and its outbox message, in the caller's transaction:
 * they exist, and leave for the live streams, only if it commits. Call kickOutbox() after commit.
 */
export async function notifyUsers(tx: Db, input: NotifyInput): Promise<NotificationRow[]> {
  const userIds = [...new Set(input.userIds)]
  if (userIds.length === 0) return []
  const rows: NotificationRow[] = userIds.map((userId) => ({
    id: uuidv7(input.now.getTime()),
    orgId: input.orgId,
    userId,
    caseId: input.caseId ?? null,
    template: input.template,
    params: input.params ?? {},
    urgent: input.urgent ?? false,
    createdAt: input.now,
    readAt: null,
  }))
  await insertNotificationsWithMessages(
    tx,
    rows,
    rows.map((row) =>
      outboxRow(
        row.orgId,
        {
          topic: 'notification.created',
          payload: {
            notificationId: row.id,
            userId: row.userId,
            caseId: row.caseId,
            urgent: row.urgent,
          },
        },
        input.now,
      ),
    ),
  )
  return rows
}
