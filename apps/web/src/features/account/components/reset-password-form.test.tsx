// @vitest-environment jsdom
import { cleanup, render, screen, within, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { noContent, problem, sentBody, stubFetch } from '../test-utils'
import { ResetPasswordForm } from './reset-password-form'

const router = vi.hoisted(() => ({ replace: vi.fn(), refresh: vi.fn() }))
vi.mock('next/navigation', () => ({ useRouter: () => router }))

const TOKEN = 'aB3_-mailed-token'

beforeEach(() => router.replace.mockReset())

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

async function choose(password: string) {
  const user = userEvent.setup()
  render(<ResetPasswordForm token={TOKEN} />)
  const field = screen.getByLabelText('New password')
  await user.type(field, password)
  await user.click(screen.getByRole('button', { name: 'Set new password' }))
  return { user, field }
}

function checklistItem(text: string): HTMLElement {
  const list = screen.getByRole('list', { name: 'Password requirements' })
  const item = within(list)
    .getAllByRole('listitem')
    .find((li) => li.textContent?.startsWith(text))
  if (!item) throw new Error(`no checklist item "${text}"`)
  return item
}

test('a password short of the policy names every unmet rule, and the checklist shows them', async () => {
  const fetchMock = stubFetch({})
  const { field } = await choose('qzv')

  expect(
    await screen.findByText(
      'Password requirements not met: at least 8 characters, an uppercase letter, a digit, a special character (neither letter nor digit).',
    ),
  ).toBeVisible()
  expect(field).toHaveAttribute('aria-invalid', 'true')
  expect(field).toHaveFocus()
  expect(checklistItem('A lowercase letter')).toHaveTextContent('(met)')
  expect(checklistItem('A digit')).toHaveTextContent('(not met yet)')
  expect(screen.getByRole('meter', { name: 'Password strength' })).toBeInTheDocument()
  expect(fetchMock).not.toHaveBeenCalled()
})

test('rules the server refused are named under the field', async () => {
  stubFetch({
    '/api/auth/reset-password': () =>
      problem(400, {
        code: 'password_policy',
        detail: 'The password does not meet the policy',
        errors: [
          {
            location: 'body',
            path: 'password',
            code: 'password_too_common',
            message: 'Not a common password',
          },
        ],
      }),
  })
  const { field } = await choose('Quartz-Otter-Meadow-42!')
  expect(
    await screen.findByText('Password requirements not met: not a common password.'),
  ).toBeVisible()
  expect(field).toHaveAccessibleDescription(
    expect.stringContaining('Password requirements not met: not a common password.'),
  )
})

test('a used or expired link says so and offers a new one', async () => {
  stubFetch({
    '/api/auth/reset-password': () =>
      problem(400, { code: 'reset_token_invalid', detail: 'The reset link is not valid' }),
  })
  await choose('Quartz-Otter-Meadow-42!')

  await waitFor(() =>
    expect(screen.getByRole('alert')).toHaveTextContent('This link is not valid any more'),
  )
  const notice = screen.getByRole('alert')
  expect(notice).toHaveTextContent('used already or is older than that')
  expect(within(notice).getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute(
    'href',
    '/forgot-password',
  )
  expect(screen.queryByLabelText('New password')).not.toBeInTheDocument()
  expect(router.replace).not.toHaveBeenCalled()
})

test('a new password that is accepted leads to sign-in, the token sent only in the body', async () => {
  const fetchMock = stubFetch({ '/api/auth/reset-password': () => noContent() })
  await choose('Quartz-Otter-Meadow-42!')

  await vi.waitFor(() => expect(router.replace).toHaveBeenCalledWith('/login?reset=1'))
  expect(sentBody(fetchMock, '/api/auth/reset-password')).toEqual({
    token: TOKEN,
    password: 'Quartz-Otter-Meadow-42!',
  })
  expect(fetchMock).toHaveBeenCalledTimes(1)
  expect(screen.getByRole('button', { name: 'Saving your new password…' })).toBeDisabled()
})
