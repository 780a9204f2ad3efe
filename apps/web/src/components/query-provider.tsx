'use client'

import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'

/**
 * Data fetching for the signed-in pages, the only ones that fetch through TanStack Query: the
 * landing, sign-in and sign-up pages do not load the library (decision 0312). The client lives as
 * long as the signed-in layout: leaving it (signing out) discards every cached query with it.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }),
  )
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
}
