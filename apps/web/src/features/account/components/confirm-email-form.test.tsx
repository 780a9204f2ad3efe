// @vitest-environment jsdom
import { cleanup, render, screen, within, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, expect, test, vi } from 'vitest'
import { json, problem, sentBody, stubFetch } from '../test-utils'
import { ConfirmEmailForm } from './confirm-email-form'

const router = vi.hoisted(() => ({ replace: vi.fn(), refresh: vi.fn() }))
vi.mock('next/navigation', () => ({ useRouter: () => router }))

const PATH = '/api/auth/change-email/confirm'
const TOKEN = 'mailed-email-token'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function renderForm() {
  const user = userEvent.setup()
  render(<ConfirmEmailForm token={TOKEN} />)
  return user
}

test('opening the link sends nothing until the button is pressed', async () => {
  const fetchMock = stubFetch({})
  renderForm()
  expect(screen.getByRole('button', { name: 'Confirm new email address' })).toBeEnabled()
  expect(fetchMock).not.toHaveBeenCalled()
})

test('confirming shows the new address', async () => {
  const fetchMock = stubFetch({
    [PATH]: () =>
      json(200, {
        user: {
          id: '3f1c2a8e-4b7d-4c1e-9a2b-6d5e4f3a2b1c',
          email: 'ada@new.example',
          name: 'Ada',
          createdAt: '2026-11-24T12:00:00.000Z',
        },
      }),
  })
  const user = renderForm()
  await user.click(screen.getByRole('button', { name: 'Confirm new email address' }))

  expect(await screen.findByRole('status')).toHaveTextContent(
    'From now on you sign in with ada@new.example.',
  )
  expect(sentBody(fetchMock, PATH)).toEqual({ token: TOKEN })
  expect(screen.getByRole('link', { name: 'Go to your settings' })).toHaveFocus()
})

test('a used or expired link says so and the address is unchanged', async () => {
  stubFetch({
    [PATH]: () => problem(400, { code: 'email_token_invalid', detail: 'not valid' }),
  })
  const user = renderForm()
  await user.click(screen.getByRole('button', { name: 'Confirm new email address' }))

  await waitFor(() =>
    expect(screen.getByRole('alert')).toHaveTextContent('This link is not valid any more'),
  )
  const notice = screen.getByRole('alert')
  expect(notice).toHaveTextContent('Your email address has not changed.')
  expect(within(notice).getByRole('link')).toHaveAttribute('href', '/settings#profile')
})

test('an address another account took meanwhile is explained', async () => {
  stubFetch({ [PATH]: () => problem(409, { code: 'email_taken', detail: 'taken' }) })
  const user = renderForm()
  await user.click(screen.getByRole('button', { name: 'Confirm new email address' }))
  await waitFor(() =>
    expect(screen.getByRole('alert')).toHaveTextContent(
      'That address belongs to another account now',
    ),
  )
})
