import { expect, test } from '@playwright/test'
import { expectKeyOpensMenuAtFirstItem, MENU_KEYS } from '../fixtures/page-checks'

test('with no choice made, the page follows the system colour scheme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto('/login')
  await expect(page.locator('html')).toHaveClass(/\bdark\b/)

  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('html')).toHaveClass(/\blight\b/)
})

test('choosing dark with the toggle sticks across a reload, whatever the system says', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto('/login')
  await expect(page.locator('html')).toHaveClass(/\blight\b/)

  await page.getByRole('button', { name: 'Theme' }).click()
  await page.getByRole('menuitemradio', { name: 'Dark' }).click()
  await expect(page.locator('html')).toHaveClass(/\bdark\b/)
  expect(await page.evaluate(() => window.localStorage.getItem('theme'))).toBe('dark')

  await page.reload()
  await expect(page.locator('html')).toHaveClass(/\bdark\b/)
  // The choice is site-wide.
  await page.goto('/register')
  await expect(page.locator('html')).toHaveClass(/\bdark\b/)

  await page.getByRole('button', { name: 'Theme' }).click()
  await expect(page.getByRole('menuitemradio', { name: 'Dark' })).toHaveAttribute(
    'aria-checked',
    'true',
  )
  await page.getByRole('menuitemradio', { name: 'System' }).click()
  await expect(page.locator('html')).toHaveClass(/\blight\b/)
  await page.reload()
  await expect(page.locator('html')).toHaveClass(/\blight\b/)
})

for (const key of MENU_KEYS) {
  test(`opened with ${key}, the menu puts focus on its first item, the first time as later`, async ({
    page,
  }) => {
    await page.goto('/login')
    await expectKeyOpensMenuAtFirstItem(
      page,
      key,
      page.getByRole('button', { name: 'Theme' }),
      page.getByRole('menuitemradio', { name: 'Light' }),
    )
  })
}
