import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { contextOf } from '../../platform/auth'
import type { Deps } from '../../platform/http/context'
import { Dashboard, DashboardQuery } from './dashboard.schemas'
import { readDashboard } from './use-cases/read-dashboard'

const tags = ['dashboard']

export const dashboardRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/dashboard',
    {
      // The whole building's cases: those who may read them all (the desk, supervisors, managers).
      // Money figures (collection rate, deposits held) only for billing.read; customers never.
      config: { permission: 'case.read_all', staffOnly: true },
      schema: {
        tags,
        summary:
          "概览: a building's live figures, or every building of the caller's scope without propertyId",
        querystring: DashboardQuery,
        response: { 200: Dashboard },
      },
    },
    async (req) => readDashboard(deps, contextOf(req), req.query),
  )
}
