import { expect, test, type Page } from '@playwright/test'
import { signInThroughForm, submitLoginForm } from '../fixtures/auth-forms'
import { expectKeyOpensMenuAtFirstItem, MENU_KEYS } from '../fixtures/page-checks'
import { newUserDetails, registerUser } from '../fixtures/users'

/** The checklist item for a rule, as the page shows it: its text says met or not met yet. */
function rule(page: Page, text: string) {
  return page
    .getByRole('list', { name: 'Password requirements' })
    .getByRole('listitem')
    .filter({ hasText: text })
}

test.describe('signing up', () => {
  test('a new person signs up through the form and lands on their dashboard, signed in', async ({
    page,
  }) => {
    const details = newUserDetails('form')
    await page.goto('/register')
    await expect(page).toHaveTitle('Create an account · Taskwise')
    await page.getByLabel('Name (optional)').fill(details.name)
    await page.getByLabel('Email').fill(details.email)
    await page.getByLabel('Password', { exact: true }).fill(details.password)
    for (const text of [
      'At least 8 characters',
      'An uppercase letter',
      'A lowercase letter',
      'A digit',
      'A special character',
      'Not a common password',
    ]) {
      await expect(rule(page, text)).toContainText('(met)')
    }
    await expect(page.getByRole('meter', { name: 'Password strength' })).toBeVisible()
    await page.getByRole('button', { name: 'Create account' }).click()

    await expect(page).toHaveURL('/dashboard')
    await expect(page.getByRole('heading', { level: 1, name: 'Your tasks' })).toBeVisible()
    await expect(page.getByRole('button', { name: `Account: ${details.name}` })).toBeVisible()
  })

  const weakPasswords = [
    { case: 'that is too short', password: 'Ab1!xyz', rule: 'At least 8 characters' },
    { case: 'with no uppercase letter', password: 'quartz-otter-42', rule: 'An uppercase letter' },
    { case: 'with no lowercase letter', password: 'QUARTZ-OTTER-42', rule: 'A lowercase letter' },
    { case: 'with no digit', password: 'Quartz-Otter-Meadow', rule: 'A digit' },
    {
      case: 'with no special character',
      password: 'QuartzOtter42',
      rule: 'A special character (neither letter nor digit)',
    },
    {
      case: 'that is a common one with characters bolted on',
      password: 'Password1!',
      rule: 'Not a common password',
    },
  ]

  for (const weak of weakPasswords) {
    test(`a password ${weak.case} is refused with that rule's message`, async ({ page }) => {
      await page.goto('/register')
      await page.getByLabel('Email').fill(newUserDetails('weak').email)
      const password = page.getByLabel('Password', { exact: true })
      await password.fill(weak.password)
      // The checklist marks exactly the broken rule before anything is submitted.
      await expect(rule(page, weak.rule)).toContainText('(not met yet)')
      await expect(
        page.getByRole('list', { name: 'Password requirements' }).getByText('(not met yet)'),
      ).toHaveCount(1)

      await page.getByRole('button', { name: 'Create account' }).click()
      await expect(password).toHaveAccessibleDescription(
        new RegExp(`^Password requirements not met: ${escape(weak.rule.toLowerCase())}\\.`),
      )
      await expect(password).toHaveAttribute('aria-invalid', 'true')
      await expect(page).toHaveURL('/register')
    })
  }

  test('the password can be shown, hidden and pasted', async ({ page }) => {
    await page.goto('/register')
    const password = page.getByLabel('Password', { exact: true })
    await password.fill('Quartz-Otter-42')
    const toggle = page.getByRole('button', { name: 'Show password' })
    await toggle.click()
    await expect(password).toHaveAttribute('type', 'text')
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    await toggle.click()
    await expect(password).toHaveAttribute('type', 'password')

    const pasteRefused = await password.evaluate((input) => {
      const event = new ClipboardEvent('paste', {
        clipboardData: new DataTransfer(),
        bubbles: true,
        cancelable: true,
      })
      input.dispatchEvent(event)
      return event.defaultPrevented
    })
    expect(pasteRefused).toBe(false)
  })

  test('an email address that already has an account is pointed out next to the email field', async ({
    page,
    request,
  }) => {
    // Registered from a separate API context: this page stays signed out.
    const existing = await registerUser(request, 'taken')
    await page.goto('/register')
    const email = page.getByLabel('Email')
    await email.fill(existing.email.toUpperCase())
    await page.getByLabel('Password', { exact: true }).fill('Quartz-Otter-Meadow-42!')
    await page.getByRole('button', { name: 'Create account' }).click()

    await expect(email).toHaveAccessibleDescription('This email address is taken')
    await expect(page.getByRole('link', { name: 'Sign in instead' })).toHaveAttribute(
      'href',
      '/login',
    )
    await expect(page).toHaveURL('/register')
  })
})

