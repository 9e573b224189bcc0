import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { client, compact, unwrap } from '../../api/client'
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../../api/types'

export type CustomerSummary = ItemOf<'/api/v1/customers', 'get'>
export type Customer = ResponseOf<'/api/v1/customers/{id}', 'get'>
export type CustomerKind = Customer['kind']
export type Contact = Customer['contacts'][number]
export type Occupancy = Customer['occupancies'][number]
export type Revealed = ResponseOf<'/api/v1/customers/{id}/reveal', 'post'>
export type CreateCustomerInput = BodyOf<'/api/v1/customers', 'post'>
export type UpdateCustomerInput = BodyOf<'/api/v1/customers/{id}', 'patch'>
export type ContactInput = NonNullable<CreateCustomerInput['contacts']>[number]
export type OccupancyInput = BodyOf<'/api/v1/customers/{id}/occupancies', 'post'>
export type CustomerFilters = Pick<QueryOf<'/api/v1/customers', 'get'>, 'q' | 'kind'>

const customerKinds = { company: true, person: true } satisfies Record<CustomerKind, true>
const occupantRoles = { owner: true, tenant: true } satisfies Record<Occupancy['role'], true>
export const CUSTOMER_KINDS = Object.keys(customerKinds) as CustomerKind[]
export const OCCUPANT_ROLES = Object.keys(occupantRoles) as Occupancy['role'][]

const customersKey = ['customers'] as const
const customerKey = (id: string) => [...customersKey, 'one', id] as const

export function useCustomers(propertyId: string | undefined, filters: CustomerFilters) {
  return useInfiniteQuery({
    queryKey: [...customersKey, 'list', propertyId, filters],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/customers', {
          params: { query: compact({ propertyId, ...filters, cursor: pageParam, limit: 50 }) },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(propertyId),
    placeholderData: keepPreviousData,
  })
}

/** Customers matching typed text, for pickers (e.g. linking a customer account). */
export function useCustomerSearch(q: string, propertyId?: string) {
  return useQuery({
    queryKey: [...customersKey, 'search', propertyId, q],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/customers', {
          params: { query: compact({ propertyId, q, limit: 20 }) },
          signal,
        }),
      ),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  })
}

export function useCustomer(id: string | undefined) {
  return useQuery({
    queryKey: customerKey(id ?? ''),
    queryFn: ({ signal }) =>
      unwrap(client.GET('/api/v1/customers/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: Boolean(id),
  })
}

/** Every write answers with the whole customer: put it in the cache, refresh the lists. */
function useCustomerWrite<I>(fn: (input: I) => Promise<Customer>, touchesUnits = false) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: async (customer) => {
      queryClient.setQueryData(customerKey(customer.id), customer)
      await queryClient.invalidateQueries({ queryKey: [...customersKey, 'list'] })
      if (touchesUnits) await queryClient.invalidateQueries({ queryKey: ['org'] })
    },
  })
}

export const useCreateCustomer = () =>
  useCustomerWrite((body: CreateCustomerInput) =>
    unwrap(client.POST('/api/v1/customers', { body })),
  )

export const useUpdateCustomer = (id: string) =>
  useCustomerWrite((body: UpdateCustomerInput) =>
    unwrap(client.PATCH('/api/v1/customers/{id}', { params: { path: { id } }, body })),
  )

export function useDeleteCustomer() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(client.DELETE('/api/v1/customers/{id}', { params: { path: { id } } })),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: customerKey(id) })
      return queryClient.invalidateQueries({ queryKey: [...customersKey, 'list'] })
    },
  })
}

/** Full phone and ID number; the server records who looked. */
export function useRevealCustomer(id: string) {
  return useMutation({
    mutationFn: () =>
      unwrap(client.POST('/api/v1/customers/{id}/reveal', { params: { path: { id } } })),
  })
}

export const useAddOccupancy = (customerId: string) =>
  useCustomerWrite(
    (body: OccupancyInput) =>
      unwrap(
        client.POST('/api/v1/customers/{id}/occupancies', {
          params: { path: { id: customerId } },
          body,
        }),
      ),
    true,
  )

export const useEndOccupancy = () =>
  useCustomerWrite(
    ({ id, ...body }: { id: string; toDate: string; version: number }) =>
      unwrap(client.POST('/api/v1/occupancies/{id}/end', { params: { path: { id } }, body })),
    true,
  )
