// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { RegisterForm } from './register-form'

const router = vi.hoisted(() => ({ replace: vi.fn(), refresh: vi.fn() }))
vi.mock('next/navigation', () => ({ useRouter: () => router }))

beforeEach(() => {
  router.replace.mockReset()
  router.refresh.mockReset()
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function renderForm() {
  const user = userEvent.setup()
  render(<RegisterForm next="/dashboard?x=1" />)
  return { user, password: screen.getByLabelText('Password') }
}

/** A checklist item as the page shows it: its text says whether the rule is met. */
function rule(text: string): HTMLElement {
  const list = screen.getByRole('list', { name: 'Password requirements' })
  const item = within(list)
    .getAllByRole('listitem')
    .find((li) => li.textContent?.startsWith(text))
  if (!item) throw new Error(`no checklist item "${text}"`)
  return item
}

function expectMet(text: string, met: boolean) {
  expect(rule(text)).toHaveTextContent(met ? `${text} (met)` : `${text} (not met yet)`)
}

function problem(
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ status, title: 'refused', ...body }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  })
}

test('every rule starts unmet, and each turns met as the password gains what it asks for', async () => {
  const { user, password } = renderForm()
  for (const text of [
    'At least 8 characters',
    'An uppercase letter',
    'A lowercase letter',
    'A digit',
    'A special character (neither letter nor digit)',
    'Not a common password',
  ]) {
    expectMet(text, false)
  }

  await user.type(password, 'q')
  expectMet('A lowercase letter', true)
  expectMet('An uppercase letter', false)

  await user.type(password, 'Q')
  expectMet('An uppercase letter', true)
  expectMet('A digit', false)

  await user.type(password, '7')
  expectMet('A digit', true)
  expectMet('A special character (neither letter nor digit)', false)

  await user.type(password, '#')
  expectMet('A special character (neither letter nor digit)', true)
  expectMet('At least 8 characters', false)

  await user.type(password, 'zebra')
  expectMet('At least 8 characters', true)
  // Ticked once the common-password list has loaded (it starts loading on the first focus).
  await waitFor(() => expectMet('Not a common password', true))
})

test('a rule turns unmet again when what met it is deleted', async () => {
  const { user, password } = renderForm()
  await user.type(password, 'Lantern-x7')
  expectMet('A digit', true)
  await user.keyboard('{Backspace}')
  expect(password).toHaveValue('Lantern-x')
  expectMet('A digit', false)
  expectMet('A special character (neither letter nor digit)', true)
})

test('a common password with the required characters bolted on is marked as common', async () => {
  const { user, password } = renderForm()
  await user.type(password, 'Password1!')
  expectMet('At least 8 characters', true)
  expectMet('Not a common password', false)
})

test('the strength meter appears with typing and rates a common word very weak, a long passphrase very strong', async () => {
  const { user, password } = renderForm()
  expect(screen.queryByRole('meter', { name: 'Password strength' })).not.toBeInTheDocument()

  await user.type(password, 'password')
  const meter = screen.getByRole('meter', { name: 'Password strength' })
  expect(meter).toHaveAttribute('aria-valuetext', 'Very weak')
  expect(screen.getByText(/^Strength:/)).toHaveTextContent('Strength: Very weak')

  await user.clear(password)
  await user.type(password, 'Quartz-Otter-Meadow-42!')
  expect(screen.getByRole('meter', { name: 'Password strength' })).toHaveAttribute(
    'aria-valuetext',
    'Very strong',
  )
})

test('submitting a weak password names every unmet rule under the field and sends nothing', async () => {
  const fetchMock = vi.fn()
  vi.stubGlobal('fetch', fetchMock)
  const { user, password } = renderForm()
  await user.type(screen.getByLabelText('Email'), 'ada@example.com')
  await user.type(password, 'abc')
  await user.click(screen.getByRole('button', { name: 'Create account' }))

  expect(
    await screen.findByText(
      'Password requirements not met: at least 8 characters, an uppercase letter, a digit, a special character (neither letter nor digit).',
    ),
  ).toBeInTheDocument()
  expect(password).toHaveAttribute('aria-invalid', 'true')
  expect(fetchMock).not.toHaveBeenCalled()
})

