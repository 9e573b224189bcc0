// Customers (客户): companies or persons, owners (业主) or tenants (租户), linked to units by
// occupancies (入住记录). Phone and ID numbers are masked unless revealed (H-IS-15).
export { customerRoutes } from './customers.routes'
export { maskPhone, maskIdNumber } from './masking'
export {
  insertCustomer,
  insertOccupancy,
  replaceContacts,
  findCustomer,
  customerScope,
} from './customers.repository'
export { occupyUnit, vacateUnit } from './use-cases/occupancies'
