import { Type, type Static } from 'typebox'
import {
  Cursor,
  DateString,
  DateTime,
  Id,
  Nullable,
  Text,
  Version,
} from '../../platform/http/schemas'
import { chargeKinds, depositTypes, paymentMethods, unitKinds } from '../../db/schema'

/** Money in fen (分): an integer, never a float. */
export const Fen = Type.Integer({ minimum: 1, maximum: 10_000_000_000 })
export const SignedFen = Type.Integer()
export const Period = Type.String({
  pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])$',
  description: 'YYYY-MM',
})
export const ChargeKind = Type.Enum(chargeKinds)
export const DepositType = Type.Enum(depositTypes)
export const PaymentMethod = Type.Enum(paymentMethods)

export const ChargeItem = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  kind: ChargeKind,
  dueDays: Type.Integer(),
  active: Type.Boolean(),
  version: Type.Integer(),
})
export type ChargeItem = Static<typeof ChargeItem>
export const CreateChargeItemBody = Type.Object(
  {
    code: Type.String({ minLength: 2, maxLength: 32, pattern: '^[a-z][a-z0-9_]*$' }),
    name: Text(40, 1),
    kind: ChargeKind,
    dueDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  },
  { additionalProperties: false },
)
export type CreateChargeItemBody = Static<typeof CreateChargeItemBody>
export const UpdateChargeItemBody = Type.Object(
  {
    name: Type.Optional(Text(40, 1)),
    dueDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
    active: Type.Optional(Type.Boolean()),
    version: Version,
  },
  { additionalProperties: false },
)
export type UpdateChargeItemBody = Static<typeof UpdateChargeItemBody>

export const RateBasis = Type.Enum(['per_m2_month', 'fixed', 'basis_points_per_day'])
export const Rate = Type.Object({
  id: Id,
  propertyId: Id,
  chargeItemId: Id,
  unitKind: Nullable(Type.Enum(unitKinds)),
  basis: RateBasis,
  amount: Type.Integer(),
  effectiveFrom: DateString,
  effectiveTo: Nullable(DateString),
})
export const CreateRateBody = Type.Object(
  {
    propertyId: Id,
    chargeItemId: Id,
    unitKind: Type.Optional(Nullable(Type.Enum(unitKinds))),
    basis: RateBasis,
    amount: Type.Integer({ minimum: 0, maximum: 10_000_000_000 }),
    effectiveFrom: DateString,
  },
  { additionalProperties: false },
)
export type CreateRateBody = Static<typeof CreateRateBody>

export const BillRunBody = Type.Object(
  { propertyId: Id, period: Period },
  { additionalProperties: false },
)
export const BillRunResult = Type.Object({
  propertyId: Id,
  period: Period,
  billsCreated: Type.Integer(),
  chargesCreated: Type.Integer(),
  amountCreated: Type.Integer(),
  chargesExisting: Type.Integer(),
  lateFeesCreated: Type.Integer(),
  lateFeeAmount: Type.Integer(),
})
export type BillRunResult = Static<typeof BillRunResult>

