// What the demo seed uses to give the demo building its money history through the same use-cases
// the API runs (so demo data can never be in a state the product could not produce).
export { createChargeItem, updateChargeItem, createRate } from './use-cases/charge-items'
export { generateBills } from './use-cases/bill-run'
export { recordPayment } from './use-cases/payments'
export {
  receiveDeposit,
  deductFromDeposit,
  scheduleDepositRefund,
  depositById,
} from './use-cases/deposits'
export { openChargesOfCustomer } from './billing.repository'
