// Settings (设置) of the case engine: deadline policies (时限) per case type and priority, and each
// building's working calendar (工作日历) — time zone, working hours and weekdays, public holidays
// and make-up working days (调休) — seeded from the official calendar and editable.
export { settingsRoutes } from './settings.routes'
export { defaultDeadlinePolicies } from './default-policies'
export { deadlinePolicyOf, defaultPolicy } from './use-cases/deadline-policies'
export { calendarOf, ensureCalendar } from './use-cases/calendars'
export type { CasePriority, CaseType, DeadlinePolicy } from './settings.schemas'
