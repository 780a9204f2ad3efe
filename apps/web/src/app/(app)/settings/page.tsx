import type { Metadata } from 'next'
import { ActivitySection } from '@/features/account/components/activity-section'
import { DangerZone } from '@/features/account/components/danger-zone'
import { PasswordSection } from '@/features/account/components/password-section'
import { ProfileSection } from '@/features/account/components/profile-section'
import { SessionsSection } from '@/features/account/components/sessions-section'
import { PasskeysSection } from '@/features/account/components/passkeys-section'
import { TwoFactorSection } from '@/features/account/components/two-factor-section'
import { TransferSection } from '@/features/transfer/components/transfer-section'
import { requireUser } from '@/server/auth/current-user'

export const metadata: Metadata = { title: 'Settings' }

/** The account centre: profile, password, devices, activity, export and import, deletion. */
export default async function SettingsPage() {
  const user = await requireUser('/settings')
  return (
    <main className="mx-auto w-full max-w-3xl flex-1 px-4 py-6 sm:px-6 sm:py-10 dark:scheme-dark">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight sm:text-3xl">Settings</h1>
      <div className="grid gap-6">
        <ProfileSection name={user.name} email={user.email} />
        <PasswordSection name={user.name} email={user.email} />
        <TwoFactorSection />
        <PasskeysSection />
        <SessionsSection />
        <ActivitySection />
        <TransferSection userId={user.id} />
        <DangerZone />
      </div>
    </main>
  )
}
