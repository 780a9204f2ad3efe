// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import {
  json,
  problem,
  renderWithQuery,
  sentBody,
  stubFetch,
  stubResizeObserver,
} from '../test-utils'
import { ChangePasswordForm } from './change-password-form'

beforeEach(stubResizeObserver)

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const PATH = '/api/auth/change-password'

async function change(current: string, next: string) {
  const view = renderWithQuery(<ChangePasswordForm email="ada@example.com" name="Ada" />)
  await view.user.type(screen.getByLabelText('Current password'), current)
  await view.user.type(screen.getByLabelText('New password'), next)
  await view.user.click(screen.getByRole('button', { name: 'Change password' }))
  return view
}

test('a wrong current password is shown on that field, emptied and focused', async () => {
  stubFetch({
    [PATH]: () =>
      problem(400, {
        code: 'invalid_password',
        detail: 'The current password is not correct',
        errors: [
          {
            location: 'body',
            path: 'currentPassword',
            code: 'invalid_password',
            message: 'The current password is not correct',
          },
        ],
      }),
  })
  await change('Not-my-password-1', 'Quartz-Otter-Meadow-42!')

  const current = screen.getByLabelText('Current password')
  expect(await screen.findByText('The current password is not correct')).toBeVisible()
  expect(current).toHaveAttribute('aria-invalid', 'true')
  expect(current).toHaveAccessibleDescription('The current password is not correct')
  expect(current).toHaveValue('')
  expect(current).toHaveFocus()
  expect(screen.getByLabelText('New password')).not.toHaveAttribute('aria-invalid')
})

test('the new password gets the sign-up checklist, and a weak one is refused before sending', async () => {
  const fetchMock = stubFetch({})
  await change('Old-password-1', 'abc')

  expect(
    await screen.findByText(
      'Password requirements not met: at least 8 characters, an uppercase letter, a digit, a special character (neither letter nor digit).',
    ),
  ).toBeVisible()
  expect(screen.getByRole('list', { name: 'Password requirements' })).toBeInTheDocument()
  expect(fetchMock).not.toHaveBeenCalled()
})

test('other devices are signed out unless the box is unticked, and success is announced', async () => {
  const answer = () =>
    json(200, {
      user: {
        id: '3f1c2a8e-4b7d-4c1e-9a2b-6d5e4f3a2b1c',
        email: 'ada@example.com',
        name: 'Ada',
        createdAt: '2026-11-24T12:00:00.000Z',
      },
      token: 'header.payload.signature',
      expiresAt: '2026-12-01T12:00:00.000Z',
    })
  const fetchMock = stubFetch({ [PATH]: answer })
  const { user } = await change('Old-password-1', 'Quartz-Otter-Meadow-42!')

  expect(await screen.findByRole('status')).toHaveTextContent(
    'Your password was changed, and your other devices were signed out.',
  )
  expect(sentBody(fetchMock, PATH)).toEqual({
    currentPassword: 'Old-password-1',
    newPassword: 'Quartz-Otter-Meadow-42!',
    signOutOtherSessions: true,
  })
  expect(screen.getByLabelText('Current password')).toHaveValue('')

  const box = screen.getByRole('checkbox', { name: 'Sign out of all other devices' })
  expect(box).toBeChecked()
  await user.click(box)
  expect(box).not.toBeChecked()
  await user.type(screen.getByLabelText('Current password'), 'Quartz-Otter-Meadow-42!')
  await user.type(screen.getByLabelText('New password'), 'Heron-Lamp-Cellar-77?')
  await user.click(screen.getByRole('button', { name: 'Change password' }))
  await vi.waitFor(() =>
    expect(sentBody(fetchMock, PATH, 1)).toMatchObject({ signOutOtherSessions: false }),
  )
  expect(await screen.findByRole('status')).toHaveTextContent(/^Your password was changed\.$/)
})