test.describe('signing in and out', () => {
  test('the right email and password sign in and open the dashboard', async ({ page, request }) => {
    const user = await registerUser(request, 'login')
    await signInThroughForm(page, user)
    await expect(page).toHaveURL('/dashboard')
    await expect(page.getByRole('heading', { level: 1, name: 'Your tasks' })).toBeVisible()
    await expect(page).toHaveTitle('Your tasks · Taskwise')
  })

  test('a wrong password says the credentials are not correct and keeps the email', async ({
    page,
    request,
  }) => {
    const user = await registerUser(request, 'wrong')
    await page.goto('/login')
    await submitLoginForm(page, user.email, `${user.password}x`)

    await expect(page.getByRole('alert').filter({ hasText: /./ })).toHaveText(
      'The email address or password is not correct.',
    )
    await expect(page.getByLabel('Email')).toHaveValue(user.email)
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('')
    await expect(page).toHaveURL('/login')
  })

  test('an email with no account gets the very same message as a wrong password', async ({
    page,
  }) => {
    await page.goto('/login')
    await submitLoginForm(page, newUserDetails('nobody').email, 'Quartz-Otter-42!')
    await expect(page.getByRole('alert').filter({ hasText: /./ })).toHaveText(
      'The email address or password is not correct.',
    )
  })

  test('after too many wrong passwords the form says the account is locked and for how long', async ({
    page,
    request,
    playwright,
  }) => {
    const user = await registerUser(request, 'locked')
    // A program with no cookies (a cookie-carrying POST would need a same-origin Origin) spends
    // the per-account limit (10 failures in 15 minutes) first.
    const guesser = await playwright.request.newContext({
      baseURL: test.info().project.use.baseURL,
    })
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const response = await guesser.post('/api/auth/login', {
        data: { email: user.email, password: `${user.password}-wrong` },
      })
      expect(response.status()).toBe(401)
    }
    await guesser.dispose()
    await page.goto('/login')
    await submitLoginForm(page, user.email, user.password)
    await expect(page.getByRole('alert').filter({ hasText: /./ })).toHaveText(
      /^Too many sign-in attempts for this account\. Try again in 1[45] minutes\.$/,
    )
    await expect(page).toHaveURL('/login')
  })

  test('signing out ends the session: the dashboard then asks to sign in again', async ({
    page,
  }) => {
    await registerUser(page.request, 'logout')
    await page.goto('/dashboard')
    await page.getByRole('button', { name: /^Account: / }).click()
    await page.getByRole('menuitem', { name: 'Sign out' }).click()

    await expect(page).toHaveURL('/login?reason=signed-out')
    await expect(page.getByRole('status')).toHaveText('You have signed out.')

    await page.goto('/dashboard')
    await expect(page).toHaveURL('/login?next=%2Fdashboard')
    await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible()
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

// The account menu's code loads on the first press (decision 0312): it mounts after that key.
for (const key of MENU_KEYS) {
  test(`opened with ${key}, the account menu puts focus on its first item, the first time as later`, async ({
    page,
  }) => {
    await registerUser(page.request, 'menu')
    await page.goto('/dashboard')
    await expectKeyOpensMenuAtFirstItem(
      page,
      key,
      page.getByRole('button', { name: /^Account: / }),
      page.getByRole('menuitem', { name: 'Settings' }),
    )
  })
}
