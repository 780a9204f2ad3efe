import { createTaskClient } from '@taskwise/api-client/tasks'
import type { QueryClient } from '@tanstack/react-query'
import { cookies } from 'next/headers'
import { tasksQueryOptions } from '@/features/tasks/api/list-tasks'
import type { TaskFilters } from '@/features/tasks/task-filters'
import { jwtCookieFor } from '../auth/jwt-cookie'
import { getWebConfig } from '../config'

/** How long the dashboard's render waits for the api before it leaves the list to the browser. */
const PREFETCH_TIMEOUT_MS = 3_000

/**
 * Fetches the first page of the person's list for the dashboard's server render, with the very
 * query options the browser uses (its key, page size, cursor), straight from the api with the
 * person's JWT cookie as a Bearer token. The page then carries the tasks in its first HTML and
 * the browser starts from them (docs/decisions/0310-pages-fast-on-a-phone.md). Without a JWT
 * cookie, or when the api does not answer in time or refuses, nothing is prefetched: the browser
 * asks as before, and shows what went wrong as before.
 */
export async function prefetchTaskList(
  queryClient: QueryClient,
  userId: string,
  filters: TaskFilters,
): Promise<void> {
  const config = getWebConfig()
  const token = (await cookies()).get(jwtCookieFor(config.baseUrl).name)?.value
  if (!token) return
  const client = createTaskClient({
    baseUrl: config.apiUrl,
    token,
    fetch: (input) => {
      const request = input instanceof Request ? input : new Request(input)
      const timeout = AbortSignal.timeout(PREFETCH_TIMEOUT_MS)
      return fetch(new Request(request, { signal: AbortSignal.any([request.signal, timeout]) }))
    },
  })
  // Never throws: a failed prefetch leaves no entry, and the browser's query starts from scratch.
  await queryClient.prefetchInfiniteQuery({
    ...tasksQueryOptions(userId, filters, undefined, client),
    retry: false,
  })
}
