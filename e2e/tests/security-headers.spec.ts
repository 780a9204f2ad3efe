import { expect, test, type Page } from '@playwright/test'
import { openDashboard, quickAdd, taskItem } from '../fixtures/tasks'
import { registerUser } from '../fixtures/users'

/**
 * Every page under its Content-Security-Policy (docs/decisions/0521-security-headers.md): the
 * headers are there, the policy allows no inline script without this response's nonce, and the
 * pages still work in Chromium with not one violation reported.
 */

interface Violation {
  directive: string
  blocked: string
  page: string
}

/** Collects every CSP violation the browser reports: DOM events and console messages. */
async function watchViolations(page: Page): Promise<Violation[]> {
  const violations: Violation[] = []
  await page.exposeFunction('__reportCspViolation', (violation: Violation) =>
    violations.push(violation),
  )
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation(v: unknown): void })
        .__reportCspViolation
      report({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        page: location.pathname,
      })
    })
  })
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) {
      violations.push({ directive: 'console', blocked: message.text(), page: page.url() })
    }
  })
  return violations
}

const anonymousPages = [
  { path: '/', heading: 'Everything you have to do, in one calm list.' },
  { path: '/login', heading: 'Sign in to Taskwise' },
  { path: '/register', heading: 'Create your Taskwise account' },
  { path: '/forgot-password', heading: 'Forgot your password?' },
  { path: '/reset-password?token=not-a-real-token', heading: /./ },
  { path: '/no-such-page', heading: 'This page does not exist' },
]

test('every page carries the security headers, with a fresh nonce each time', async ({ page }) => {
  const nonces = new Set<string>()
  for (const { path } of anonymousPages) {
    const response = await page.goto(path)
    const headers = response?.headers() ?? {}
    const policy = headers['content-security-policy'] ?? ''
    const scriptSrc = policy.split(';').find((part) => part.trim().startsWith('script-src')) ?? ''
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1]
    expect(nonce, `${path}: script-src ${scriptSrc}`).toBeTruthy()
    nonces.add(nonce ?? '')
    expect(scriptSrc).not.toContain('unsafe-inline')
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).toContain("object-src 'none'")
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toMatch(/^(strict-origin-when-cross-origin|no-referrer)$/)
    expect(headers['permissions-policy']).toContain('camera=()')
    expect(headers['x-frame-options']).toBe('DENY')
    // Plain http: no HSTS (the https case is tested on the web server itself).
    expect(headers['strict-transport-security']).toBeUndefined()
    // Every script element of the page carries this response's nonce.
    const scripts = await page
      .locator('script')
      .evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).nonce))
    expect(scripts.length).toBeGreaterThan(0)
    expect(scripts.every((value) => value === nonce)).toBe(true)
  }
  expect(nonces.size).toBe(anonymousPages.length)
})

test('the reset page keeps its token to itself: no referrer at all', async ({ page }) => {
  const response = await page.goto('/reset-password?token=secret-in-the-address')
  expect(response?.headers()['referrer-policy']).toBe('no-referrer')
})

test('the pages work under the policy and no violation is reported', async ({ page }) => {
  const violations = await watchViolations(page)
  for (const { path, heading } of anonymousPages) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1, name: heading }).first()).toBeVisible()
  }
  // Scripts really run: the sign-in form checks its fields in the browser.
  await page.goto('/login')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByText('Enter a valid email address').first()).toBeVisible()

  // The sign-in page's passkey autofill left its challenge cookie: a program registers without it.
  await page.context().clearCookies()
  await registerUser(page.request, 'csp')
  await openDashboard(page)
  await quickAdd(page, 'Allowed by the policy')
  await expect(taskItem(page, 'Allowed by the policy')).toBeVisible()
  // A dialog (Radix positions with style attributes) and the theme switch.
  await taskItem(page, 'Allowed by the policy').getByRole('button', { name: /^Edit/ }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await page.goto('/settings')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  expect(violations).toEqual([])
})

test('markup that slips in cannot run its inline handler, and the attempt is reported', async ({
  page,
}) => {
  // The check above would pass if nothing were ever reported: show that a violation is seen.
  const violations = await watchViolations(page)
  await page.goto('/login')
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<button id="injected" onclick="window.__injected = true">injected</button>',
    )
  })
  await page.locator('#injected').click()
  await expect.poll(() => violations.length).toBeGreaterThan(0)
  expect(violations.some(({ directive }) => directive.startsWith('script-src'))).toBe(true)
  expect(
    await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected),
  ).toBeUndefined()
})
