import type { Metadata } from 'next'
import Link from 'next/link'
import { ForgotPasswordForm } from '@/features/account/components/forgot-password-form'

export const metadata: Metadata = { title: 'Forgot your password' }

/** Asks for a reset link. Open to everyone, signed in or not: it reveals nothing about accounts. */
export default function ForgotPasswordPage() {
  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Forgot your password?</h1>
        <p className="text-sm text-muted-foreground">
          Enter the address you sign in with, and we’ll email you a link to choose a new password.
        </p>
      </div>
      <ForgotPasswordForm />
      <p className="text-sm text-muted-foreground">
        Remembered it?{' '}
        <Link href="/login" className="font-medium text-foreground underline underline-offset-4">
          Back to sign in
        </Link>
      </p>
    </div>
  )
}
