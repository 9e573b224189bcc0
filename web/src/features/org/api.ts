import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { client, compact, unwrap } from '../../api/client'
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../../api/types'

export type Floor = ItemOf<'/api/v1/properties/{propertyId}/floors', 'get'>
export type Unit = ResponseOf<'/api/v1/units/{id}', 'get'>
export type UnitKind = Unit['kind']
export type UnitStatus = Unit['status']
export type OccupantRole = Unit['occupants'][number]['role']
export type FloorInput = BodyOf<'/api/v1/properties/{propertyId}/floors', 'post'>
export type UnitInput = BodyOf<'/api/v1/units', 'post'>
export type UnitFilters = Pick<QueryOf<'/api/v1/units', 'get'>, 'floorId' | 'status' | 'kind' | 'q'>

// Checked against the schema both ways: a value added on the server fails to compile here.
const unitKinds = { apartment: true, office: true } satisfies Record<UnitKind, true>
const unitStatuses = { vacant: true, occupied: true, fitting_out: true } satisfies Record<
  UnitStatus,
  true
>
export const UNIT_KINDS = Object.keys(unitKinds) as UnitKind[]
export const UNIT_STATUSES = Object.keys(unitStatuses) as UnitStatus[]

const orgKey = ['org'] as const
const unitsKey = [...orgKey, 'units'] as const

export function useProperties(enabled = true) {
  return useQuery({
    queryKey: [...orgKey, 'properties'],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/properties', { signal })),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
    enabled,
  })
}

export function useFloors(propertyId: string | undefined) {
  return useQuery({
    queryKey: [...orgKey, 'floors', propertyId],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/properties/{propertyId}/floors', {
          params: { path: { propertyId: propertyId ?? '' } },
          signal,
        }),
      ),
    select: (data) => data.items,
    enabled: Boolean(propertyId),
  })
}

// A building has a few hundred units; the page fetches them in large pages.
const UNIT_PAGE = 200

export function useUnits(propertyId: string | undefined, filters: UnitFilters) {
  return useInfiniteQuery({
    queryKey: [...unitsKey, 'list', propertyId, filters],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/units', {
          params: {
            query: compact({ propertyId, ...filters, cursor: pageParam, limit: UNIT_PAGE }),
          },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(propertyId),
    placeholderData: keepPreviousData,
  })
}

/** Units matching a typed number, for pickers. */
export function useUnitSearch(propertyId: string | undefined, q: string) {
  return useQuery({
    queryKey: [...unitsKey, 'search', propertyId, q],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/units', {
          params: { query: compact({ propertyId, q, limit: 20 }) },
          signal,
        }),
      ),
    select: (data) => data.items,
    enabled: Boolean(propertyId),
    placeholderData: keepPreviousData,
  })
}

export function useUnit(id: string | undefined) {
  return useQuery({
    queryKey: [...unitsKey, 'one', id],
    queryFn: ({ signal }) =>
      unwrap(client.GET('/api/v1/units/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: Boolean(id),
  })
}

export type SaveFloorInput = FloorInput & { id?: string; version?: number }

export function useSaveFloor(propertyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, version, ...body }: SaveFloorInput) =>
      id !== undefined && version !== undefined
        ? unwrap(
            client.PATCH('/api/v1/floors/{id}', {
              params: { path: { id } },
              body: { ...body, version },
            }),
          )
        : unwrap(
            client.POST('/api/v1/properties/{propertyId}/floors', {
              params: { path: { propertyId } },
              body,
            }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKey }),
  })
}

export function useDeleteFloor() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(client.DELETE('/api/v1/floors/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKey }),
  })
}

export function useDeleteUnit() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(client.DELETE('/api/v1/units/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKey }),
  })
}

export type SaveUnitInput = UnitInput & { id?: string; version?: number }

export function useSaveUnit() {
  const queryClient = useQueryClient()
  return useMutation({
    // A unit does not move between floors: the change carries no floorId.
    mutationFn: ({ id, version, floorId, ...rest }: SaveUnitInput) =>
      id !== undefined && version !== undefined
        ? unwrap(
            client.PATCH('/api/v1/units/{id}', {
              params: { path: { id } },
              body: { ...rest, version },
            }),
          )
        : unwrap(client.POST('/api/v1/units', { body: { floorId, ...rest } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKey }),
  })
}
