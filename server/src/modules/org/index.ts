// Buildings: organisation → properties (大厦) → floors (楼层) → units (单元), apartment (公寓) or office (写字间).
export { orgRoutes } from './org.routes'
export {
  findProperty,
  propertyRefs,
  insertOrganisation,
  insertProperty,
  insertFloor,
  insertUnit,
  lockUnit,
  updateUnit,
  findUnit,
} from './org.repository'
export type { UnitRow } from './org.repository'
