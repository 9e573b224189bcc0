import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { contextOf } from '../../platform/auth'
import type { Deps } from '../../platform/http/context'
import { IdParams, Items } from '../../platform/http/schemas'
import { fitOutBoard, FitOutBoardQuery, FitOutCard } from './use-cases/board'
import { casePasses, gatePass, GatePass, Pass } from './use-cases/passes'

const tags = ['fit-out']

export const fitOutRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/fit-outs/board',
    {
      config: { permission: 'case.read', staffOnly: true },
      schema: {
        tags,
        summary: "A building's open fit-outs (二次装修) by stage, with days in stage",
        querystring: FitOutBoardQuery,
        response: { 200: Items(FitOutCard) },
      },
    },
    async (req) => ({ items: await fitOutBoard(deps, contextOf(req), req.query) }),
  )
  app.get(
    '/cases/:id/passes',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: "A fit-out's workers' passes (施工人员出入证), ID numbers masked",
        params: IdParams,
        response: { 200: Items(Pass) },
      },
    },
    async (req) => ({ items: await casePasses(deps, contextOf(req), req.params.id) }),
  )
  app.get(
    '/fit-outs/passes/:id',
    {
      config: { permission: 'case.read', staffOnly: true },
      schema: {
        tags,
        summary: 'A pass as the gate checks it (scanned from the QR code on the card)',
        params: IdParams,
        response: { 200: GatePass },
      },
    },
    async (req) => gatePass(deps, contextOf(req), req.params.id),
  )
}
