// Fit-out (二次装修): the application-to-refund procedure for offices as a case type, and the
// workers' passes security issues for it.
export { fitOutWorkflow, FitOutData } from './fit-out.workflow'
export { fitOutRoutes } from './fit-out.routes'
export {
  issuePasses,
  revokePass,
  suspendPasses,
  reinstatePasses,
  collectPasses,
} from './use-cases/passes'
