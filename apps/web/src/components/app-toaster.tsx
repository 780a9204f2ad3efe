'use client'

import { Toaster } from 'sonner'

/**
 * Where toasts appear (a deleted task's Undo, a refused change, a failed sign-out). Only the
 * signed-in pages raise toasts, so only their layout mounts it and loads the toast library; the
 * landing and sign-in pages do without it (decision 0311).
 */
export function AppToaster() {
  return <Toaster richColors closeButton />
}
