import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { client, compact, idempotent, unwrap } from '../../api/client'
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../../api/types'

export type Bill = ItemOf<'/api/v1/billing/bills', 'get'>
export type Charge = ItemOf<'/api/v1/billing/charges', 'get'>
export type Payment = ItemOf<'/api/v1/billing/payments', 'get'>
export type Deposit = ItemOf<'/api/v1/billing/deposits', 'get'>
export type DepositEntry = Deposit['entries'][number]
export type ArrearsRow = ItemOf<'/api/v1/billing/arrears', 'get'>
export type Reminder = ResponseOf<'/api/v1/billing/reminders/{id}', 'get'>
export type Statement = ResponseOf<'/api/v1/billing/customers/{id}/statement', 'get'>
export type CollectionMonth = ItemOf<'/api/v1/billing/collection-rate', 'get'>
export type ChargeItem = ItemOf<'/api/v1/billing/charge-items', 'get'>
export type Rate = ItemOf<'/api/v1/billing/rates', 'get'>
export type BillRunResult = ResponseOf<'/api/v1/billing/bill-runs', 'post'>
export type RecordPaymentInput = BodyOf<'/api/v1/billing/payments', 'post'>
export type PostChargeInput = BodyOf<'/api/v1/billing/charges', 'post'>
export type ReceiveDepositInput = BodyOf<'/api/v1/billing/deposits', 'post'>
export type DeductDepositInput = BodyOf<'/api/v1/billing/deposits/{id}/deduct', 'post'>
export type RefundDepositInput = BodyOf<'/api/v1/billing/deposits/{id}/refund', 'post'>
export type CreateChargeItemInput = BodyOf<'/api/v1/billing/charge-items', 'post'>
export type UpdateChargeItemInput = BodyOf<'/api/v1/billing/charge-items/{id}', 'patch'>
export type CreateRateInput = BodyOf<'/api/v1/billing/rates', 'post'>
export type DepositView = NonNullable<QueryOf<'/api/v1/billing/deposits', 'get'>['view']>
export type PaymentMethod = Payment['method']
export type DepositType = Deposit['type']
export type ChargeKind = ChargeItem['kind']
export type RateBasis = Rate['basis']
export type ReminderLevel = Reminder['level']
export type ExportTable =
  'bills' | 'charges' | 'payments' | 'arrears' | 'deposits' | 'refunds-due' | 'collection-rate'

const paymentMethods = {
  cash: true,
  bank_transfer: true,
  card: true,
  wechat_pay: true,
  alipay: true,
} satisfies Record<PaymentMethod, true>
const depositTypes = { fit_out: true, pass: true, lease: true } satisfies Record<DepositType, true>
const chargeKinds = {
  management_fee: true,
  fixed_fee: true,
  utility: true,
  compensation: true,
  paid_repair: true,
  late_fee: true,
} satisfies Record<ChargeKind, true>
const rateBases = {
  per_m2_month: true,
  fixed: true,
  basis_points_per_day: true,
} satisfies Record<RateBasis, true>
export const PAYMENT_METHODS = Object.keys(paymentMethods) as PaymentMethod[]
export const DEPOSIT_TYPES = Object.keys(depositTypes) as DepositType[]
export const CHARGE_KINDS = Object.keys(chargeKinds) as ChargeKind[]
export const RATE_BASES = Object.keys(rateBases) as RateBasis[]

const billingKey = ['billing'] as const

/** Every money write can change every billing figure: refresh them all. */
function useBillingWrite<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: billingKey }),
  })
}

/** The input of a money POST: the body and the Idempotency-Key of this form opening. */
type Keyed<B> = { key: string; body: B }

// ——— bills ———

export function useBills(propertyId: string | undefined, period: string | undefined) {
  return useInfiniteQuery({
    queryKey: [...billingKey, 'bills', propertyId, period],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/billing/bills', {
          params: { query: compact({ propertyId, period, cursor: pageParam, limit: 50 }) },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(propertyId),
    placeholderData: keepPreviousData,
  })
}

export const useBillRun = () =>
  useBillingWrite((body: BodyOf<'/api/v1/billing/bill-runs', 'post'>) =>
    unwrap(client.POST('/api/v1/billing/bill-runs', { body })),
  )

