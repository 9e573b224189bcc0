// Repairs (报修): the repair workflow on the case engine; a paid repair is billed when agreed.
export { repairWorkflow, RepairData } from './repairs.workflow'
