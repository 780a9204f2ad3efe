import { expect, test as base, type BrowserContextOptions, type Page } from '@playwright/test'
import { signInThroughForm, submitLoginForm } from '../fixtures/auth-forms'
import { linkIn, mailTo } from '../fixtures/mail'
import {
  endSessionButton,
  openSettings,
  otherDevice,
  signedInDevices,
  thisDeviceName,
} from '../fixtures/settings'
import { openDashboard, quickAdd, taskItem } from '../fixtures/tasks'
import { newUserDetails, registerUser, type TestUser } from '../fixtures/users'

const test = base.extend<{
  /** Signs `user` in on a browser context of its own (a second device); closed after the test. */
  signInElsewhere: (user: TestUser, options?: BrowserContextOptions) => Promise<Page>
}>({
  signInElsewhere: async ({ browser }, use) => {
    const opened: Page[] = []
    await use(async (user, options) => {
      const context = await browser.newContext(options)
      const page = await context.newPage()
      opened.push(page)
      await signInThroughForm(page, user)
      await expect(page).toHaveURL('/dashboard')
      return page
    })
    for (const page of opened) await page.context().close()
  },
})

const NOT_CORRECT = 'The email address or password is not correct.'

/**
 * What the sign-in form says about a refused attempt. Scoped to the form: after a client-side
 * navigation, Next's route announcer is an alert too.
 */
function signInRefusal(page: Page) {
  return page.getByRole('form', { name: 'Sign in' }).getByRole('alert')
}

/** After a session ended elsewhere, the next visit to the dashboard asks to sign in again. */
async function expectSentToSignIn(page: Page): Promise<void> {
  await page.goto('/dashboard')
  await expect(page).toHaveURL(/\/login(\?|$)/)
  await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible()
}

async function signOutThroughMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Account: / }).click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await expect(page).toHaveURL('/login?reason=signed-out')
}

