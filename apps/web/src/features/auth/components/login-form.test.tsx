// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { LoginForm } from './login-form'

const router = vi.hoisted(() => ({ replace: vi.fn(), refresh: vi.fn() }))
const address = vi.hoisted(() => ({ search: '' }))
vi.mock('next/navigation', () => ({
  useRouter: () => router,
  useSearchParams: () => new URLSearchParams(address.search),
}))

beforeEach(() => {
  router.replace.mockReset()
  router.refresh.mockReset()
  address.search = ''
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function problem(
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return new Response(JSON.stringify({ status, title: 'refused', ...body }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  })
}

async function signIn(email: string, password: string, next?: string) {
  const user = userEvent.setup()
  render(<LoginForm next={next} />)
  await user.type(screen.getByLabelText('Email'), email)
  if (password) await user.type(screen.getByLabelText('Password'), password)
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
  return user
}

test('an address that is not an email is pointed out under the field and nothing is sent', async () => {
  const fetchMock = vi.fn()
  vi.stubGlobal('fetch', fetchMock)
  await signIn('ada.example.com', 'whatever')

  expect(await screen.findByText('Enter a valid email address')).toBeVisible()
  expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter a valid email address')
  expect(fetchMock).not.toHaveBeenCalled()
})

test('an empty password is asked for', async () => {
  vi.stubGlobal('fetch', vi.fn())
  await signIn('ada@example.com', '')
  expect(await screen.findByText('Enter your password')).toBeVisible()
})

test('wrong credentials say so, keep the email and empty the password', async () => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      problem(401, {
        code: 'invalid_credentials',
        detail: 'The email address or the password is not correct.',
      }),
    ),
  )
  await signIn('ada@example.com', 'Not-her-password-1')

  await waitFor(() =>
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The email address or password is not correct.',
    ),
  )
  expect(screen.getByLabelText('Email')).toHaveValue('ada@example.com')
  expect(screen.getByLabelText('Password')).toHaveValue('')
  expect(router.replace).not.toHaveBeenCalled()
})

test('too many attempts say how long to wait, from Retry-After', async () => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      problem(
        429,
        {
          code: 'rate_limited',
          detail: 'Too many requests. Try again after the time given in Retry-After.',
        },
        { 'retry-after': '120' },
      ),
    ),
  )
  await signIn('ada@example.com', 'Some-password-1')
  await waitFor(() =>
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Too many attempts. Try again in 2 minutes.',
    ),
  )
})

test('a locked account says so, with the wait in seconds when it is short', async () => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      problem(429, { code: 'account_locked', detail: 'locked' }, { 'retry-after': '42' }),
    ),
  )
  await signIn('ada@example.com', 'Some-password-1')
  await waitFor(() =>
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Too many sign-in attempts for this account. Try again in 42 seconds.',
    ),
  )
})

test('a server that cannot be reached gets a sentence, not a crash', async () => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      throw new TypeError('Failed to fetch')
    }),
  )
  await signIn('ada@example.com', 'Some-password-1')
  await waitFor(() =>
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong. Try again.'),
  )
})

test('a successful sign-in goes to the page it came from, never off the site', async () => {
  const ok = () =>
    new Response(
      JSON.stringify({
        user: {
          id: '3f1c2a8e-4b7d-4c1e-9a2b-6d5e4f3a2b1c',
          email: 'ada@example.com',
          name: 'Ada',
          createdAt: '2026-11-24T12:00:00.000Z',
        },
        token: 'header.payload.signature',
        expiresAt: '2026-12-01T12:00:00.000Z',
      }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    )
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => ok()),
  )
  await signIn('ada@example.com', 'Some-password-1', '/dashboard?x=1')
  await vi.waitFor(() => expect(router.replace).toHaveBeenCalledWith('/dashboard?x=1'))
  expect(screen.getByRole('button', { name: 'Signing in…' })).toBeDisabled()

  cleanup()
  router.replace.mockReset()
  await signIn('ada@example.com', 'Some-password-1', 'https://evil.example/')
  await vi.waitFor(() => expect(router.replace).toHaveBeenCalledWith('/dashboard'))
})

test('the password field offers a way to reset a forgotten password', () => {
  render(<LoginForm />)
  expect(screen.getByRole('link', { name: 'Forgot password?' })).toHaveAttribute(
    'href',
    '/forgot-password',
  )
})

test('arriving after a password reset says the password was changed', () => {
  address.search = 'reset=1'
  render(<LoginForm />)
  expect(screen.getByRole('status')).toHaveTextContent(
    'Your password was changed. Sign in with the new one.',
  )
})

test('arriving after deleting the account says it was deleted', () => {
  address.search = 'deleted=1'
  render(<LoginForm />)
  expect(screen.getByRole('status')).toHaveTextContent('Your account and its tasks were deleted.')
})
