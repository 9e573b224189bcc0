// Work liaison slips (工作联系单): one department's written order to another.
export { liaisonWorkflow, LiaisonData } from './liaison.workflow'
