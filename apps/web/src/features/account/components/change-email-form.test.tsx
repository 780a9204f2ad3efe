// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import { json, problem, renderWithQuery, sentBody, stubFetch } from '../test-utils'
import { ChangeEmailForm } from './change-email-form'

const PATH = '/api/auth/change-email'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

async function change(newEmail: string, password: string) {
  const view = renderWithQuery(<ChangeEmailForm currentEmail="ada@example.com" />)
  await view.user.type(screen.getByLabelText('New email address'), newEmail)
  await view.user.type(screen.getByLabelText('Current password'), password)
  await view.user.click(screen.getByRole('button', { name: 'Change email' }))
  return view
}

test('a change asks the person to open the link sent to the new address', async () => {
  const fetchMock = stubFetch({ [PATH]: () => json(202, { message: 'Sent' }) })
  await change('Ada@New.example', 'Old-password-1')

  expect(await screen.findByRole('status')).toHaveTextContent(
    'We’ve sent a link to ada@new.example. Open it to finish the change; until then you sign in with ada@example.com.',
  )
  expect(sentBody(fetchMock, PATH)).toEqual({
    newEmail: 'ada@new.example',
    password: 'Old-password-1',
  })
  expect(screen.getByLabelText('Current password')).toHaveValue('')
})

test('a wrong password is shown on the password field', async () => {
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
  await change('ada@new.example', 'Wrong-password-1')
  const password = screen.getByLabelText('Current password')
  expect(await screen.findByText('The current password is not correct')).toBeVisible()
  expect(password).toHaveAccessibleDescription('The current password is not correct')
  expect(password).toHaveFocus()
})

test('the address the account already has is pointed out on the email field', async () => {
  stubFetch({
    [PATH]: () => problem(400, { code: 'same_email', detail: 'This is already the address' }),
  })
  await change('ada@example.com', 'Old-password-1')
  const email = screen.getByLabelText('New email address')
  expect(await screen.findByText('This is already your email address')).toBeVisible()
  expect(email).toHaveAccessibleDescription('This is already your email address')
  expect(email).toHaveFocus()
  expect(screen.getByRole('status')).toBeEmptyDOMElement()
})
