import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query'
import { client, compact, unwrap } from '../../api/client'
import type { paths } from '../../api/schema'
import type { ItemOf } from '../../api/types'

export type Notification = ItemOf<'/api/v1/notifications', 'get'>
/** One message of the live stream: its `event:` name and its JSON data. */
export type LiveEvent =
  paths['/api/v1/events']['get']['responses'][200]['content']['text/event-stream']
export type LiveData<E extends LiveEvent['event']> = Extract<LiveEvent, { event: E }>['data']

export const notificationsKey = ['notifications'] as const
const unreadKey = [...notificationsKey, 'unread-count'] as const
const listKey = [...notificationsKey, 'list'] as const

export function useUnreadCount() {
  return useQuery({
    queryKey: unreadKey,
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/notifications/unread-count', { signal })),
    select: (data) => data.unreadCount,
  })
}

/** The live stream knows the count first: it is set, not fetched again. */
export function setUnreadCount(queryClient: QueryClient, unreadCount: number) {
  queryClient.setQueryData(unreadKey, { unreadCount })
}

export function useNotifications(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: [...listKey, { unreadOnly }],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/notifications', {
          params: { query: compact({ unread: unreadOnly || undefined, cursor: pageParam }) },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
}

export function useMarkRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(client.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  })
}

export function useMarkAllRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => unwrap(client.POST('/api/v1/notifications/read-all')),
    onSuccess: async ({ unreadCount }) => {
      setUnreadCount(queryClient, unreadCount)
      await queryClient.invalidateQueries({ queryKey: listKey })
    },
  })
}
