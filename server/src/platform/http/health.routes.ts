import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import { migrationLevel, type Database } from '../db'

export const healthRoutes: FastifyPluginAsync<{ database: Database }> = async (
  app,
  { database },
) => {
  app.get(
    '/api/health',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database state',
        security: [],
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
            migrationLevel: Type.Integer(),
          }),
        },
      },
    },
    async () => ({
      status: 'ok' as const,
      database: database.kind,
      migrationLevel: await migrationLevel(database.db),
    }),
  )
}
