import { linkTokenSchema } from '@taskwise/contracts/account'
import type { Metadata } from 'next'
import { ConfirmEmailForm } from '@/features/account/components/confirm-email-form'
import { InvalidLinkNotice } from '@/features/account/components/invalid-link-notice'
import { firstParam, type SearchParams } from '../search-params'

// The token is in this page's address: nothing the page loads or links to may learn it
// (next.config.ts also sends Referrer-Policy: no-referrer for this path).
export const metadata: Metadata = {
  title: 'Confirm your new email address',
  referrer: 'no-referrer',
}

/**
 * The link mailed to a new address lands here. The (auth) layout lets signed-in people through,
 * and the token alone confirms, so it works in any browser, signed in or not.
 */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const token = linkTokenSchema.safeParse(firstParam((await searchParams).token) ?? '')
  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Confirm your new email address</h1>
        <p className="text-sm text-muted-foreground">
          Once confirmed, you sign in to Taskwise with the new address.
        </p>
      </div>
      {token.success ? (
        <ConfirmEmailForm token={token.data} />
      ) : (
        <InvalidLinkNotice
          title="This link is incomplete"
          reason="Open the link in the confirmation email exactly as it was sent, or ask for a new one from your settings."
          href="/settings#profile"
          action="Go to your settings"
        />
      )}
    </div>
  )
}
