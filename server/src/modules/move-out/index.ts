// Move-out (客户迁出): from the request to a vacant unit, settled and released (H-MO-1…7).
export { moveOutWorkflow, MoveOutData } from './move-out.workflow'
