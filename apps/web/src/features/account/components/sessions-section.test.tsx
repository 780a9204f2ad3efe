// @vitest-environment jsdom
import type { SessionItem } from '@taskwise/contracts/account'
import { cleanup, screen, within, waitFor } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import { json, noContent, problem, renderWithQuery, sentBody, stubFetch } from '../test-utils'
import { SessionsSection } from './sessions-section'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const here: SessionItem = {
  id: '0b7f5c1e-1111-4c1e-9a2b-6d5e4f3a2b1c',
  current: true,
  device: 'Chrome on Linux',
  ip: '203.0.113.7',
  createdAt: '2026-11-20T09:00:00.000Z',
  lastActiveAt: '2026-11-27T07:59:00.000Z',
}
const phone: SessionItem = {
  id: '9c2d4e6f-2222-4c1e-9a2b-6d5e4f3a2b1c',
  current: false,
  device: 'Firefox on Android',
  ip: '198.51.100.23',
  createdAt: '2026-11-01T18:30:00.000Z',
  lastActiveAt: '2026-11-25T21:10:00.000Z',
}
const REVOKE = `/api/auth/sessions/${phone.id}/revoke`

function rowOf(device: string): HTMLElement {
  const list = screen.getByRole('list', { name: 'Signed-in devices' })
  const row = within(list)
    .getAllByRole('listitem')
    .find((item) => item.textContent?.includes(device))
  if (!row) throw new Error(`no row for ${device}`)
  return row
}

test('the list marks this device, shows where and when each signed in, and offers no way to end it', async () => {
  stubFetch({ '/api/auth/sessions': () => json(200, { items: [phone, here] }) })
  renderWithQuery(<SessionsSection />)

  await screen.findByRole('list', { name: 'Signed-in devices' })
  const [first, second] = within(
    screen.getByRole('list', { name: 'Signed-in devices' }),
  ).getAllByRole('listitem')
  expect(first).toHaveTextContent('Chrome on Linux')
  expect(first).toHaveTextContent('This device')
  expect(first).toHaveTextContent('IP address: 203.0.113.7')
  expect(within(first!).queryByRole('button')).not.toBeInTheDocument()
  expect(second).not.toHaveTextContent('This device')
  expect(within(second!).getByRole('button', { name: 'End the session on Firefox on Android' }))
  const times = rowOf('Firefox on Android').querySelectorAll('time')
  expect([...times].map((time) => time.getAttribute('dateTime'))).toEqual([
    phone.createdAt,
    phone.lastActiveAt,
  ])
})

test('ending a session asks for the password first, then the list no longer shows it', async () => {
  let listed = [here, phone]
  const fetchMock = stubFetch({
    '/api/auth/sessions': () => json(200, { items: listed }),
    [REVOKE]: () => {
      listed = [here]
      return noContent()
    },
  })
  const { user } = renderWithQuery(<SessionsSection />)
  await user.click(
    await screen.findByRole('button', { name: 'End the session on Firefox on Android' }),
  )

  const dialog = await screen.findByRole('dialog', { name: 'Sign out of Firefox on Android?' })
  expect(within(dialog).getByLabelText('Your password')).toHaveFocus()
  expect(fetchMock).not.toHaveBeenCalledWith(REVOKE, expect.anything())

  await user.type(within(dialog).getByLabelText('Your password'), 'Old-password-1')
  await user.click(within(dialog).getByRole('button', { name: 'End session' }))

  await vi.waitFor(() => expect(screen.queryByText('Firefox on Android')).not.toBeInTheDocument())
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(sentBody(fetchMock, REVOKE)).toEqual({ password: 'Old-password-1' })
  expect(screen.getByText('You’re not signed in anywhere else.')).toBeVisible()
  // The row and its button are gone: focus goes to the section's heading.
  await vi.waitFor(() =>
    expect(screen.getByRole('heading', { name: 'Where you’re signed in' })).toHaveFocus(),
  )
})

test('a wrong password keeps the dialog open with the error on the field', async () => {
  stubFetch({
    '/api/auth/sessions': () => json(200, { items: [here, phone] }),
    [REVOKE]: () =>
      problem(400, {
        code: 'invalid_password',
        detail: 'The current password is not correct',
        errors: [
          {
            location: 'body',
            path: 'password',
            code: 'invalid_password',
            message: 'The current password is not correct',
          },
        ],
      }),
  })
  const { user } = renderWithQuery(<SessionsSection />)
  await user.click(
    await screen.findByRole('button', { name: 'End the session on Firefox on Android' }),
  )
  const dialog = await screen.findByRole('dialog')
  await user.type(within(dialog).getByLabelText('Your password'), 'Wrong-password-1')
  await user.click(within(dialog).getByRole('button', { name: 'End session' }))

  const password = within(dialog).getByLabelText('Your password')
  expect(await within(dialog).findByText('The current password is not correct')).toBeVisible()
  expect(password).toHaveAccessibleDescription('The current password is not correct')
  expect(password).toHaveFocus()
  expect(dialog).toBeInTheDocument()
})

test('signing out every other device asks for the password and sends it once', async () => {
  let listed = [here, phone]
  const fetchMock = stubFetch({
    '/api/auth/sessions': () => json(200, { items: listed }),
    '/api/auth/sessions/revoke-others': () => {
      listed = [here]
      return noContent()
    },
  })
  const { user } = renderWithQuery(<SessionsSection />)
  await user.click(await screen.findByRole('button', { name: 'Sign out all other devices' }))
  const dialog = await screen.findByRole('dialog', { name: 'Sign out all other devices?' })
  expect(dialog).toHaveTextContent('One other device will need to sign in again.')
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
  await vi.waitFor(() =>
    expect(screen.getByRole('button', { name: 'Sign out all other devices' })).toHaveFocus(),
  )
  expect(fetchMock).toHaveBeenCalledTimes(1)

  await user.click(screen.getByRole('button', { name: 'Sign out all other devices' }))
  const again = await screen.findByRole('dialog', { name: 'Sign out all other devices?' })
  await user.type(within(again).getByLabelText('Your password'), 'Old-password-1')
  await user.click(within(again).getByRole('button', { name: 'Sign out other devices' }))

  await vi.waitFor(() => expect(screen.queryByText('Firefox on Android')).not.toBeInTheDocument())
  expect(sentBody(fetchMock, '/api/auth/sessions/revoke-others')).toEqual({
    password: 'Old-password-1',
  })
})

test('a list that cannot be loaded says so and can be tried again', async () => {
  stubFetch({
    '/api/auth/sessions': () => problem(503, { code: 'service_unavailable', detail: 'Down' }),
  })
  renderWithQuery(<SessionsSection />)
  await waitFor(() =>
    expect(screen.getByRole('alert')).toHaveTextContent('Your devices could not be loaded.'),
  )
  expect(screen.getByRole('button', { name: 'Try again' })).toBeVisible()
})
