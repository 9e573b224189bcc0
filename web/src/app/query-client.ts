import { QueryCache, QueryClient } from '@tanstack/react-query'
import { isApiError, setUnauthorizedHandler } from '../api/client'
import { meKey } from '../features/identity/api'

/** The one query cache of the console: the router's loaders fill it before a page renders. */
export const queryClient = new QueryClient({
  queryCache: new QueryCache(),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again.
      retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
    },
  },
})

// A lost session anywhere: forget the user; RequireAuth then sends them to /login.
setUnauthorizedHandler(() => {
  void queryClient.cancelQueries()
  queryClient.setQueryData(meKey, null)
})
