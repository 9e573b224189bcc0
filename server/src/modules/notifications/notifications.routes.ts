import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Deps } from '../../platform/http/context'
import { contextOf } from '../../platform/auth'
import { IdParams, Page } from '../../platform/http/schemas'
import { Notification, NotificationListQuery, UnreadCount } from './notifications.schemas'
import { listMyNotifications, myUnreadCount } from './use-cases/list-notifications'
import { markAllRead, markRead } from './use-cases/mark-read'

// Every signed-in user has an inbox of their own: no permission beyond the session.
export const notificationRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'The caller’s notifications, newest first',
        querystring: NotificationListQuery,
        response: { 200: Page(Notification) },
      },
    },
    async (req) => listMyNotifications(deps, contextOf(req), req.query),
  )

  app.get(
    '/notifications/unread-count',
    {
      schema: {
        tags: ['notifications'],
        summary: 'How many of the caller’s notifications are unread',
        response: { 200: UnreadCount },
      },
    },
    async (req) => myUnreadCount(deps, contextOf(req)),
  )

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of the caller’s notifications read',
        params: IdParams,
        response: { 200: Notification },
      },
    },
    async (req) => markRead(deps, contextOf(req), req.params.id),
  )

  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark all of the caller’s notifications read',
        response: { 200: UnreadCount },
      },
    },
    async (req) => markAllRead(deps, contextOf(req)),
  )
}
