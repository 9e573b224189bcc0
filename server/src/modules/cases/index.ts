// Cases (工单): the engine every procedure runs on. So far its pure core: workflows as tables and
// the planning of an action; the transactional write, deadlines and the HTTP surface are issue 4.
export {
  defineWorkflow,
  type Workflow,
  type ActionDef,
  type Effect,
  type CaseView,
} from './workflow'
export { planAction, availableActions, type Plan, type Refusal } from './plan-action'