test('the show-password button reveals the password and hides it again', async () => {
  const { user, password } = renderForm()
  const toggle = screen.getByRole('button', { name: 'Show password' })
  expect(password).toHaveAttribute('type', 'password')
  await user.click(toggle)
  expect(password).toHaveAttribute('type', 'text')
  expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await user.click(toggle)
  expect(password).toHaveAttribute('type', 'password')
})

test('a taken email address is shown next to the email field with a way to sign in', async () => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      problem(409, {
        code: 'email_taken',
        detail: 'An account with this email address already exists. Sign in instead.',
        errors: [
          {
            location: 'body',
            path: 'email',
            code: 'email_taken',
            message: 'This email address is taken',
          },
        ],
      }),
    ),
  )
  const { user, password } = renderForm()
  const email = screen.getByLabelText('Email')
  await user.type(email, 'ada@example.com')
  await user.type(password, 'Quartz-Otter-Meadow-42!')
  await user.click(screen.getByRole('button', { name: 'Create account' }))

  expect(await screen.findByText('This email address is taken')).toHaveAttribute(
    'id',
    'register-email-error',
  )
  expect(email).toHaveAccessibleDescription('This email address is taken')
  expect(screen.getByRole('link', { name: 'Sign in instead' })).toHaveAttribute(
    'href',
    '/login?next=%2Fdashboard%3Fx%3D1',
  )
  expect(router.replace).not.toHaveBeenCalled()
})

test('password rules the server refused are shown under the password field', async () => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      problem(400, {
        code: 'password_policy',
        detail: 'The password does not meet the policy; every unmet rule is listed.',
        errors: [
          {
            location: 'body',
            path: 'password',
            code: 'password_too_common',
            message: 'Not a common password',
          },
        ],
      }),
    ),
  )
  const { user, password } = renderForm()
  await user.type(screen.getByLabelText('Email'), 'ada@example.com')
  await user.type(password, 'Quartz-Otter-Meadow-42!')
  await user.click(screen.getByRole('button', { name: 'Create account' }))

  expect(
    await screen.findByText('Not a common password', { selector: '#register-password-error' }),
  ).toBeVisible()
  expect(password).toHaveAttribute('aria-invalid', 'true')
})

test('too many sign-ups from one place say how long to wait', async () => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      problem(
        429,
        {
          code: 'rate_limited',
          detail: 'Too many requests. Try again after the time given in Retry-After.',
        },
        { 'retry-after': '30' },
      ),
    ),
  )
  const { user, password } = renderForm()
  await user.type(screen.getByLabelText('Email'), 'ada@example.com')
  await user.type(password, 'Quartz-Otter-Meadow-42!')
  await user.click(screen.getByRole('button', { name: 'Create account' }))
  expect(await screen.findByText('Too many attempts. Try again in 30 seconds.')).toBeVisible()
})

test('a successful sign-up goes on to the page it was asked to return to', async () => {
  const fetchMock = vi.fn(
    async () =>
      new Response(
        JSON.stringify({
          user: {
            id: '3f1c2a8e-4b7d-4c1e-9a2b-6d5e4f3a2b1c',
            email: 'ada@example.com',
            name: '',
            createdAt: '2026-11-24T12:00:00.000Z',
          },
          token: 'header.payload.signature',
          expiresAt: '2026-12-01T12:00:00.000Z',
        }),
        { status: 201, headers: { 'content-type': 'application/json' } },
      ),
  )
  vi.stubGlobal('fetch', fetchMock)
  const { user, password } = renderForm()
  await user.type(screen.getByLabelText('Email'), '  Ada@Example.com ')
  await user.type(password, 'Quartz-Otter-Meadow-42!')
  await user.click(screen.getByRole('button', { name: 'Create account' }))

  await vi.waitFor(() => expect(router.replace).toHaveBeenCalledWith('/dashboard?x=1'))
  const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
  expect(JSON.parse(String(init.body))).toEqual({
    email: 'ada@example.com',
    password: 'Quartz-Otter-Meadow-42!',
  })
  expect(screen.getByRole('button', { name: 'Creating your account…' })).toBeDisabled()
})
