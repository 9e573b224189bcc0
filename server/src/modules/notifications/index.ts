// Notifications (通知中心): each user's inbox of messages about cases — one row per recipient,
// written by the case engine in its transactions — and the live stream (SSE) that tells the
// console about new messages and changed cases the moment they commit.
export { notificationRoutes } from './notifications.routes'
export { liveEventRoutes, type LiveEventOptions } from './live-events.routes'
export { notifyUsers, type NotifyInput } from './use-cases/notify-users'
export {
  insertNotifications,
  countUnread,
  type NewNotification,
  type NotificationRow,
} from './notifications.repository'
export type { Notification, LiveEvent } from './notifications.schemas'
