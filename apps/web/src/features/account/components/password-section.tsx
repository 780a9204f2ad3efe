import Link from 'next/link'
import { ChangePasswordForm } from './change-password-form'
import { SettingsSection } from './settings-section'

export function PasswordSection({ email, name }: { email: string; name: string }) {
  return (
    <SettingsSection
      id="password"
      title="Password"
      description={
        <>
          Forgot the current one?{' '}
          <Link
            href="/forgot-password"
            className="font-medium text-foreground underline underline-offset-4"
          >
            Get a reset link by email
          </Link>
          .
        </>
      }
    >
      <ChangePasswordForm email={email} name={name} />
    </SettingsSection>
  )
}
