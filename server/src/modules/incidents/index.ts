// Lobby incidents (突发情况): urgent cases reported at once (H-FD-10).
export { incidentWorkflow, IncidentData } from './incidents.workflow'
