'use client'

import { ThemeProvider } from 'next-themes'
import type { ReactNode } from 'react'

/**
 * Client-side providers every page shares: the theme (system by default). Data fetching
 * (`QueryProvider`) and the toasts' area (`AppToaster`) belong to the signed-in pages: no other
 * page fetches through TanStack Query or raises a toast.
 */
export function Providers({ children, nonce }: { children: ReactNode; nonce?: string }) {
  return (
    <ThemeProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
      nonce={nonce}
    >
      {children}
    </ThemeProvider>
  )
}
