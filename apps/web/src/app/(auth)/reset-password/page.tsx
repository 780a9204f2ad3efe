import { linkTokenSchema } from '@taskwise/contracts/account'
import type { Metadata } from 'next'
import Link from 'next/link'
import { InvalidLinkNotice } from '@/features/account/components/invalid-link-notice'
import { ResetPasswordForm } from '@/features/account/components/reset-password-form'
import { firstParam, type SearchParams } from '../search-params'

// The token is in this page's address: nothing the page loads or links to may learn it
// (next.config.ts also sends Referrer-Policy: no-referrer for this path).
export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' }

/** The mailed reset link lands here: `?token=…`, sent on only in the reset request's body. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = firstParam((await searchParams).token)
  const token = raw === undefined ? undefined : linkTokenSchema.safeParse(raw)
  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Choose a new password</h1>
        <p className="text-sm text-muted-foreground">
          Pick one you don’t use anywhere else. Then sign in with it.
        </p>
      </div>
      {token === undefined ? (
        <InvalidLinkNotice
          title="This page needs the link from your email"
          reason="Open the link in the password reset email we sent you. If you don’t have one, ask for it here."
          href="/forgot-password"
          action="Send me a reset link"
        />
      ) : token.success ? (
        <ResetPasswordForm token={token.data} />
      ) : (
        <InvalidLinkNotice
          title="This link is incomplete"
          reason="Open the link in the password reset email exactly as it was sent, or ask for a new one."
          href="/forgot-password"
          action="Send me a new reset link"
        />
      )}
      <p className="text-sm text-muted-foreground">
        <Link href="/login" className="font-medium text-foreground underline underline-offset-4">
          Back to sign in
        </Link>
      </p>
    </div>
  )
}
