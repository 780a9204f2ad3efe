import { DeleteAccountDialog } from './delete-account-dialog'
import { SettingsSection } from './settings-section'

/** What cannot be undone. */
export function DangerZone() {
  return (
    <SettingsSection
      id="delete-account"
      title="Delete account"
      tone="danger"
      description="Deletes your account and all of your tasks, for good. You’ll be asked for your password."
    >
      <DeleteAccountDialog />
    </SettingsSection>
  )
}
