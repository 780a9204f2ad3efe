'use client'

import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRouter } from 'next/navigation'
import { toast } from 'sonner'
import { apiErrorFrom } from '@/lib/problem-error'

/** POST /api/auth/logout: the session is revoked and its cookies cleared. */
export async function signOut(): Promise<void> {
  const response = await fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' })
  if (!response.ok) throw await apiErrorFrom(response)
}

export function useSignOut() {
  const router = useRouter()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      // Nothing of this account stays in memory for the next person at this browser.
      queryClient.clear()
      router.replace('/login?reason=signed-out')
      router.refresh()
    },
    onError: () => toast.error('Signing out failed. Try again.'),
  })
}
