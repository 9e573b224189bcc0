import { Type, type Static } from 'typebox'
import { caseTypes, departmentCodes } from '../../db/schema'
import { Id, Nullable } from '../../platform/http/schemas'

export const Month = Type.String({
  pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])$',
  description: 'YYYY-MM',
})

export const DashboardQuery = Type.Object(
  {
    propertyId: Type.Optional(Id),
    month: Type.Optional(Month),
  },
  { additionalProperties: false },
)
export type DashboardQuery = Static<typeof DashboardQuery>

const Count = Type.Integer({ minimum: 0 })
const Rate = Nullable(
  Type.Integer({
    description: 'In basis points (9523 = 95.23%); null when there is nothing to divide by',
  }),
)
const CaseType = Type.Enum([...caseTypes])
const Tally = { count: Count, overdue: Count }

export const Dashboard = Type.Object({
  /** The building asked for; null for every building of the caller's scope. */
  propertyId: Nullable(Type.String()),
  /** How many buildings the figures cover. */
  buildings: Count,
  month: Month,
  /** Today in the time zone below (YYYY-MM-DD): the day of "today's moves". */
  today: Type.String({ format: 'date' }),
  timeZone: Type.String(),
  generatedAt: Type.String({ format: 'date-time' }),
  /**
   * When the month's rates (timeliness, follow-up, satisfaction, collection) were computed: they
   * are kept up to DASHBOARD_RATES_TTL_SECONDS (default 30 s); the counts are always live.
   */
  ratesAsOf: Type.String({ format: 'date-time' }),
  openCases: Type.Object(
    {
      total: Count,
      overdue: Count,
      escalated: Count,
      byType: Type.Array(Type.Object({ type: CaseType, ...Tally })),
      byTypeAndState: Type.Array(Type.Object({ type: CaseType, state: Type.String(), ...Tally })),
      byDepartment: Type.Array(
        Type.Object({ department: Nullable(Type.Enum([...departmentCodes])), ...Tally }),
      ),
    },
    { description: 'Cases not in a final state (closed_at is null), now' },
  ),
  timeliness: Type.Object(
    {
      onTime: Count,
      missed: Count,
      rateBp: Rate,
    },
    {
      description:
        '及时率: respond, resolve, follow-up and reply deadlines settled in the month — met on time, or missed (went overdue, or met late) — on time ÷ all',
    },
  ),
  followUp: Type.Object(
    {
      done: Count,
      owed: Count,
      rateBp: Rate,
    },
    {
      description:
        '回访率: complaints and repairs sent to follow-up in the month whose follow-up was done, fell due or was waived — done ÷ owed',
    },
  ),
  satisfaction: Type.Object(
    {
      satisfied: Count,
      fairlySatisfied: Count,
      unsatisfied: Count,
      total: Count,
      rateBp: Rate,
    },
    {
      description:
        '满意率: follow-ups recorded in the month on complaints and repairs — (satisfied + fairly satisfied) ÷ all',
    },
  ),
  collection: Nullable(
    Type.Object(
      {
        due: Type.Integer({ description: 'fen' }),
        collectedInPeriod: Type.Integer({ description: 'fen' }),
        rateBp: Rate,
      },
      {
        description:
          "收费率 of the month (the billing module's collection rate, summed over the buildings); null without billing.read",
      },
    ),
  ),
  fitOuts: Type.Object({
    inProgress: Count,
    /** fen; null without billing.read. */
    depositsHeld: Nullable(Type.Integer({ minimum: 0, description: 'fen' })),
  }),
  moves: Type.Object(
    {
      moveIns: Type.Object({ scheduled: Count, done: Count }),
      moveOuts: Type.Object({ scheduled: Count, done: Count }),
    },
    { description: 'Move-ins and move-outs whose day is today, cancelled ones left out' },
  ),
})
export type Dashboard = Static<typeof Dashboard>
