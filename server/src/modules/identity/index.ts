// Identity: users (staff and customer accounts), departments (客服部, 工程部, 保安部, 财务部, 保洁部),
// roles as sets of `resource.action` permissions, sign-in and sessions.
export { identityRoutes } from './identity.routes'
export { ensureBuiltinRoles, syncBuiltinRoles } from './use-cases/roles'
export { insertUser, replaceUserProperties, findRoleByCode } from './identity.repository'
