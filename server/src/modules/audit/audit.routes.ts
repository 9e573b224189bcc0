import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Deps } from '../../platform/http/context'
import { contextOf } from '../../platform/auth'
import { Cursor, DateTime, Nullable, Page, Text } from '../../platform/http/schemas'
import { searchAuditLog } from './search-audit-log'

export const AuditQuery = Type.Object(
  {
    actorId: Type.Optional(Type.String({ format: 'uuid' })),
    action: Type.Optional(Text(64)),
    entityType: Type.Optional(Text(64)),
    entityId: Type.Optional(Text(64)),
    from: Type.Optional(DateTime),
    to: Type.Optional(DateTime),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
)

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: DateTime,
  actorId: Nullable(Type.String()),
  actorName: Type.String(),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Nullable(Type.String()),
  diff: Type.Record(Type.String(), Type.Unknown()),
  requestId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
})

export const auditRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log, newest first',
        querystring: AuditQuery,
        response: { 200: Page(AuditEntry) },
      },
    },
    async (req) => searchAuditLog(deps, contextOf(req), req.query),
  )
}
