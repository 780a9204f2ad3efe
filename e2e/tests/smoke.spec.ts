import { expect, test } from '@playwright/test'

test('the landing page says what Taskwise is and offers sign-up and sign-in', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveTitle(/Taskwise/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(
    page.getByRole('link', { name: /sign up|get started|create/i }).first(),
  ).toBeVisible()
  await expect(page.getByRole('link', { name: /sign in|log in/i }).first()).toBeVisible()
})
