import { sessionListSchema, type SessionItem } from '@taskwise/contracts/account'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiRequest } from '@/lib/api-client'
import { accountKeys } from './query-keys'

/** GET /api/auth/sessions: every device signed in to the account. */
export async function listSessions(signal?: AbortSignal): Promise<SessionItem[]> {
  const body = await apiRequest('/api/auth/sessions', signal ? { signal } : {})
  return sessionListSchema.parse(body).items
}

export const sessionsQueryOptions = queryOptions({
  queryKey: accountKeys.sessions,
  queryFn: ({ signal }) => listSessions(signal),
  // This device first, then the most recently active.
  select: (items: SessionItem[]) =>
    [...items].sort(
      (a, b) =>
        Number(b.current) - Number(a.current) || b.lastActiveAt.localeCompare(a.lastActiveAt),
    ),
})

export function useSessions() {
  return useQuery(sessionsQueryOptions)
}
