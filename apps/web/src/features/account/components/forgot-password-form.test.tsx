// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, expect, test, vi } from 'vitest'
import { json, problem, sentBody, stubFetch } from '../test-utils'
import { ForgotPasswordForm } from './forgot-password-form'

const SENT =
  'If an account exists for that address, we’ve sent a link to choose a new password; it expires in 30 minutes.'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

async function ask(email: string) {
  const user = userEvent.setup()
  render(<ForgotPasswordForm />)
  await user.type(screen.getByLabelText('Email'), email)
  await user.click(screen.getByRole('button', { name: 'Send reset link' }))
  return user
}

test('any address gets the same confirmation, whatever the server knows of it', async () => {
  const fetchMock = stubFetch({
    '/api/auth/forgot-password': () => json(202, { message: 'Sent if it exists' }),
  })
  await ask('  Ada@Example.com ')

  expect(await screen.findByRole('status')).toHaveTextContent(SENT)
  expect(sentBody(fetchMock, '/api/auth/forgot-password')).toEqual({ email: 'ada@example.com' })

  cleanup()
  stubFetch({
    '/api/auth/forgot-password': () => json(202, { message: 'Something else entirely' }),
  })
  await ask('nobody@example.com')
  expect(await screen.findByRole('status')).toHaveTextContent(SENT)
})

test('an address that is not an email is pointed out and nothing is sent', async () => {
  const fetchMock = stubFetch({})
  await ask('ada.example.com')
  expect(await screen.findByText('Enter a valid email address')).toBeVisible()
  expect(screen.getByLabelText('Email')).toHaveFocus()
  expect(fetchMock).not.toHaveBeenCalled()
})

test('too many requests say how long to wait', async () => {
  stubFetch({
    '/api/auth/forgot-password': () =>
      problem(429, { code: 'rate_limited', detail: 'Too many' }, { 'retry-after': '300' }),
  })
  await ask('ada@example.com')
  await waitFor(() =>
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Too many attempts. Try again in 5 minutes.',
    ),
  )
  expect(screen.getByRole('status')).toBeEmptyDOMElement()
})
