// Money (收费, 押金): charge items (收费项目) and rates, bills (账单), charges (费用), payments (收款)
// with receipts (收据), arrears (欠费) and reminder notices (催缴通知单), deposits (押金) with
// deductions (扣款) and refunds (退还), the collection rate (收费率). Amounts are integer fen.
export { billingRoutes } from './billing.routes'
export { postCharge, reverseCharge, type PostChargeInput } from './use-cases/charges'
export { settlementOf, customerStatement, type Settlement } from './use-cases/statement'
export {
  receiveDeposit,
  depositById,
  deductFromDeposit,
  refundDeposit,
  scheduleDepositRefund,
  scheduleCaseRefunds,
  refundCaseDeposits,
  refundDueDate,
  REFUND_DELAY_MONTHS,
} from './use-cases/deposits'
export { recordPayment } from './use-cases/payments'
export { collectionRate } from './use-cases/collection-rate'
