import { expect, test } from '@playwright/test'
import { signInThroughForm } from '../fixtures/auth-forms'
import { registerUser } from '../fixtures/users'

test('an anonymous visit to the dashboard asks to sign in, then returns to the same address', async ({
  page,
  request,
}) => {
  const user = await registerUser(request, 'next')
  await page.goto('/dashboard?x=1')
  await expect(page).toHaveURL('/login?next=%2Fdashboard%3Fx%3D1')
  await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible()

  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Password', { exact: true }).fill(user.password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page).toHaveURL('/dashboard?x=1')
  await expect(page.getByRole('heading', { level: 1, name: 'Your tasks' })).toBeVisible()
})

test('following a link to the dashboard while signed out also asks to sign in', async ({
  page,
}) => {
  // A client-side navigation (an RSC request), not a full page load.
  await page.goto('/no-such-page')
  await page.getByRole('link', { name: 'Go to your tasks' }).click()
  await expect(page).toHaveURL('/login?next=%2Fdashboard')
  await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible()
})

test('a page below the dashboard is protected too', async ({ page }) => {
  await page.goto('/dashboard/anything?y=2')
  await expect(page).toHaveURL('/login?next=%2Fdashboard%2Fanything%3Fy%3D2')
})

for (const next of [
  'https://evil.example',
  '//evil.example',
  '/\\evil.example',
  '/dashboard/..//evil.example',
]) {
  test(`signing in with next=${next} stays on Taskwise and opens the dashboard`, async ({
    page,
    request,
  }) => {
    const user = await registerUser(request, 'evil')
    await signInThroughForm(page, user, `?next=${encodeURIComponent(next)}`)
    await expect(page).toHaveURL('/dashboard')
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL ?? '').host)
  })
}

test('a signed-in visit to the sign-in or sign-up page goes to the dashboard', async ({ page }) => {
  await registerUser(page.request, 'signed-in')
  await page.goto('/login')
  await expect(page).toHaveURL('/dashboard')
  await page.goto('/register')
  await expect(page).toHaveURL('/dashboard')
  // …and an off-site `next` on that visit is refused too.
  await page.goto('/login?next=%2F%2Fevil.example')
  await expect(page).toHaveURL('/dashboard')
})

test('a stale session cookie ends on the sign-in form with a reason, not in a loop', async ({
  page,
  context,
  request,
}) => {
  const user = await registerUser(request, 'stale')
  const { hostname } = new URL(test.info().project.use.baseURL ?? '')
  await context.addCookies([
    {
      name: 'taskwise.session_token',
      value: 'no-such-session.signature',
      domain: hostname,
      path: '/',
    },
  ])

  await page.goto('/dashboard?x=1')
  await expect(page).toHaveURL('/login?next=%2Fdashboard%3Fx%3D1&reason=session-expired')
  await expect(page.getByRole('status')).toHaveText(
    'Your session has ended. Sign in again to continue.',
  )

  // The sign-in page itself does not bounce a stale cookie to the dashboard.
  await page.goto('/login')
  await expect(page).toHaveURL('/login')
  await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible()

  await signInThroughForm(page, user, '?next=%2Fdashboard%3Fx%3D1')
  await expect(page).toHaveURL('/dashboard?x=1')
})

test('the API is never redirected to the sign-in page', async ({ request }) => {
  const response = await request.get('/api/auth/me', { maxRedirects: 0 })
  expect(response.status()).toBe(401)
  expect(response.headers()['content-type']).toContain('application/problem+json')
})
