import path from 'node:path'
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test'
import { scrollsSideways } from '../fixtures/auth-forms'
import { artifactsDir, checkInBothThemes } from '../fixtures/page-checks'
import { registerUser } from '../fixtures/users'

const screenshots = path.join(artifactsDir, 'screenshots')

/** Console errors and warnings the page logs (React reports hydration mismatches there). */
function collectConsoleProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  return problems
}

const pages = [
  { name: 'landing', path: '/', heading: 'Everything you have to do, in one calm list.' },
  { name: 'login', path: '/login', heading: 'Sign in to Taskwise' },
  { name: 'register', path: '/register', heading: 'Create your Taskwise account' },
  { name: 'not-found', path: '/no-such-page', heading: 'This page does not exist' },
]

for (const { name, path, heading } of pages) {
  test(`the ${name} page has no serious accessibility problem in light or dark`, async ({
    page,
  }) => {
    const problems = collectConsoleProblems(page)
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    await checkInBothThemes(page, name)
    expect(problems.filter((text) => /hydrat/i.test(text))).toEqual([])
  })
}

test('pages render in the browser without console errors or hydration warnings', async ({
  page,
}) => {
  const problems = collectConsoleProblems(page)
  for (const { path, heading } of pages.filter(({ name }) => name !== 'not-found')) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  }
  expect(problems).toEqual([])
})

test('the signed-in header has no serious accessibility problem in light or dark', async ({
  page,
}) => {
  await registerUser(page.request, 'shell')
  await page.goto('/dashboard')
  await expect(page.getByRole('heading', { level: 1, name: 'Your tasks' })).toBeVisible()
  await checkInBothThemes(page, 'signed-in')
})

test('an unknown address answers 404 and offers a way back', async ({ page }) => {
  const response = await page.goto('/no-such-page')
  expect(response?.status()).toBe(404)
  await expect(page).toHaveTitle('Page not found · Taskwise')
  await expect(page.getByRole('link', { name: 'Go to your tasks' })).toHaveAttribute(
    'href',
    '/dashboard',
  )
  await expect(page.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/')
})

test.describe('on a 360 px wide phone', () => {
  test.use({ viewport: { width: 360, height: 740 } })

  for (const { name, path: address, heading } of pages) {
    test(`the ${name} page fits without scrolling sideways`, async ({ page }) => {
      await page.goto(address)
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
      expect(await scrollsSideways(page)).toBe(false)
      await page.screenshot({ path: path.join(screenshots, `${name}-360px.png`), fullPage: true })
    })
  }

  test('the signed-in header fits, with the account menu and the theme toggle', async ({
    page,
  }) => {
    const user = await registerUser(page.request, 'phone')
    await page.goto('/dashboard')
    await expect(page.getByRole('heading', { level: 1, name: 'Your tasks' })).toBeVisible()
    await expect(page.getByRole('button', { name: `Account: ${user.name}` })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Theme' })).toBeVisible()
    expect(await scrollsSideways(page)).toBe(false)
    await page.screenshot({ path: path.join(screenshots, 'signed-in-header-360px.png') })
  })

  test('the sign-up form stays within the screen while its checklist and meter show', async ({
    page,
  }) => {
    await page.goto('/register')
    await page.getByLabel('Email').fill('someone-with-a-rather-long-address@example.com')
    await page.getByLabel('Password', { exact: true }).fill('Quartz-Otter-Meadow-42!')
    await page.getByRole('button', { name: 'Create account' }).focus()
    await expect(page.getByRole('meter', { name: 'Password strength' })).toBeVisible()
    expect(await scrollsSideways(page)).toBe(false)
    await page.screenshot({
      path: path.join(screenshots, 'register-filled-360px.png'),
      fullPage: true,
    })
  })
})

test('keyboard focus is visible on the sign-in form', async ({ page }) => {
  await page.goto('/login')
  const email = page.getByLabel('Email')
  await email.focus()
  // "Forgot password?" sits beside the password's label, so it comes first (decision 0401).
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Forgot password?' })).toBeFocused()
  await page.keyboard.press('Tab')
  const password = page.getByLabel('Password', { exact: true })
  await expect(password).toBeFocused()
  const ring = await password.evaluate((element) => getComputedStyle(element).boxShadow)
  expect(ring).not.toBe('none')
})
