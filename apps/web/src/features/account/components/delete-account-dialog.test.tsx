// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { noContent, problem, renderWithQuery, sentBody, stubFetch } from '../test-utils'
import { DeleteAccountDialog } from './delete-account-dialog'

const router = vi.hoisted(() => ({ replace: vi.fn(), refresh: vi.fn() }))
vi.mock('next/navigation', () => ({ useRouter: () => router }))

const PATH = '/api/auth/delete-account'

beforeEach(() => router.replace.mockReset())

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

async function openDialog() {
  const view = renderWithQuery(<DeleteAccountDialog />)
  await view.user.click(screen.getByRole('button', { name: 'Delete account…' }))
  const dialog = await screen.findByRole('dialog', { name: 'Delete your account?' })
  return { ...view, dialog }
}

test('the delete button stays disabled until both the password and the phrase are typed', async () => {
  const fetchMock = stubFetch({})
  const { user } = await openDialog()
  const confirm = screen.getByRole('button', { name: 'Delete my account' })
  expect(confirm).toBeDisabled()

  await user.type(screen.getByLabelText('Your password'), 'Old-password-1')
  expect(confirm).toBeDisabled()

  const phrase = screen.getByLabelText('Type “delete my account” to confirm')
  await user.type(phrase, 'delete my accoun')
  expect(confirm).toBeDisabled()
  await user.type(phrase, 't')
  expect(confirm).toBeEnabled()

  await user.clear(screen.getByLabelText('Your password'))
  expect(confirm).toBeDisabled()
  expect(fetchMock).not.toHaveBeenCalled()
})

test('a wrong password keeps the account and says so on the password field', async () => {
  stubFetch({
    [PATH]: () =>
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
  const { user } = await openDialog()
  await user.type(screen.getByLabelText('Your password'), 'Not-my-password-1')
  await user.type(screen.getByLabelText('Type “delete my account” to confirm'), 'delete my account')
  await user.click(screen.getByRole('button', { name: 'Delete my account' }))

  const password = screen.getByLabelText('Your password')
  expect(await screen.findByText('The current password is not correct')).toBeVisible()
  expect(password).toHaveAccessibleDescription('The current password is not correct')
  expect(password).toHaveFocus()
  expect(router.replace).not.toHaveBeenCalled()
})

test('a deleted account leads to sign-in, which says it is gone', async () => {
  const fetchMock = stubFetch({ [PATH]: () => noContent() })
  const { user } = await openDialog()
  await user.type(screen.getByLabelText('Your password'), 'Old-password-1')
  await user.type(screen.getByLabelText('Type “delete my account” to confirm'), 'Delete My Account')
  await user.click(screen.getByRole('button', { name: 'Delete my account' }))

  await vi.waitFor(() => expect(router.replace).toHaveBeenCalledWith('/login?deleted=1'))
  expect(sentBody(fetchMock, PATH)).toEqual({ password: 'Old-password-1' })
})