export const Charge = Type.Object({
  id: Id,
  propertyId: Id,
  customerId: Id,
  customerName: Type.Optional(Type.String()),
  unitId: Nullable(Id),
  unitNumber: Nullable(Type.String()),
  chargeItemId: Id,
  itemCode: Type.String(),
  itemName: Type.String(),
  billId: Nullable(Id),
  period: Period,
  description: Type.String(),
  amount: Type.Integer(),
  paid: Type.Integer(),
  open: Type.Integer(),
  dueDate: DateString,
  caseId: Nullable(Id),
  status: Type.Enum(['open', 'paid', 'reversed']),
  reversalReason: Nullable(Type.String()),
  createdAt: DateTime,
})
export type Charge = Static<typeof Charge>
export const PostChargeBody = Type.Object(
  {
    customerId: Id,
    unitId: Type.Optional(Nullable(Id)),
    chargeItemId: Id,
    amount: Fen,
    description: Type.Optional(Text(200)),
    dueDate: Type.Optional(DateString),
    caseId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
)
export type PostChargeBody = Static<typeof PostChargeBody>
export const RefundCreditBody = Type.Object(
  { amount: Type.Optional(Fen), method: PaymentMethod, reason: Type.Optional(Text(200)) },
  { additionalProperties: false },
)
export const ReverseBody = Type.Object({ reason: Text(200, 2) }, { additionalProperties: false })
export const ChargeListQuery = Type.Object(
  {
    propertyId: Type.Optional(Id),
    customerId: Type.Optional(Id),
    billId: Type.Optional(Id),
    /** The case (a paid repair, a fit-out's debris-removal fee) the charges were posted for. */
    caseId: Type.Optional(Id),
    period: Type.Optional(Period),
    status: Type.Optional(Type.Enum(['open', 'paid', 'reversed'])),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
)
export type ChargeListQuery = Static<typeof ChargeListQuery>

export const Bill = Type.Object({
  id: Id,
  number: Type.String(),
  propertyId: Id,
  customerId: Id,
  customerName: Type.String(),
  period: Period,
  dueDate: DateString,
  total: Type.Integer(),
  paid: Type.Integer(),
  open: Type.Integer(),
  createdAt: DateTime,
})
export const BillListQuery = Type.Object(
  {
    propertyId: Type.Optional(Id),
    customerId: Type.Optional(Id),
    period: Type.Optional(Period),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
)
export type BillListQuery = Static<typeof BillListQuery>

export const Payment = Type.Object({
  id: Id,
  propertyId: Id,
  customerId: Id,
  customerName: Type.Optional(Type.String()),
  amount: Type.Integer(),
  allocated: Type.Integer(),
  method: PaymentMethod,
  receivedAt: DateTime,
  receiptNumber: Type.String(),
  reference: Type.String(),
  note: Type.String(),
  reversalOf: Nullable(Id),
  reversedBy: Nullable(Id),
  allocations: Type.Optional(Type.Array(Type.Object({ chargeId: Id, amount: Type.Integer() }))),
  createdAt: DateTime,
})
export type Payment = Static<typeof Payment>
export const RecordPaymentBody = Type.Object(
  {
    customerId: Id,
    amount: Fen,
    method: PaymentMethod,
    receivedAt: Type.Optional(DateTime),
    reference: Type.Optional(Text(100)),
    note: Type.Optional(Text(500)),
    /** Chosen charges; without it the payment goes to the oldest open charges. */
    allocations: Type.Optional(
      Type.Array(Type.Object({ chargeId: Id, amount: Fen }, { additionalProperties: false }), {
        minItems: 1,
        maxItems: 200,
      }),
    ),
  },
  { additionalProperties: false },
)
export type RecordPaymentBody = Static<typeof RecordPaymentBody>
export const PaymentListQuery = Type.Object(
  {
    propertyId: Type.Optional(Id),
    customerId: Type.Optional(Id),
    from: Type.Optional(DateTime),
    to: Type.Optional(DateTime),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
)
export type PaymentListQuery = Static<typeof PaymentListQuery>

export const Statement = Type.Object({
  customerId: Id,
  customerName: Type.String(),
  charged: Type.Integer(),
  paid: Type.Integer(),
  open: Type.Integer(),
  overdue: Type.Integer(),
  credit: Type.Integer(),
  balance: Type.Integer({
    description: 'open − credit: what the customer owes (negative: in credit)',
  }),
  depositsHeld: Type.Integer(),
  charges: Type.Array(Charge),
  payments: Type.Array(Payment),
})
export type Statement = Static<typeof Statement>

export const ArrearsRow = Type.Object({
  customerId: Id,
  customerName: Type.String(),
  units: Type.Array(Type.String()),
  current: Type.Integer(),
  d0_30: Type.Integer(),
  d31_90: Type.Integer(),
  d90_plus: Type.Integer(),
  total: Type.Integer(),
  oldestDue: DateString,
  lastReminder: Nullable(
    Type.Object({ level: Type.Enum(['first', 'second']), issuedAt: DateTime }),
  ),
})
export const ArrearsQuery = Type.Object({ propertyId: Id }, { additionalProperties: false })

export const Reminder = Type.Object({
  id: Id,
  number: Type.String(),
  customerId: Id,
  customerName: Type.Optional(Type.String()),
  level: Type.Enum(['first', 'second']),
  amount: Type.Integer(),
  lines: Type.Array(
    Type.Object({
      chargeId: Id,
      period: Type.String(),
      item: Type.String(),
      open: Type.Integer(),
      dueDate: DateString,
    }),
  ),
  issuedAt: DateTime,
})
export const IssueReminderBody = Type.Object(
  { level: Type.Enum(['first', 'second']) },
  { additionalProperties: false },
)

export const DepositEntry = Type.Object({
  id: Id,
  kind: Type.Enum(['received', 'deducted', 'refunded']),
  amount: Type.Integer(),
  method: Nullable(PaymentMethod),
  receiptNumber: Nullable(Type.String()),
  reason: Type.String(),
  caseId: Nullable(Id),
  at: DateTime,
})
export const Deposit = Type.Object({
  id: Id,
  propertyId: Id,
  customerId: Id,
  customerName: Type.String(),
  unitId: Nullable(Id),
  unitNumber: Nullable(Type.String()),
  type: DepositType,
  caseId: Nullable(Id),
  received: Type.Integer(),
  deducted: Type.Integer(),
  refunded: Type.Integer(),
  balance: Type.Integer(),
  refundDueOn: Nullable(DateString),
  version: Type.Integer(),
  entries: Type.Array(DepositEntry),
  createdAt: DateTime,
})
export type Deposit = Static<typeof Deposit>
export const ReceiveDepositBody = Type.Object(
  {
    customerId: Id,
    unitId: Type.Optional(Nullable(Id)),
    type: DepositType,
    amount: Fen,
    method: PaymentMethod,
    caseId: Type.Optional(Nullable(Id)),
    note: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
)
export type ReceiveDepositBody = Static<typeof ReceiveDepositBody>
export const DeductDepositBody = Type.Object(
  { amount: Fen, reason: Text(200, 2), caseId: Type.Optional(Nullable(Id)) },
  { additionalProperties: false },
)
export type DeductDepositBody = Static<typeof DeductDepositBody>
export const RefundDepositBody = Type.Object(
  { amount: Type.Optional(Fen), method: PaymentMethod, reason: Type.Optional(Text(200)) },
  { additionalProperties: false },
)
export type RefundDepositBody = Static<typeof RefundDepositBody>
export const ScheduleRefundBody = Type.Object(
  { reinspectedOn: DateString, version: Version },
  { additionalProperties: false },
)
export const DepositListQuery = Type.Object(
  {
    propertyId: Type.Optional(Id),
    customerId: Type.Optional(Id),
    /** The case the deposits were taken for (a fit-out's deposit ledger). */
    caseId: Type.Optional(Id),
    view: Type.Optional(Type.Enum(['held', 'refunds_due', 'all'])),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
)
export type DepositListQuery = Static<typeof DepositListQuery>

export const CollectionMonth = Type.Object({
  period: Period,
  due: Type.Integer(),
  collectedInPeriod: Type.Integer(),
  collectedToDate: Type.Integer(),
  arrearsRecovered: Type.Integer(),
  rateBp: Nullable(
    Type.Integer({ description: 'collected in period ÷ due, in basis points (9523 = 95.23%)' }),
  ),
  unitsBilled: Type.Integer(),
  unitsPaid: Type.Integer(),
  unitRateBp: Nullable(Type.Integer()),
})
export type CollectionMonth = Static<typeof CollectionMonth>
export const CollectionQuery = Type.Object(
  { propertyId: Id, from: Period, to: Period },
  { additionalProperties: false },
)
