// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, expect, test, vi } from 'vitest'
import ErrorPage from './error'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

test('a page that failed offers to try again, a way home and the reference to quote', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
  const reset = vi.fn()
  const error = Object.assign(new Error('database unreachable'), { digest: '1472613731' })
  render(<ErrorPage error={error} reset={reset} />)

  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Something went wrong')
  expect(screen.getByText('1472613731')).toBeVisible()
  // The server's message is for the logs, not the page.
  expect(screen.queryByText(/database unreachable/)).not.toBeInTheDocument()
  expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/')

  await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }))
  expect(reset).toHaveBeenCalledOnce()
})