test('a forgotten password is reset through the mailed link, which then works no more', async ({
  page,
  request,
}) => {
  // Registered from a separate API context: this page stays signed out.
  const user = await registerUser(request, 'forgot')
  const newPassword = newUserDetails('forgot').password

  await page.goto('/login')
  await page.getByRole('link', { name: 'Forgot password?' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible()
  const asked = new Date()
  await page.getByLabel('Email').fill(user.email)
  await page.getByRole('button', { name: 'Send reset link' }).click()
  const confirmation = page.getByRole('status')
  await expect(confirmation).toContainText('Check your email')
  await expect(confirmation).toContainText(
    'If an account exists for that address, we’ve sent a link to choose a new password; it expires in 30 minutes.',
  )
  const confirmationText = await confirmation.textContent()

  // An address with no account gets the very same words.
  await page.goto('/forgot-password')
  await page.getByLabel('Email').fill(newUserDetails('nobody').email)
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await expect(page.getByRole('status')).toHaveText(confirmationText ?? '')

  const mail = await mailTo({
    to: user.email,
    subject: /^Reset your Taskwise password$/,
    since: asked,
  })
  const link = linkIn(mail, '/reset-password')
  expect(new URL(link).origin).toBe(new URL(page.url()).origin)

  const response = await page.goto(link)
  expect(await response?.headerValue('referrer-policy')).toBe('no-referrer')
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible()
  await page.getByLabel('New password', { exact: true }).fill(newPassword)
  await page.getByRole('button', { name: 'Set new password' }).click()

  await expect(page).toHaveURL('/login?reset=1')
  await expect(page.getByRole('status')).toHaveText(
    'Your password was changed. Sign in with the new one.',
  )
  await submitLoginForm(page, user.email, user.password)
  await expect(signInRefusal(page)).toHaveText(NOT_CORRECT)
  await submitLoginForm(page, user.email, newPassword)
  await expect(page).toHaveURL('/dashboard')
  await expect(page.getByRole('heading', { level: 1, name: 'Your tasks' })).toBeVisible()

  // The link worked once.
  await page.goto(link)
  await page.getByLabel('New password', { exact: true }).fill(newUserDetails('again').password)
  await page.getByRole('button', { name: 'Set new password' }).click()
  await expect(
    page.getByRole('alert').filter({ hasText: 'This link is not valid any more' }),
  ).toBeVisible()
  await expect(page.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute(
    'href',
    '/forgot-password',
  )
})

test('changing the password signs out the other device and keeps this one signed in', async ({
  page,
  signInElsewhere,
}) => {
  const user = await registerUser(page.request, 'change')
  const elsewhere = await signInElsewhere(user)
  const newPassword = newUserDetails('change').password

  await openSettings(page)
  const form = page.getByRole('form', { name: 'Change password' })
  await form.getByLabel('Current password', { exact: true }).fill(user.password)
  await form.getByLabel('New password', { exact: true }).fill(newPassword)
  await expect(form.getByRole('checkbox', { name: 'Sign out of all other devices' })).toBeChecked()
  await form.getByRole('button', { name: 'Change password' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Your password was changed' }),
  ).toHaveText('Your password was changed, and your other devices were signed out.')

  await expectSentToSignIn(elsewhere)

  // This device carries on: the dashboard loads and a new task is saved through the api.
  await openDashboard(page)
  await quickAdd(page, 'Written after the password change')
  await expect(taskItem(page, 'Written after the password change')).toBeVisible()
  const me = await page.request.get('/api/auth/me')
  expect(me.status()).toBe(200)
  expect(((await me.json()) as { user: { email: string } }).user.email).toBe(user.email)
})

test('ending the session of another device signs that device out', async ({
  page,
  signInElsewhere,
}) => {
  const user = await registerUser(page.request, 'devices')
  const elsewhere = await signInElsewhere(user, { userAgent: otherDevice.userAgent })

  await openSettings(page)
  const rows = signedInDevices(page).getByRole('listitem')
  await expect(rows).toHaveCount(2)
  const thisRow = rows.filter({ hasText: 'This device' })
  await expect(thisRow).toHaveCount(1)
  await expect(thisRow).toContainText(thisDeviceName)
  await expect(thisRow.getByRole('button')).toHaveCount(0)

  await endSessionButton(page, otherDevice.name).click()
  const dialog = page.getByRole('dialog', { name: `Sign out of ${otherDevice.name}?` })
  await dialog.getByLabel('Your password', { exact: true }).fill(user.password)
  await dialog.getByRole('button', { name: 'End session' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText(`Signed out of ${otherDevice.name}`)).toBeVisible()
  await expect(rows).toHaveCount(1)
  await expect(page.getByText('You’re not signed in anywhere else.')).toBeVisible()

  await expectSentToSignIn(elsewhere)
  await openDashboard(page)
})

test('the email address changes once the link mailed to the new address is confirmed', async ({
  page,
}) => {
  const user = await registerUser(page.request, 'old')
  const newEmail = newUserDetails('new').email

  await openSettings(page)
  const asked = new Date()
  const form = page.getByRole('form', { name: 'Change email address' })
  await form.getByLabel('New email address').fill(newEmail)
  await form.getByLabel('Current password', { exact: true }).fill(user.password)
  await form.getByRole('button', { name: 'Change email' }).click()
  const sent = page.getByRole('status').filter({ hasText: 'Check your new inbox' })
  await expect(sent).toContainText(`We’ve sent a link to ${newEmail}.`)
  await expect(sent).toContainText(`until then you sign in with ${user.email}`)
  await mailTo({
    to: user.email,
    subject: /^Someone asked to change your Taskwise email address$/,
    since: asked,
  })

  const link = linkIn(
    await mailTo({
      to: newEmail,
      subject: /^Confirm your new Taskwise email address$/,
      since: asked,
    }),
    '/confirm-email',
  )
  await page.goto(link)
  await expect(
    page.getByRole('heading', { level: 1, name: 'Confirm your new email address' }),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Confirm new email address' }).click()
  await expect(page.getByRole('status')).toContainText('Your email address is changed')
  await expect(page.getByRole('status')).toContainText(`From now on you sign in with ${newEmail}.`)
  const notice = await mailTo({
    to: user.email,
    subject: /^Your Taskwise email address was changed$/,
    since: asked,
  })
  expect(notice.text).toContain('You now sign in with that address')

  await page.getByRole('link', { name: 'Go to your settings' }).click()
  await expect(page).toHaveURL('/settings')
  const profile = page.getByRole('region', { name: 'Profile' })
  await expect(profile).toContainText(newEmail)
  await expect(profile).not.toContainText(user.email)

  await signOutThroughMenu(page)
  await submitLoginForm(page, user.email, user.password)
  await expect(signInRefusal(page)).toHaveText(NOT_CORRECT)
  await submitLoginForm(page, newEmail, user.password)
  await expect(page).toHaveURL('/dashboard')
  await page.getByRole('button', { name: /^Account: / }).click()
  await expect(page.getByRole('menu')).toContainText(newEmail)
})

test('a deleted account cannot sign in, and its address can sign up again', async ({ page }) => {
  const user = await registerUser(page.request, 'delete')

  await openSettings(page)
  await page.getByRole('button', { name: 'Delete account…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete your account?' })
  const deleteButton = dialog.getByRole('button', { name: 'Delete my account' })
  await expect(deleteButton).toBeDisabled()
  await dialog.getByLabel('Type “delete my account” to confirm').fill('delete my account')
  await expect(deleteButton).toBeDisabled()
  await dialog.getByLabel('Your password', { exact: true }).fill(user.password)
  await expect(deleteButton).toBeEnabled()
  await deleteButton.click()

  await expect(page).toHaveURL('/login?deleted=1')
  await expect(page.getByRole('status')).toHaveText(
    'Your account and its tasks were deleted. Thank you for using Taskwise.',
  )
  await submitLoginForm(page, user.email, user.password)
  await expect(signInRefusal(page)).toHaveText(NOT_CORRECT)

  await page.goto('/register')
  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Password', { exact: true }).fill(user.password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page).toHaveURL('/dashboard')
  await expect(page.getByRole('heading', { level: 1, name: 'Your tasks' })).toBeVisible()
})
