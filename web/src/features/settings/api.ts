import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { client, unwrap } from '../../api/client'
import type { BodyOf, ItemOf, ResponseOf } from '../../api/types'

export type DeadlinePolicy = ItemOf<'/api/v1/settings/deadline-policies', 'get'>
export type CaseType = DeadlinePolicy['caseType']
export type CasePriority = DeadlinePolicy['priority']
export type PolicyInput = BodyOf<'/api/v1/settings/deadline-policies/{caseType}/{priority}', 'put'>
export type CalendarView = ResponseOf<'/api/v1/settings/calendars/{propertyId}', 'get'>
export type CalendarSettings = CalendarView['calendar']
export type CalendarDay = CalendarView['days'][number]
export type DayKind = CalendarDay['kind']
export type CalendarPatch = BodyOf<'/api/v1/settings/calendars/{propertyId}', 'patch'>
export type DayInput = BodyOf<'/api/v1/settings/calendars/{propertyId}/days/{date}', 'put'>
export type ImportResult = ResponseOf<
  '/api/v1/settings/calendars/{propertyId}/import-official',
  'post'
>

const settingsKey = ['settings'] as const

/** A settings write: refresh every settings query (policies and calendars are small). */
function useSettingsWrite<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: settingsKey }),
  })
}

// ——— deadline policies ———

export function useDeadlinePolicies() {
  return useQuery({
    queryKey: [...settingsKey, 'deadline-policies'],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/settings/deadline-policies', { signal })),
    select: (data) => data.items,
  })
}

export const useSetDeadlinePolicy = () =>
  useSettingsWrite(
    ({
      caseType,
      priority,
      body,
    }: {
      caseType: CaseType
      priority: CasePriority
      body: PolicyInput
    }) =>
      unwrap(
        client.PUT('/api/v1/settings/deadline-policies/{caseType}/{priority}', {
          params: { path: { caseType, priority } },
          body,
        }),
      ),
  )

// ——— working calendars ———

export function useCalendar(propertyId: string | undefined, year: number) {
  return useQuery({
    queryKey: [...settingsKey, 'calendar', propertyId, year],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/settings/calendars/{propertyId}', {
          params: { path: { propertyId: propertyId ?? '' }, query: { year } },
          signal,
        }),
      ),
    enabled: Boolean(propertyId),
    placeholderData: keepPreviousData,
  })
}

export const useUpdateCalendar = () =>
  useSettingsWrite(({ propertyId, body }: { propertyId: string; body: CalendarPatch }) =>
    unwrap(
      client.PATCH('/api/v1/settings/calendars/{propertyId}', {
        params: { path: { propertyId } },
        body,
      }),
    ),
  )

export const useSetCalendarDay = () =>
  useSettingsWrite(
    ({ propertyId, date, body }: { propertyId: string; date: string; body: DayInput }) =>
      unwrap(
        client.PUT('/api/v1/settings/calendars/{propertyId}/days/{date}', {
          params: { path: { propertyId, date } },
          body,
        }),
      ),
  )

export const useRemoveCalendarDay = () =>
  useSettingsWrite(({ propertyId, date }: { propertyId: string; date: string }) =>
    unwrap(
      client.DELETE('/api/v1/settings/calendars/{propertyId}/days/{date}', {
        params: { path: { propertyId, date } },
      }),
    ),
  )

export const useImportOfficialDays = () =>
  useSettingsWrite(({ propertyId, year }: { propertyId: string; year: number }) =>
    unwrap(
      client.POST('/api/v1/settings/calendars/{propertyId}/import-official', {
        params: { path: { propertyId } },
        body: { year },
      }),
    ),
  )
