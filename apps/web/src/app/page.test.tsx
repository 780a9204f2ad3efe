// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import HomePage from './page'

afterEach(cleanup)

test('the landing page says what Taskwise is and leads to sign-up and sign-in', () => {
  render(<HomePage />)
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
    'Everything you have to do, in one calm list.',
  )
  expect(screen.getByRole('link', { name: /get started/i })).toHaveAttribute('href', '/register')
  expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/login')
})
