export { recordAudit, auditRow, diffOf } from './record-audit'
export { searchAudit, type AuditFilter } from './audit.repository'
