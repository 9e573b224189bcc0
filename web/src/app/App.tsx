import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from 'react-router'
import { LanguageProvider } from './i18n/LanguageProvider'
import { queryClient } from './query-client'
import { router } from './router'

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <RouterProvider router={router} />
      </LanguageProvider>
    </QueryClientProvider>
  )
}
