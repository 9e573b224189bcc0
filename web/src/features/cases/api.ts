import {
  infiniteQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { client, compact, unwrap } from '../../api/client'
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../../api/types'

export type CaseSummary = ItemOf<'/api/v1/cases', 'get'>
export type CaseDetail = ResponseOf<'/api/v1/cases/{id}', 'get'>
export type CaseType = CaseSummary['type']
export type CasePriority = CaseSummary['priority']
export type CaseChannel = CaseSummary['channel']
export type DepartmentCode = NonNullable<CaseSummary['department']>
export type Deadline = CaseDetail['deadlines'][number]
export type TimelineEvent = CaseDetail['timeline'][number]
export type Attachment = CaseDetail['attachments'][number]
export type SignOff = CaseDetail['signOffs'][number]
export type AvailableAction = CaseDetail['availableActions'][number]
export type CaseBrief = CaseDetail['children'][number]
export type CreateCaseInput = BodyOf<'/api/v1/cases', 'post'>
export type CaseListQuery = QueryOf<'/api/v1/cases', 'get'>
export type CaseStatus = NonNullable<CaseListQuery['status']>
export type SavedView = ItemOf<'/api/v1/cases/views', 'get'>
export type AssignableStaff = ItemOf<'/api/v1/cases/assignable', 'get'>
export type MoveEntry = ItemOf<'/api/v1/cases/moves', 'get'>

// Checked against the schema both ways: a value added on the server fails to compile here.
const caseTypes = {
  complaint: true,
  repair: true,
  inquiry: true,
  incident: true,
  liaison: true,
  move_in: true,
  move_out: true,
  release: true,
  fit_out: true,
} satisfies Record<CaseType, true>
const priorities = { normal: true, urgent: true, emergency: true } satisfies Record<
  CasePriority,
  true
>
const channels = {
  phone: true,
  walk_in: true,
  portal: true,
  letter: true,
  internal: true,
  other: true,
} satisfies Record<CaseChannel, true>
const departments = {
  customer_service: true,
  engineering: true,
  security: true,
  finance: true,
  cleaning: true,
} satisfies Record<DepartmentCode, true>
export const CASE_TYPES = Object.keys(caseTypes) as CaseType[]
/** The types the desk registers on the intake form (a release slip mostly comes from a move-out). */
export const INTAKE_TYPES: CaseType[] = [
  'complaint',
  'repair',
  'inquiry',
  'incident',
  'liaison',
  'move_in',
  'move_out',
  'release',
  'fit_out',
]
export const CASE_PRIORITIES = Object.keys(priorities) as CasePriority[]
export const CASE_CHANNELS = Object.keys(channels) as CaseChannel[]
export const DEPARTMENTS = Object.keys(departments) as DepartmentCode[]

export const casesKey = ['cases'] as const
export const caseKey = (id: string) => [...casesKey, 'one', id] as const
const viewsKey = ['case-views'] as const

/** The queue: one page of cases after another, newest first (its loader asks for page one). */
export const casesQuery = (query: CaseListQuery) =>
  infiniteQueryOptions({
    queryKey: [...casesKey, 'list', query],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/cases', {
          params: { query: compact({ ...query, cursor: pageParam, limit: 50 }) },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })

export function useCases(query: CaseListQuery, enabled = true) {
  return useInfiniteQuery({ ...casesQuery(query), placeholderData: keepPreviousData, enabled })
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: ({ signal }) =>
      unwrap(client.GET('/api/v1/cases/{id}', { params: { path: { id } }, signal })),
    enabled: Boolean(id),
    // The steps one may take depend on the case as it is now: read it again on every opening.
    staleTime: 0,
  })
}

/** A write that answers with the whole case: cache it, refresh the queues. */
function useCaseWrite<I>(fn: (input: I) => Promise<CaseDetail>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: async (detail) => {
      queryClient.setQueryData(caseKey(detail.id), detail)
      await queryClient.invalidateQueries({ queryKey: [...casesKey, 'list'] })
    },
  })
}

export const useCreateCase = () =>
  useCaseWrite((body: CreateCaseInput) => unwrap(client.POST('/api/v1/cases', { body })))

/** Takes one of the case's availableActions: its input and the version it was read at. */
export const useCaseAction = (id: string) =>
  useCaseWrite(({ action, input, version }: { action: string; input: object; version: number }) =>
    unwrap(
      client.POST('/api/v1/cases/{id}/actions/{action}', {
        params: { path: { id, action } },
        body: { ...input, version },
      }),
    ),
  )

/** Comments and attachments add to the timeline: read the case again. */
function useCaseAddition<I, O>(id: string, fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKey(id) }),
  })
}

export const useAddComment = (id: string) =>
  useCaseAddition(id, (body: BodyOf<'/api/v1/cases/{id}/comments', 'post'>) =>
    unwrap(client.POST('/api/v1/cases/{id}/comments', { params: { path: { id } }, body })),
  )

export const useUploadAttachment = (id: string) =>
  useCaseAddition(id, ({ file, visibleToCustomer }: { file: File; visibleToCustomer: boolean }) => {
    const form = new FormData()
    form.append('visibleToCustomer', String(visibleToCustomer))
    form.append('file', file)
    return unwrap(
      client.POST('/api/v1/cases/{id}/attachments', {
        params: { path: { id } },
        // The route takes multipart/form-data, which the OpenAPI document does not describe;
        // openapi-fetch passes FormData through and the browser sets the boundary.
        body: form as never,
      }),
    )
  })

/** The contact's phone in clear; the server records who looked. */
export function useRevealContact(id: string) {
  return useMutation({
    mutationFn: () =>
      unwrap(client.POST('/api/v1/cases/{id}/reveal-contact', { params: { path: { id } } })),
  })
}

/** The sheets of a case that can be printed; the audit log names which one. */
export type PrintedDocument = 'record' | 'settlement' | 'release_slip' | 'pass_cards' | 'permit'

/** Records that a sheet of the case was printed (customer data on paper is audited). */
export function useRecordPrint() {
  return useMutation({
    mutationFn: ({ id, document }: { id: string; document: PrintedDocument }) =>
      unwrap(
        client.POST('/api/v1/cases/{id}/print', {
          params: { path: { id }, query: { document } },
        }),
      ),
  })
}

export const attachmentUrl = (caseId: string, attachmentId: string) =>
  `/api/v1/cases/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(attachmentId)}`

// ——— saved views, staff to dispatch to ———

export function useSavedViews() {
  return useQuery({
    queryKey: viewsKey,
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/cases/views', { signal })),
    select: (data) => data.items,
  })
}

export function useSaveView() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<'/api/v1/cases/views', 'post'>) =>
      unwrap(client.POST('/api/v1/cases/views', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewsKey }),
  })
}

export function useDeleteView() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(client.DELETE('/api/v1/cases/views/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewsKey }),
  })
}

export function useAssignable(propertyId: string, department: DepartmentCode | undefined) {
  return useQuery({
    queryKey: ['case-assignable', propertyId, department],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/cases/assignable', {
          params: { query: compact({ propertyId, department }) },
          signal,
        }),
      ),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  })
}

/** 客户入驻/迁出日历: a building's moves whose day lies in [from, to] (YYYY-MM-DD). */
export function useMoves(propertyId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: [...casesKey, 'moves', propertyId, from, to],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/cases/moves', {
          params: { query: { propertyId: propertyId ?? '', from, to } },
          signal,
        }),
      ),
    select: (data) => data.items,
    enabled: Boolean(propertyId),
    placeholderData: keepPreviousData,
  })
}
