import { JWT_COOKIE_NAME } from '@taskwise/contracts/auth'
import { expect, test, type BrowserContext } from '@playwright/test'
import { openDashboard, quickAdd, taskItem } from '../fixtures/tasks'
import { registerUser } from '../fixtures/users'

async function replaceJwt(
  context: BrowserContext,
  change: (value: string) => string,
): Promise<void> {
  const cookies = await context.cookies()
  const jwt = cookies.find((cookie) => cookie.name === JWT_COOKIE_NAME)
  expect(jwt, `the ${JWT_COOKIE_NAME} cookie is set after sign-up`).toBeDefined()
  if (!jwt) return
  await context.addCookies([{ ...jwt, value: change(jwt.value) }])
}

/** The same token with one character of its signature changed. */
function tamperSignature(token: string): string {
  const last = token.at(-2) === 'A' ? 'B' : 'A'
  return `${token.slice(0, -2)}${last}${token.slice(-1)}`
}

for (const [name, change] of [
  ['a token whose signature was changed', tamperSignature],
  ['a token that is not a JWT at all', () => 'not-a-token'],
] as const) {
  test(`${name} on the dashboard leads to sign-in with a session-expired reason`, async ({
    page,
    context,
  }) => {
    await registerUser(page.request, 'session')
    await openDashboard(page)
    await quickAdd(page, 'Task before tampering')
    await expect(taskItem(page, 'Task before tampering')).toBeVisible()

    await replaceJwt(context, change)
    await page.reload()

    await expect(page).toHaveURL(/\/login\?/)
    const url = new URL(page.url())
    expect(url.pathname).toBe('/login')
    expect(url.searchParams.get('reason')).toBe('session-expired')
    expect(url.searchParams.get('next')).toBe('/dashboard')

    // The session was ended too: the dashboard now sends straight to sign-in.
    await page.goto('/dashboard')
    await expect(page).toHaveURL(/\/login(\?|$)/)
  })
}
