import { and, count, desc, eq, isNull, lt, or, type SQL } from 'drizzle-orm'
import { notifications, outbox } from '../../db/schema'
import type { Db } from '../../platform/db'
import { insertRows } from '../../platform/db/statements'

export type NotificationRow = typeof notifications.$inferSelect
export type NewNotification = {
  orgId: string
  userId: string
  caseId?: string | null
  template: string
  params?: Record<string, string | number>
  urgent?: boolean
  createdAt: Date
}

/** The owner of a notification: every query names the organisation and the user. */
export type Recipient = { orgId: string; userId: string }

const owned = (r: Recipient) =>
  and(eq(notifications.orgId, r.orgId), eq(notifications.userId, r.userId))

export async function insertNotifications(
  db: Db,
  rows: NewNotification[],
): Promise<NotificationRow[]> {
  if (rows.length === 0) return []
  return db.insert(notifications).values(rows).returning()
}

/**
 * Notifications made whole by the caller (ids included) and their outbox messages, in one
 * statement: one round trip however many recipients.
 */
export async function insertNotificationsWithMessages(
  db: Db,
  rows: NotificationRow[],
  messages: (typeof outbox.$inferInsert)[],
): Promise<void> {
  await insertRows(db, [
    ...rows.map((row) => ({ table: notifications, row })),
    ...messages.map((row) => ({ table: outbox, row })),
  ])
}

export type NotificationFilter = {
  unread?: boolean
  after?: { createdAt: Date; id: string }
  limit: number
}

/** Newest first; the cursor is the creation time and id of the last row shown. */
export async function listNotifications(db: Db, r: Recipient, f: NotificationFilter) {
  const where: (SQL | undefined)[] = [owned(r)]
  if (f.unread) where.push(isNull(notifications.readAt))
  if (f.after) {
    where.push(
      or(
        lt(notifications.createdAt, f.after.createdAt),
        and(eq(notifications.createdAt, f.after.createdAt), lt(notifications.id, f.after.id)),
      ),
    )
  }
  return db
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(f.limit)
}

export async function findNotification(db: Db, r: Recipient, id: string) {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(owned(r), eq(notifications.id, id)))
  return row
}

export async function countUnread(db: Db, r: Recipient): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(owned(r), isNull(notifications.readAt)))
  return Number(row?.n ?? 0)
}

/** Marks one read (keeping the first read time); undefined when it is not the caller's. */
export async function markNotificationRead(db: Db, r: Recipient, id: string, at: Date) {
  await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(owned(r), eq(notifications.id, id), isNull(notifications.readAt)))
  return findNotification(db, r, id)
}

export async function markAllNotificationsRead(db: Db, r: Recipient, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(owned(r), isNull(notifications.readAt)))
    .returning({ id: notifications.id })
  return rows.length
}