// ——— charges ———

export function useOpenCharges(customerId: string | undefined) {
  return useQuery({
    queryKey: [...billingKey, 'charges', 'open', customerId],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/billing/charges', {
          params: { query: { customerId, status: 'open', limit: 200 } },
          signal,
        }),
      ),
    select: (data) => data.items,
    enabled: Boolean(customerId),
  })
}

export const usePostCharge = () =>
  useBillingWrite(({ key, body }: Keyed<PostChargeInput>) =>
    unwrap(client.POST('/api/v1/billing/charges', { params: { header: idempotent(key) }, body })),
  )

export const useReverseCharge = () =>
  useBillingWrite(({ key, id, reason }: { key: string; id: string; reason: string }) =>
    unwrap(
      client.POST('/api/v1/billing/charges/{id}/reverse', {
        params: { path: { id }, header: idempotent(key) },
        body: { reason },
      }),
    ),
  )

// ——— payments ———

export function usePayments(propertyId: string | undefined) {
  return useInfiniteQuery({
    queryKey: [...billingKey, 'payments', propertyId],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/billing/payments', {
          params: { query: compact({ propertyId, cursor: pageParam, limit: 50 }) },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(propertyId),
    placeholderData: keepPreviousData,
  })
}

export const useRecordPayment = () =>
  useBillingWrite(({ key, body }: Keyed<RecordPaymentInput>) =>
    unwrap(client.POST('/api/v1/billing/payments', { params: { header: idempotent(key) }, body })),
  )

export const useReversePayment = () =>
  useBillingWrite(({ key, id, reason }: { key: string; id: string; reason: string }) =>
    unwrap(
      client.POST('/api/v1/billing/payments/{id}/reverse', {
        params: { path: { id }, header: idempotent(key) },
        body: { reason },
      }),
    ),
  )

export const useApplyCredit = () =>
  useBillingWrite(({ key, customerId }: { key: string; customerId: string }) =>
    unwrap(
      client.POST('/api/v1/billing/customers/{id}/apply-credit', {
        params: { path: { id: customerId }, header: idempotent(key) },
      }),
    ),
  )

export const useRefundCredit = () =>
  useBillingWrite(
    ({ key, customerId, method }: { key: string; customerId: string; method: PaymentMethod }) =>
      unwrap(
        client.POST('/api/v1/billing/customers/{id}/refund-credit', {
          params: { path: { id: customerId }, header: idempotent(key) },
          body: { method },
        }),
      ),
  )

// ——— statement, arrears, reminders ———

export function useStatement(customerId: string | undefined) {
  return useQuery({
    queryKey: [...billingKey, 'statement', customerId],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/billing/customers/{id}/statement', {
          params: { path: { id: customerId ?? '' } },
          signal,
        }),
      ),
    enabled: Boolean(customerId),
  })
}

/** H-MO-3, H-MO-6: what a customer still owes, their credit and deposits, and whether settled. */
export function useSettlement(customerId: string | undefined) {
  return useQuery({
    queryKey: [...billingKey, 'settlement', customerId],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/billing/customers/{id}/settlement', {
          params: { path: { id: customerId ?? '' } },
          signal,
        }),
      ),
    enabled: Boolean(customerId),
  })
}

export function useReminders(customerId: string | undefined) {
  return useQuery({
    queryKey: [...billingKey, 'reminders', customerId],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/billing/customers/{id}/reminders', {
          params: { path: { id: customerId ?? '' } },
          signal,
        }),
      ),
    select: (data) => data.items,
    enabled: Boolean(customerId),
  })
}

export function useReminder(id: string | undefined) {
  return useQuery({
    queryKey: [...billingKey, 'reminder', id],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/billing/reminders/{id}', {
          params: { path: { id: id ?? '' } },
          signal,
        }),
      ),
    enabled: Boolean(id),
  })
}

export const useIssueReminder = () =>
  useBillingWrite(
    ({ key, customerId, level }: { key: string; customerId: string; level: ReminderLevel }) =>
      unwrap(
        client.POST('/api/v1/billing/customers/{id}/reminders', {
          params: { path: { id: customerId }, header: idempotent(key) },
          body: { level },
        }),
      ),
  )

