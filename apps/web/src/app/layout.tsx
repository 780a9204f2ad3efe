import type { Metadata, Viewport } from 'next'
import localFont from 'next/font/local'
import { headers } from 'next/headers'
import type { ReactNode } from 'react'
import { NONCE_HEADER } from '@/lib/content-security-policy'
import './globals.css'
import { Providers } from './providers'

// Geist, cut down to the weights and the Latin letters the pages use (app/fonts/README.md): every
// page's first paint waits on fewer bytes. Monospace text (a few codes) uses the system's own
// monospace font: no second font is fetched (decision 0312).
const geistSans = localFont({
  src: './fonts/geist-sans-latin.woff2',
  variable: '--font-geist-sans',
  weight: '400 700',
})

export const metadata: Metadata = {
  title: { default: 'Taskwise', template: '%s · Taskwise' },
  description:
    'Taskwise is a task manager for people who want their to-do list private, quick and calm.',
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0a0a0a' },
  ],
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, with the nonce src/proxy.ts made for it: the theme's
  // inline script carries it, Next's own scripts get it from the policy.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined
  return (
    // next-themes sets the class on <html> before hydration; the warning would be about that.
    <html lang="en" className={geistSans.variable} suppressHydrationWarning>
      <body className="min-h-dvh font-sans">
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  )
}
