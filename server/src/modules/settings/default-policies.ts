// The deadlines a company starts with, per case type and priority (PRODUCT.md §2). Minutes are
// working minutes on the building's calendar unless `workingTime` is false (round the clock).
// A working day is 09:00–18:00 (540 min) by default; "the same working day" is 480.
import { casePriorities, caseTypes } from '../../db/schema'
import type { CasePriority, CaseType } from './settings.schemas'

export type PolicyValues = {
  respondMinutes: number
  resolveMinutes: number
  followUpMinutes: number
  workingTime: boolean
  followUpPercent: number
}

const DAY = 480 // a working day's work
const THREE_DAYS = 3 * DAY
const ROUND_THE_CLOCK_THREE_DAYS = 3 * 24 * 60

const working = (respond: number, resolve: number, followUpPercent: number): PolicyValues => ({
  respondMinutes: respond,
  resolveMinutes: resolve,
  followUpMinutes: THREE_DAYS,
  workingTime: true,
  followUpPercent,
})
const aroundTheClock = (respond: number, resolve: number, followUpPercent: number) => ({
  ...working(respond, resolve, followUpPercent),
  followUpMinutes: ROUND_THE_CLOCK_THREE_DAYS,
  workingTime: false,
})

export const defaultDeadlinePolicies: Readonly<
  Record<CaseType, Readonly<Record<CasePriority, PolicyValues>>>
> = {
  // 2.1: ordinary ones resolved the same day, urgent ones sooner; follow-up within 3 days;
  // every complaint is followed up.
  complaint: {
    normal: working(30, DAY, 100),
    urgent: working(15, 240, 100),
    emergency: aroundTheClock(5, 120, 100),
  },
  // 2.2: dispatched in 5 minutes; emergencies (water, power, burning) round the clock;
  // at least 30% of repairs followed up.
  repair: {
    normal: working(5, DAY, 30),
    urgent: working(5, 240, 30),
    emergency: aroundTheClock(5, 120, 30),
  },
  // An inquiry is answered (reply): no follow-up visit.
  inquiry: {
    normal: working(30, DAY, 0),
    urgent: working(15, 240, 0),
    emergency: aroundTheClock(5, 120, 0),
  },
  // 2.8: a lobby incident is urgent whatever its class: reported at once, round the clock.
  incident: {
    normal: aroundTheClock(5, 240, 0),
    urgent: aroundTheClock(5, 240, 0),
    emergency: aroundTheClock(5, 120, 0),
  },
  // 2.6: an internal order between departments: received (signed) within the hour, done in
  // three working days unless its slip names another deadline.
  liaison: {
    normal: working(60, THREE_DAYS, 0),
    urgent: working(30, DAY, 0),
    emergency: aroundTheClock(15, 240, 0),
  },
  // 2.3: a move-in is accepted the same day and completed within ten working days.
  move_in: {
    normal: working(DAY, 10 * DAY, 0),
    urgent: working(240, 5 * DAY, 0),
    emergency: working(60, 2 * DAY, 0),
  },
  // 2.4: a move-out request is confirmed within a day and settled within ten working days.
  move_out: {
    normal: working(DAY, 10 * DAY, 0),
    urgent: working(240, 5 * DAY, 0),
    emergency: working(60, 2 * DAY, 0),
  },
  // 2.7: a goods release slip is valid on its day; security checks it at the gate.
  release: {
    normal: aroundTheClock(60, 24 * 60, 0),
    urgent: aroundTheClock(30, 12 * 60, 0),
    emergency: aroundTheClock(15, 4 * 60, 0),
  },
  // 2.5: an application is answered within a working day; each round of drawings is reviewed
  // within three working days (the resolve clock runs per round). The works have their own dates.
  fit_out: {
    normal: working(DAY, THREE_DAYS, 0),
    urgent: working(240, DAY, 0),
    emergency: working(60, 240, 0),
  },
}

/** Every case type × priority, in the order of the schema's lists. */
export const policyKeys = caseTypes.flatMap((caseType) =>
  casePriorities.map((priority) => ({ caseType, priority })),
)
