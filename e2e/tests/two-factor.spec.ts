import { expect, test, type Page } from '@playwright/test'
import { Secret, TOTP } from 'otpauth'
import { scrollsSideways, submitLoginForm } from '../fixtures/auth-forms'
import { expectNoSeriousA11yViolations } from '../fixtures/page-checks'
import { openSettings } from '../fixtures/settings'
import { registerUser, type TestUser } from '../fixtures/users'

// Two-factor sign-in with an authenticator app, as a person sets it up and uses it: the codes
// are computed from the key the page shows, as an app would.

/** The code an authenticator app shows for `secret`, `steps` 30-second steps from now. */
function codeFor(secret: string, steps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 })
  return totp.generate({ timestamp: Date.now() + steps * 30_000 })
}

async function signOutThroughMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Account: / }).click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await expect(page).toHaveURL('/login?reason=signed-out')
}

/** Sets up the app from the settings page; the key shown, and the backup codes. */
async function enrolThroughSettings(page: Page, user: TestUser) {
  await openSettings(page)
  const section = page.getByRole('region', { name: 'Two-factor sign-in' })
  await section.getByRole('button', { name: 'Set up an authenticator app' }).click()
  const dialog = page.getByRole('dialog', { name: 'Set up an authenticator app' })
  await dialog.getByLabel('Your password').fill(user.password)
  await dialog.getByRole('button', { name: 'Continue' }).click()
  await expect(
    section.getByRole('img', { name: 'QR code for your authenticator app' }),
  ).toBeVisible()
  const secret = ((await section.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '')
  expect(secret).toMatch(/^[A-Z2-7]{32}$/)
  await expectNoSeriousA11yViolations(page)

  await section.getByLabel('Enter the 6-digit code the app shows').fill('000000')
  await section.getByRole('button', { name: 'Turn on two-factor sign-in' }).click()
  await expect(section.getByText('That code is not right.', { exact: false })).toBeVisible()
  const enrolmentCode = codeFor(secret)
  await section.getByLabel('Enter the 6-digit code the app shows').fill(enrolmentCode)
  await section.getByRole('button', { name: 'Turn on two-factor sign-in' }).click()
  const list = section.getByRole('list', { name: 'Backup codes' })
  await expect(list.getByRole('listitem')).toHaveCount(10)
  const backupCodes = (await list.getByRole('listitem').allTextContents()).map((code) =>
    code.trim(),
  )
  await expectNoSeriousA11yViolations(page)
  await section.getByRole('button', { name: 'I’ve saved them' }).click()
  await expect(section.getByText('10 backup codes left.')).toBeVisible()
  return { secret, backupCodes, enrolmentCode }
}

test('an authenticator app is set up in settings, then signs in with a code or a backup code', async ({
  page,
}) => {
  const user = await registerUser(page.request, 'totp')
  const { secret, backupCodes, enrolmentCode } = await enrolThroughSettings(page, user)
  await signOutThroughMenu(page)

  // The password alone no longer signs in: the second step asks for a code.
  await page.setViewportSize({ width: 360, height: 740 })
  await submitLoginForm(page, user.email, user.password)
  const step = page.getByRole('form', { name: 'Second step' })
  await expect(step.getByLabel('Authentication code')).toBeFocused()
  expect(await scrollsSideways(page)).toBe(false)
  await expectNoSeriousA11yViolations(page)
  expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain(
    'taskwise.jwt',
  )
  // The code used to turn it on cannot be used again (the same string, even if a 30-second step
  // has passed since: it is still within the accepted window); the next step's code can.
  await step.getByLabel('Authentication code').fill(enrolmentCode)
  await step.getByRole('button', { name: 'Verify and sign in' }).click()
  await expect(step.getByText('That code is not right, or was used already.')).toBeVisible()
  await step.getByLabel('Authentication code').fill(codeFor(secret, 1))
  await step.getByRole('button', { name: 'Verify and sign in' }).click()
  await expect(page).toHaveURL('/dashboard')
  await expect(page.getByRole('heading', { level: 1, name: 'Your tasks' })).toBeVisible()

  await signOutThroughMenu(page)
  await submitLoginForm(page, user.email, user.password)
  await step.getByRole('button', { name: 'Use a backup code instead' }).click()
  await step.getByLabel('Backup code').fill(backupCodes[0] ?? '')
  await step.getByRole('button', { name: 'Verify and sign in' }).click()
  await expect(page).toHaveURL('/dashboard')

  await openSettings(page)
  await expect(
    page.getByRole('region', { name: 'Two-factor sign-in' }).getByText('9 backup codes left.'),
  ).toBeVisible()
  await expect(
    page
      .getByRole('list', { name: 'Account activity' })
      .getByText('A backup code was used to sign in'),
  ).toBeVisible()
})
