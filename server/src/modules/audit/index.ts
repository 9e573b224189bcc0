// The audit log (审计日志): every write, reveal and export, searchable by managers.
export { auditRoutes } from './audit.routes'
