// The dashboard (概览): a building's or the organisation's live figures — open cases by state and
// department, overdue and escalated cases, the timeliness rate (及时率), follow-up rate (回访率),
// satisfaction rate (满意率), collection rate (收费率), fit-outs in progress (装修中) with their
// deposits held, and today's move-ins (入驻) and move-outs (迁出).
export { dashboardRoutes } from './dashboard.routes'
