// @vitest-environment jsdom
import type { ActivityItem } from '@taskwise/contracts/account'
import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import { json, renderWithQuery, stubFetch } from '../test-utils'
import { ACTIVITY_PAGE, ActivitySection } from './activity-section'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function item(overrides: Partial<ActivityItem>): ActivityItem {
  return {
    type: 'sign_in',
    at: '2026-11-26T10:00:00.000Z',
    ip: '203.0.113.7',
    device: 'Chrome on Linux',
    ...overrides,
  }
}

test('each entry is named in words, with its time, device and address', async () => {
  stubFetch({
    '/api/auth/activity': () =>
      json(200, {
        items: [
          item({ type: 'sign_in_failed', device: 'Safari on iOS', ip: '198.51.100.9' }),
          item({ type: 'password_changed', at: '2026-11-20T08:00:00.000Z', ip: null }),
        ],
      }),
  })
  renderWithQuery(<ActivitySection />)

  const entries = within(
    await screen.findByRole('list', { name: 'Account activity' }),
  ).getAllByRole('listitem')
  expect(entries[0]).toHaveTextContent('Failed sign-in attempt')
  expect(entries[0]).toHaveTextContent('Safari on iOS · IP address: 198.51.100.9')
  expect(entries[0]?.querySelector('time')).toHaveAttribute('dateTime', '2026-11-26T10:00:00.000Z')
  expect(entries[1]).toHaveTextContent('Password changed')
  expect(entries[1]).toHaveTextContent('IP address: unknown')
})

test('a long history shows the newest entries first and more on request', async () => {
  const items = Array.from({ length: ACTIVITY_PAGE + 3 }, () => item({}))
  stubFetch({ '/api/auth/activity': () => json(200, { items }) })
  const { user } = renderWithQuery(<ActivitySection />)

  const list = await screen.findByRole('list', { name: 'Account activity' })
  expect(within(list).getAllByRole('listitem')).toHaveLength(ACTIVITY_PAGE)
  await user.click(screen.getByRole('button', { name: 'Show more (3 left)' }))
  expect(within(list).getAllByRole('listitem')).toHaveLength(ACTIVITY_PAGE + 3)
  expect(screen.queryByRole('button', { name: /Show more/ })).not.toBeInTheDocument()
})

test('no activity says so', async () => {
  stubFetch({ '/api/auth/activity': () => json(200, { items: [] }) })
  renderWithQuery(<ActivitySection />)
  expect(await screen.findByText('Nothing in the last 90 days.')).toBeVisible()
})
