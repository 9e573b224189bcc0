// Goods release (物品放行): a slip security checks at the gate, valid on its day.
export { releaseWorkflow, ReleaseData } from './release.workflow'
