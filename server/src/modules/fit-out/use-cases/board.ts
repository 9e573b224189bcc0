// 装修看板: every open fit-out of a building by its stage, with the days it has spent there —
// what the desk and the supervisor look at to see which works are stuck.
import { Type, type Static } from 'typebox'
import type { Deps, RequestContext } from '../../../platform/http/context'
import { propertyInScope } from '../../cases/use-cases/assignable-staff'
import * as repo from '../fit-out.repository'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()])

export const FitOutBoardQuery = Type.Object(
  { propertyId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
)
export type FitOutBoardQuery = Static<typeof FitOutBoardQuery>

export const FitOutCard = Type.Object({
  id: Type.String(),
  number: Type.String(),
  state: Type.String(),
  title: Type.String(),
  department: Nullable(Type.String()),
  overdue: Type.Boolean(),
  unitNumber: Nullable(Type.String()),
  customerName: Nullable(Type.String()),
  contractor: Nullable(Type.String()),
  startDate: Nullable(Type.String()),
  endDate: Nullable(Type.String()),
  /** Whole days since the fit-out entered its stage. */
  daysInStage: Type.Integer(),
  /** Drawing rounds so far (a rejected round sends it back). */
  rounds: Type.Integer(),
  openRectifications: Type.Integer(),
  livePasses: Type.Integer(),
  refundDueOn: Nullable(Type.String()),
})
export type FitOutCard = Static<typeof FitOutCard>

const DAY = 86_400_000
const text = (v: unknown) => (typeof v === 'string' ? v : null)
const items = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : [])

export async function fitOutBoard(
  { db, clock }: Deps,
  ctx: RequestContext,
  q: FitOutBoardQuery,
): Promise<FitOutCard[]> {
  await propertyInScope(db, ctx, q.propertyId)
  const now = clock.now().getTime()
  const rows = await repo.openFitOuts(db, ctx.actor, q.propertyId)
  return rows.map((r) => {
    const contractor = r.data['contractor'] as Record<string, unknown> | undefined
    return {
      id: r.id,
      number: r.number,
      state: r.state,
      title: r.title,
      department: r.department,
      overdue: r.overdue,
      unitNumber: r.unitNumber,
      customerName: r.customerName,
      contractor: text(contractor?.['name']),
      startDate: text(r.data['startDate']),
      endDate: text(r.data['endDate']),
      daysInStage: Math.max(0, Math.floor((now - new Date(r.stageSince).getTime()) / DAY)),
      rounds: items(r.data['rounds']).length,
      openRectifications: items(r.data['rectifications']).filter((x) => x['status'] === 'open')
        .length,
      livePasses: Number(r.livePasses),
      refundDueOn: text(r.data['refundDueOn']),
    }
  })
}
