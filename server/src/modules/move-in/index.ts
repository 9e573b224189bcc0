// Move-in (客户入驻): the checklist from documents to an occupied unit (H-MI-1…5).
export { moveInWorkflow, MoveInData } from './move-in.workflow'
