import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { client, compact, unwrap } from '../../api/client'
import type { ResponseOf } from '../../api/types'

export type Dashboard = ResponseOf<'/api/v1/dashboard', 'get'>
export type OpenTally = Dashboard['openCases']['byTypeAndState'][number]
export type DepartmentTally = Dashboard['openCases']['byDepartment'][number]

// One building's figures sit under the cases feature's prefix: the live stream's case events reload
// them as they reload the queues (useLiveEvents). All buildings' are not reloaded on every case
// change of the organisation (they read every building's month); money is not on the stream at
// all: both are read again every minute.
const REFRESH_MS = 60_000

/** 概览: a building's figures, or (propertyId undefined) every building of the caller's scope. */
export function useDashboard(
  propertyId: string | undefined,
  month: string | undefined,
  enabled: boolean,
) {
  return useQuery({
    queryKey: propertyId
      ? ['cases', 'dashboard', propertyId, month ?? 'current']
      : ['dashboard', 'all', month ?? 'current'],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/dashboard', {
          params: { query: compact({ propertyId, month }) },
          signal,
        }),
      ),
    enabled,
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  })
}
