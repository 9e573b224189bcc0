import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from 'react-router'
import { isApiError, setUnauthorizedHandler } from '../api/client'
import { meKey } from '../features/identity/api'
import { LanguageProvider } from './i18n/LanguageProvider'
import { router } from './router'

const queryClient = new QueryClient({
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

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <RouterProvider router={router} />
      </LanguageProvider>
    </QueryClientProvider>
  )
}
