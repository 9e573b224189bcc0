import type { QueryClient } from '@tanstack/react-query'
import { chosenProperty } from '../../app/property/chosen-property'
import { meQuery } from '../identity/api'
import { casesQuery } from './api'
import { queueFilters } from './queue-query'

/**
 * The queue's first page, asked for as soon as the route is entered: beside the page's code rather
 * than after it has rendered. The promise settles when the page is in the cache (or failed: the
 * page then asks again and shows the error).
 */
export async function prefetchQueue(queryClient: QueryClient, url: URL): Promise<void> {
  const me = await queryClient.fetchQuery(meQuery).catch(() => null)
  if (!me) return
  const { query, enabled } = queueFilters(me, url.searchParams, chosenProperty(me.properties)?.id)
  if (enabled) await queryClient.prefetchInfiniteQuery(casesQuery(query))
}
