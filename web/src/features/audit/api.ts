import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { client, compact, unwrap } from '../../api/client'
import type { ItemOf, QueryOf } from '../../api/types'

export type AuditEntry = ItemOf<'/api/v1/audit', 'get'>
export type AuditFilters = Omit<QueryOf<'/api/v1/audit', 'get'>, 'cursor' | 'limit'>

export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/audit', {
          params: { query: compact({ ...filters, cursor: pageParam }) },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  })
}
