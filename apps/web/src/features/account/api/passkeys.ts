import type { ReauthenticateBody } from '@taskwise/contracts/account'
import {
  passkeyItemSchema,
  passkeyListSchema,
  type PasskeyItem,
  type PasskeyRenameBody,
} from '@taskwise/contracts/passkeys'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiRequest } from '@/lib/api-client'
import { accountKeys } from './query-keys'

/** GET /api/auth/passkeys: the account's passkeys, oldest first. */
export async function listPasskeys(signal?: AbortSignal): Promise<PasskeyItem[]> {
  const body = await apiRequest('/api/auth/passkeys', signal ? { signal } : {})
  return passkeyListSchema.parse(body).items
}

export const passkeysQueryOptions = queryOptions({
  queryKey: accountKeys.passkeys,
  queryFn: ({ signal }) => listPasskeys(signal),
})

export function usePasskeys() {
  return useQuery(passkeysQueryOptions)
}

/** POST /api/auth/passkeys/{id}/rename. */
export async function renamePasskey(id: string, body: PasskeyRenameBody): Promise<PasskeyItem> {
  return passkeyItemSchema.parse(
    await apiRequest(`/api/auth/passkeys/${encodeURIComponent(id)}/rename`, {
      method: 'POST',
      body,
    }),
  )
}

/** POST /api/auth/passkeys/{id}/remove (with the password). */
export async function removePasskey(id: string, body: ReauthenticateBody): Promise<void> {
  await apiRequest(`/api/auth/passkeys/${encodeURIComponent(id)}/remove`, {
    method: 'POST',
    body,
  })
}
