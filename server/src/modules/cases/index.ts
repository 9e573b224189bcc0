// Cases (工单): the engine every procedure runs on — workflows as tables, one write function
// (applyAction), deadlines on a working calendar, escalation, notifications through the outbox.
export {
  defineWorkflow,
  action,
  type Workflow,
  type ActionDef,
  type Effect,
  type CaseView,
} from './workflow'
export { planAction, availableActions, type Plan, type Refusal } from './plan-action'
export { caseRoutes } from './cases.routes'
export { applyAction } from './use-cases/apply-action'
export { openCase } from './use-cases/open-case'
export { sweepDeadlines, nextDeadlineMoment } from './use-cases/sweep-deadlines'
export { workflows } from './workflows'
