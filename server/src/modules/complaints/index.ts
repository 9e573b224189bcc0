// Complaints (客户投诉): the complaint workflow on the case engine. 回访 = follow-up visit.
export { complaintWorkflow, ComplaintData } from './complaints.workflow'
