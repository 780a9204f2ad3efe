import { activityListSchema, type ActivityItem } from '@taskwise/contracts/account'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiRequest } from '@/lib/api-client'
import { accountKeys } from './query-keys'

/** GET /api/auth/activity: what happened to the account, newest first, for 90 days. */
export async function listActivity(signal?: AbortSignal): Promise<ActivityItem[]> {
  const body = await apiRequest('/api/auth/activity', signal ? { signal } : {})
  return activityListSchema.parse(body).items
}

export const activityQueryOptions = queryOptions({
  queryKey: accountKeys.activity,
  queryFn: ({ signal }) => listActivity(signal),
})

export function useActivity() {
  return useQuery(activityQueryOptions)
}