export function useArrears(propertyId: string | undefined) {
  return useQuery({
    queryKey: [...billingKey, 'arrears', propertyId],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/billing/arrears', {
          params: { query: { propertyId: propertyId ?? '' } },
          signal,
        }),
      ),
    select: (data) => data.items,
    enabled: Boolean(propertyId),
  })
}

// ——— deposits ———

export function useDeposits(propertyId: string | undefined, view: DepositView) {
  return useInfiniteQuery({
    queryKey: [...billingKey, 'deposits', propertyId, view],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/billing/deposits', {
          params: { query: compact({ propertyId, view, cursor: pageParam, limit: 50 }) },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(propertyId),
    placeholderData: keepPreviousData,
  })
}

/** One customer's deposits (all of them, or those still held), with their ledgers. */
export function useCustomerDeposits(customerId: string | undefined, view: DepositView = 'all') {
  return useQuery({
    queryKey: [...billingKey, 'deposits', 'customer', customerId, view],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/billing/deposits', {
          params: { query: { customerId, view, limit: 500 } },
          signal,
        }),
      ),
    select: (data) => data.items,
    enabled: Boolean(customerId),
  })
}

export function useDeposit(id: string | undefined) {
  return useQuery({
    queryKey: [...billingKey, 'deposit', id],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/billing/deposits/{id}', { params: { path: { id: id ?? '' } }, signal }),
      ),
    enabled: Boolean(id),
  })
}

export const useReceiveDeposit = () =>
  useBillingWrite(({ key, body }: Keyed<ReceiveDepositInput>) =>
    unwrap(client.POST('/api/v1/billing/deposits', { params: { header: idempotent(key) }, body })),
  )

export const useDeductDeposit = () =>
  useBillingWrite(({ key, id, body }: Keyed<DeductDepositInput> & { id: string }) =>
    unwrap(
      client.POST('/api/v1/billing/deposits/{id}/deduct', {
        params: { path: { id }, header: idempotent(key) },
        body,
      }),
    ),
  )

export const useRefundDeposit = () =>
  useBillingWrite(({ key, id, body }: Keyed<RefundDepositInput> & { id: string }) =>
    unwrap(
      client.POST('/api/v1/billing/deposits/{id}/refund', {
        params: { path: { id }, header: idempotent(key) },
        body,
      }),
    ),
  )

// ——— collection rate ———

export function useCollectionRate(propertyId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: [...billingKey, 'collection-rate', propertyId, from, to],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/billing/collection-rate', {
          params: { query: { propertyId: propertyId ?? '', from, to } },
          signal,
        }),
      ),
    select: (data) => data.items,
    enabled: Boolean(propertyId),
  })
}

// ——— configuration ———

export function useChargeItems() {
  return useQuery({
    queryKey: [...billingKey, 'charge-items'],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/billing/charge-items', { signal })),
    select: (data) => data.items,
  })
}

export const useCreateChargeItem = () =>
  useBillingWrite((body: CreateChargeItemInput) =>
    unwrap(client.POST('/api/v1/billing/charge-items', { body })),
  )

export const useUpdateChargeItem = () =>
  useBillingWrite(({ id, body }: { id: string; body: UpdateChargeItemInput }) =>
    unwrap(client.PATCH('/api/v1/billing/charge-items/{id}', { params: { path: { id } }, body })),
  )

export function useRates(propertyId: string | undefined) {
  return useQuery({
    queryKey: [...billingKey, 'rates', propertyId],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/billing/rates', {
          params: { query: { propertyId: propertyId ?? '' } },
          signal,
        }),
      ),
    select: (data) => data.items,
    enabled: Boolean(propertyId),
  })
}

export const useCreateRate = () =>
  useBillingWrite((body: CreateRateInput) => unwrap(client.POST('/api/v1/billing/rates', { body })))

// ——— exports ———

/** The download address of a table as an Excel workbook; the session cookie authorises it. */
export function exportUrl(table: ExportTable, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value)
  return `/api/v1/billing/exports/${table}?${params.toString()}`
}
