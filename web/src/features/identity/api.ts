import {
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { client, compact, isApiError, unwrap } from '../../api/client'
import type { BodyOf, ItemOf, ResponseOf } from '../../api/types'
import { discardEarlyMe, takeEarlyMe } from './early-me'

export type Me = ResponseOf<'/api/v1/me', 'get'>
export type PropertyRef = Me['properties'][number]
export type Department = NonNullable<Me['department']>
export type UserKind = Me['kind']
export type LoginInput = BodyOf<'/api/v1/auth/login', 'post'>
export type ChangePasswordInput = BodyOf<'/api/v1/me/password', 'post'>
export type User = ItemOf<'/api/v1/users', 'get'>
export type CreateUserInput = BodyOf<'/api/v1/users', 'post'>
export type UpdateUserInput = BodyOf<'/api/v1/users/{id}', 'patch'>
export type Role = ItemOf<'/api/v1/roles', 'get'>
export type Permission = ItemOf<'/api/v1/permissions', 'get'>

export const meKey = ['me'] as const

/** The signed-in user, or null when there is no session (the router's loader asks it first). */
export const meQuery = queryOptions({
  queryKey: meKey,
  queryFn: async ({ signal }): Promise<Me | null> => {
    const early = await takeEarlyMe<Me>()
    if (early) return early.me
    try {
      return await unwrap(client.GET('/api/v1/me', { signal }), { redirectOn401: false })
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null
      throw error
    }
  },
  staleTime: 5 * 60_000,
  retry: false,
})

export function useMe() {
  return useQuery(meQuery)
}

export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: LoginInput) =>
      unwrap(client.POST('/api/v1/auth/login', { body }), { redirectOn401: false }),
    onSuccess: ({ user }) => {
      discardEarlyMe()
      queryClient.clear()
      queryClient.setQueryData(meKey, user)
    },
  })
}

export function useLogout() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => unwrap(client.POST('/api/v1/auth/logout'), { redirectOn401: false }),
    onSettled: () => {
      discardEarlyMe()
      queryClient.clear()
      queryClient.setQueryData(meKey, null)
    },
  })
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordInput) => unwrap(client.POST('/api/v1/me/password', { body })),
  })
}

// Users ------------------------------------------------------------------

const usersKey = ['users'] as const

export function useUsers(q: string) {
  return useInfiniteQuery({
    queryKey: [...usersKey, { q }],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/users', {
          params: { query: compact({ q, cursor: pageParam }) },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
}

function useUserMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  })
}

export const useCreateUser = () =>
  useUserMutation((body: CreateUserInput) => unwrap(client.POST('/api/v1/users', { body })))

export const useUpdateUser = () =>
  useUserMutation(({ id, ...body }: UpdateUserInput & { id: string }) =>
    unwrap(client.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
  )

export const useResetPassword = () =>
  useUserMutation(({ id, password }: { id: string; password: string }) =>
    unwrap(
      client.POST('/api/v1/users/{id}/password', { params: { path: { id } }, body: { password } }),
    ),
  )

export const useUnlockUser = () =>
  useUserMutation((id: string) =>
    unwrap(client.POST('/api/v1/users/{id}/unlock', { params: { path: { id } } })),
  )

export function useDepartments() {
  return useQuery({
    queryKey: ['departments'],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/departments', { signal })),
    staleTime: Infinity,
    select: (data) => data.items,
  })
}

// Roles and permissions --------------------------------------------------

const rolesKey = ['roles'] as const

export function useRoles() {
  return useQuery({
    queryKey: rolesKey,
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/roles', { signal })),
    select: (data) => data.items,
  })
}

export function usePermissions() {
  return useQuery({
    queryKey: ['permissions'],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/permissions', { signal })),
    staleTime: Infinity,
    select: (data) => data.items,
  })
}

export type SaveRoleInput =
  | ({ id?: undefined } & BodyOf<'/api/v1/roles', 'post'>)
  | ({ id: string } & BodyOf<'/api/v1/roles/{id}', 'patch'>)

export function useSaveRole() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: SaveRoleInput) => {
      if (input.id === undefined) {
        const { id: _, ...body } = input
        return unwrap(client.POST('/api/v1/roles', { body }))
      }
      const { id, ...body } = input
      return unwrap(client.PATCH('/api/v1/roles/{id}', { params: { path: { id } }, body }))
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rolesKey }),
  })
}
