import { Type, type Static } from 'typebox'
import { DateString, DateTime, Id, Nullable, Text } from '../../platform/http/schemas'
import { casePriorities, caseTypes } from '../../db/schema'

export const CaseType = Type.Enum(caseTypes)
export type CaseType = Static<typeof CaseType>
export const CasePriority = Type.Enum(casePriorities)
export type CasePriority = Static<typeof CasePriority>

/** A duration of a policy, in minutes: working minutes, or plain ones round the clock. */
const Minutes = Type.Integer({ minimum: 1, maximum: 525_600 })
/** 0 for what is not stored yet (a default); a write with 0 creates it. */
const VersionOrNew = Type.Integer({ minimum: 0, maximum: 2_147_483_647 })
const Year = Type.Integer({ minimum: 2000, maximum: 2100 })

export const DeadlinePolicy = Type.Object({
  caseType: CaseType,
  priority: CasePriority,
  respondMinutes: Type.Integer(),
  resolveMinutes: Type.Integer(),
  followUpMinutes: Type.Integer(),
  /** Counted on the building's working calendar, or round the clock. */
  workingTime: Type.Boolean(),
  /** Share of resolved cases sent to follow-up (回访), percent. */
  followUpPercent: Type.Integer(),
  /** 0: the built-in default, not changed yet. */
  version: Type.Integer(),
  updatedAt: Nullable(DateTime),
})
export type DeadlinePolicy = Static<typeof DeadlinePolicy>

export const PolicyParams = Type.Object({ caseType: CaseType, priority: CasePriority })
export const PutPolicyBody = Type.Object(
  {
    respondMinutes: Minutes,
    resolveMinutes: Minutes,
    followUpMinutes: Minutes,
    workingTime: Type.Boolean(),
    followUpPercent: Type.Integer({ minimum: 0, maximum: 100 }),
    version: VersionOrNew,
  },
  { additionalProperties: false },
)
export type PutPolicyBody = Static<typeof PutPolicyBody>

const TimeZone = Type.String({
  minLength: 3,
  maxLength: 64,
  pattern: '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$',
  description: 'IANA time zone, e.g. Asia/Shanghai',
})
const Weekdays = Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
  minItems: 1,
  maxItems: 7,
  uniqueItems: true,
  description: 'ISO weekdays: 1 = Monday … 7 = Sunday',
})

export const WorkCalendarSettings = Type.Object({
  propertyId: Id,
  timeZone: Type.String(),
  /** Minutes after local midnight: 540 = 09:00. */
  workStart: Type.Integer(),
  workEnd: Type.Integer(),
  workWeekdays: Type.Array(Type.Integer()),
  /** 0: the default calendar, not stored for this building yet. */
  version: Type.Integer(),
  updatedAt: Nullable(DateTime),
})
export type WorkCalendarSettings = Static<typeof WorkCalendarSettings>

export const DayKind = Type.Enum(['holiday', 'workday'])
export const CalendarDay = Type.Object({
  date: DateString,
  /** holiday: no work on a weekday; workday: a make-up working day (调休) on a weekend. */
  kind: DayKind,
  name: Type.String(),
  /** official: from the State Council's calendar; manual: entered here. */
  source: Type.Enum(['official', 'manual']),
})
export type CalendarDay = Static<typeof CalendarDay>

export const calendarWarnings = ['next_year_missing', 'next_year_not_imported'] as const
export const CalendarView = Type.Object({
  calendar: WorkCalendarSettings,
  year: Type.Integer(),
  days: Type.Array(CalendarDay),
  /**
   * next_year_missing: next year has no official data yet and no day entered by hand;
   * next_year_not_imported: the official data exists but this building has not imported it.
   */
  warning: Nullable(Type.Enum(calendarWarnings)),
  /** The last year official data is available for. */
  latestOfficialYear: Type.Integer(),
})
export type CalendarView = Static<typeof CalendarView>

export const CalendarParams = Type.Object({ propertyId: Id })
export const CalendarQuery = Type.Object(
  { year: Type.Optional(Year) },
  { additionalProperties: false },
)
export const DayParams = Type.Object({ propertyId: Id, date: DateString })

export const PatchCalendarBody = Type.Object(
  {
    timeZone: Type.Optional(TimeZone),
    workStart: Type.Optional(Type.Integer({ minimum: 0, maximum: 1439 })),
    workEnd: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })),
    workWeekdays: Type.Optional(Weekdays),
    version: VersionOrNew,
  },
  { additionalProperties: false },
)
export type PatchCalendarBody = Static<typeof PatchCalendarBody>

export const PutDayBody = Type.Object(
  { kind: DayKind, name: Type.Optional(Text(40)) },
  { additionalProperties: false },
)
export type PutDayBody = Static<typeof PutDayBody>

export const ImportOfficialBody = Type.Object({ year: Year }, { additionalProperties: false })
export const ImportResult = Type.Object({
  year: Type.Integer(),
  /** Official days new to this building. */
  added: Type.Integer(),
  /** Official days it had already, refreshed. */
  updated: Type.Integer(),
  /** Days entered by hand on an official date: left as they are. */
  kept: Type.Integer(),
})
export type ImportResult = Static<typeof ImportResult>
