import { expect, test, type Page } from '@playwright/test'
import { openSettings } from '../fixtures/settings'
import { expectNoSeriousA11yViolations } from '../fixtures/page-checks'
import { registerUser } from '../fixtures/users'

// Passkeys in Chromium with a virtual authenticator (the DevTools protocol's WebAuthn domain): a
// platform authenticator that keeps discoverable credentials and verifies its user, as a phone
// or a laptop with a fingerprint reader does.

async function addVirtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  })
}

test('a passkey added in settings signs in without a password, and can be renamed and removed', async ({
  page,
}) => {
  await addVirtualAuthenticator(page)
  const user = await registerUser(page.request, 'passkey')
  await openSettings(page)
  const section = page.getByRole('region', { name: 'Passkeys' })
  await expect(section.getByText('You have no passkeys yet.')).toBeVisible()
  await section.getByRole('button', { name: 'Add a passkey' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a passkey' })
  await dialog.getByLabel('Name').fill('Test laptop')
  await dialog.getByLabel('Your password').fill(user.password)
  await expectNoSeriousA11yViolations(page)
  await dialog.getByRole('button', { name: 'Add passkey' }).click()
  const list = section.getByRole('list', { name: 'Your passkeys' })
  await expect(list.getByText('Test laptop')).toBeVisible()

  await list.getByRole('button', { name: 'Rename Test laptop' }).click()
  const rename = page.getByRole('dialog', { name: 'Rename passkey' })
  await rename.getByLabel('Name').fill('Chromium key')
  await rename.getByRole('button', { name: 'Save name' }).click()
  await expect(list.getByText('Chromium key')).toBeVisible()

  // Signed out, the passkey alone signs in: no address, no password.
  await page.context().clearCookies()
  await page.goto('/login')
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click()
  await expect(page).toHaveURL('/dashboard')
  await expect(page.getByRole('heading', { level: 1, name: 'Your tasks' })).toBeVisible()
  const names = (await page.context().cookies()).map((cookie) => cookie.name)
  expect(names).toEqual(expect.arrayContaining(['taskwise.session_token', 'taskwise.jwt']))
  // The api accepts the JWT of that sign-in.
  const tasks = await page.request.get(`/api/${user.id}/tasks`)
  expect(tasks.status()).toBe(200)

  await openSettings(page)
  const activity = page.getByRole('list', { name: 'Account activity' })
  await expect(activity.getByText('Passkey added')).toBeVisible()
  await list.getByRole('button', { name: 'Remove Chromium key' }).click()
  const remove = page.getByRole('dialog', { name: 'Remove Chromium key?' })
  await remove.getByLabel('Your password').fill(user.password)
  await remove.getByRole('button', { name: 'Remove passkey' }).click()
  await expect(section.getByText('You have no passkeys yet.')).toBeVisible()
  await expect(activity.getByText('Passkey removed')).toBeVisible()
})
