export { permissions, builtinRoles, isPermission, type Permission } from './registry'
export { can, inPropertyScope, type Actor } from './actor'
export { propertyScope, scopeValues, type Prepared } from './scope'
