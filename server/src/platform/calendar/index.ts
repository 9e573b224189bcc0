// Working days and hours (工作日历): holidays, make-up working days (调休) and the arithmetic of
// working minutes that deadlines run on.
export {
  isWorkingDay,
  addWorkingMinutes,
  workingMinutesBetween,
  type WorkCalendar,
} from './working-time'
export {
  defaultCalendar,
  officialDays,
  latestOfficialYear,
  type OfficialDay,
} from './official-days'
export { isTimeZone, localDateAt, nextDate } from './zone'
