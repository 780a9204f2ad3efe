import path from 'node:path'
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test'
import { scrollsSideways } from '../fixtures/auth-forms'
import { linkIn, mailTo } from '../fixtures/mail'
import {
  artifactsDir,
  checkInBothThemes,
  expectNoSeriousA11yViolations,
} from '../fixtures/page-checks'
import {
  endSessionButton,
  openSettings,
  otherDevice,
  settingsLoaded,
  signedInDevices,
} from '../fixtures/settings'
import { newUserDetails, registerUser, type TestUser } from '../fixtures/users'

const screenshots = path.join(artifactsDir, 'screenshots')

/**
 * Asks for a reset link for `user`, as anyone may, and returns the link from the mail. `request`
 * must carry no session cookie (a cookie-carrying write would need a same-origin Origin).
 */
async function resetLinkFor(request: APIRequestContext, user: TestUser): Promise<string> {
  const since = new Date()
  const response = await request.post('/api/auth/forgot-password', { data: { email: user.email } })
  expect(response.status()).toBe(202)
  const mail = await mailTo({ to: user.email, subject: /^Reset your Taskwise password$/, since })
  return linkIn(mail, '/reset-password')
}

/**
 * Signs `user` in on `request` (a context with no cookies yet) as if from another device, Firefox
 * on Linux by its user agent.
 */
async function signInOnOtherDevice(request: APIRequestContext, user: TestUser): Promise<void> {
  const response = await request.post('/api/auth/login', {
    data: { email: user.email, password: user.password },
    headers: { 'user-agent': otherDevice.userAgent },
  })
  expect(response.ok(), `signing in on the other device answered ${response.status()}`).toBe(true)
}

test.describe('accessibility in light and dark', () => {
  test('the settings page has no serious accessibility problem', async ({ page, request }) => {
    const user = await registerUser(page.request, 'a11y-settings')
    // A second device, so that the list shows a device with its button to end the session.
    await signInOnOtherDevice(request, user)
    await openSettings(page)
    await expect(signedInDevices(page).getByRole('listitem')).toHaveCount(2)
    await checkInBothThemes(page, 'settings', settingsLoaded)

    // The page is left in dark: the deletion dialog, its red button enabled, is checked there.
    await page.getByRole('button', { name: 'Delete account…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' })
    await dialog.getByLabel('Your password', { exact: true }).fill(user.password)
    await dialog.getByLabel('Type “delete my account” to confirm').fill('delete my account')
    await expect(dialog.getByRole('button', { name: 'Delete my account' })).toBeEnabled()
    await expectNoSeriousA11yViolations(page)
  })

  test('the forgot-password page and its confirmation have no serious accessibility problem', async ({
    page,
  }) => {
    await page.goto('/forgot-password')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Forgot your password?' }),
    ).toBeVisible()
    await checkInBothThemes(page, 'forgot-password')
    // The page is left in dark: its green confirmation is checked there.
    await page.getByLabel('Email').fill(newUserDetails('a11y-forgot').email)
    await page.getByRole('button', { name: 'Send reset link' }).click()
    await expect(page.getByRole('status')).toContainText('Check your email')
    await expectNoSeriousA11yViolations(page)
  })

  test('the reset-password page has no serious accessibility problem', async ({
    page,
    request,
  }) => {
    // Registered on `request`; the page, signed out, asks for the link and opens it.
    const user = await registerUser(request, 'a11y-reset')
    await page.goto(await resetLinkFor(page.request, user))
    await expect(
      page.getByRole('heading', { level: 1, name: 'Choose a new password' }),
    ).toBeVisible()
    await checkInBothThemes(page, 'reset-password')
  })
})

test.describe('on a 360 px wide phone', () => {
  test.use({ viewport: { width: 360, height: 740 } })

  /** Nothing wider than the screen (whose scrollbar, if any, counts too), and a screenshot. */
  async function expectFits(page: Page, name: string): Promise<void> {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    expect(await scrollsSideways(page)).toBe(false)
    await page.screenshot({ path: path.join(screenshots, `${name}-360px.png`), fullPage: true })
  }

  /** A dialog lies within the screen's width. */
  async function expectWithinScreen(dialog: Locator): Promise<void> {
    const box = await dialog.boundingBox()
    expect(box, 'the dialog is laid out').not.toBeNull()
    expect(box?.x).toBeGreaterThanOrEqual(0)
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360)
  }

  test('the settings page and its dialogs fit without scrolling sideways', async ({
    page,
    request,
  }) => {
    const user = await registerUser(page.request, 'narrow-settings')
    await signInOnOtherDevice(request, user)
    await openSettings(page)
    await expect(signedInDevices(page).getByRole('listitem')).toHaveCount(2)
    await expectFits(page, 'settings')

    await page.getByRole('button', { name: 'Sign out all other devices' }).click()
    const signOutAll = page.getByRole('dialog', { name: 'Sign out all other devices?' })
    await expect(signOutAll).toBeVisible()
    await expectWithinScreen(signOutAll)
    await signOutAll.getByRole('button', { name: 'Cancel' }).click()
    await expect(signOutAll).toBeHidden()

    await page.getByRole('button', { name: 'Delete account…' }).click()
    const deletion = page.getByRole('dialog', { name: 'Delete your account?' })
    await expect(deletion).toBeVisible()
    await expectWithinScreen(deletion)
  })

  test('the forgot-password page fits without scrolling sideways', async ({ page }) => {
    await page.goto('/forgot-password')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Forgot your password?' }),
    ).toBeVisible()
    await page.getByLabel('Email').fill(newUserDetails('narrow-forgot').email)
    await page.getByRole('button', { name: 'Send reset link' }).click()
    await expect(page.getByRole('status')).toContainText('Check your email')
    await expectFits(page, 'forgot-password')
  })

  test('the reset-password page fits without scrolling sideways', async ({ page, request }) => {
    const user = await registerUser(request, 'narrow-reset')
    await page.goto(await resetLinkFor(page.request, user))
    await expect(
      page.getByRole('heading', { level: 1, name: 'Choose a new password' }),
    ).toBeVisible()
    await page.getByLabel('New password', { exact: true }).fill('a-long-new-password-typed')
    await expectFits(page, 'reset-password')
  })
})

test('another device is signed out with the keyboard alone, through the password dialog', async ({
  page,
  request,
}) => {
  const user = await registerUser(page.request, 'keyboard')
  await signInOnOtherDevice(request, user)
  await openSettings(page)
  const endButton = endSessionButton(page, otherDevice.name)
  await expect(endButton).toBeVisible()

  // From the top of the page, Tab until the button has focus.
  for (
    let presses = 0;
    !(await endButton.evaluate((button) => button === document.activeElement));
    presses += 1
  ) {
    expect(presses, 'Tab reaches the button within 40 presses').toBeLessThan(40)
    await page.keyboard.press('Tab')
  }
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: `Sign out of ${otherDevice.name}?` })
  await expect(dialog.getByLabel('Your password', { exact: true })).toBeFocused()
  await expectNoSeriousA11yViolations(page)
  await page.keyboard.type(user.password)
  await page.keyboard.press('Enter')

  await expect(dialog).toBeHidden()
  // The row whose button opened the dialog is gone: focus goes to the section's heading.
  await expect(
    page.getByRole('heading', { level: 2, name: 'Where you’re signed in' }),
  ).toBeFocused()
  await expect(signedInDevices(page).getByRole('listitem')).toHaveCount(1)
  expect((await request.get('/api/auth/me')).status()).toBe(401)
})
