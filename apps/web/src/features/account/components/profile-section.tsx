import { ChangeEmailForm } from './change-email-form'
import { SettingsSection } from './settings-section'

/** Who the account is: the name and address it is known by, and a change of address. */
export function ProfileSection({ name, email }: { name: string; email: string }) {
  return (
    <SettingsSection id="profile" title="Profile">
      <div className="grid gap-6">
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr] sm:gap-y-3">
          <dt className="text-muted-foreground">Name</dt>
          <dd className="mb-2 break-words font-medium sm:mb-0">
            {name || <span className="font-normal text-muted-foreground">Not given</span>}
          </dd>
          <dt className="text-muted-foreground">Email</dt>
          <dd className="break-all font-medium">{email}</dd>
        </dl>
        <div className="grid gap-3 border-t pt-5">
          <h3 className="font-medium">Change email address</h3>
          <p className="text-sm text-muted-foreground">
            We’ll send a link to the new address; the change happens when you open it.
          </p>
          <ChangeEmailForm currentEmail={email} />
        </div>
      </div>
    </SettingsSection>
  )
}
