// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import { json, renderWithQuery, stubFetch } from '@/features/account/test-utils'
import { localToday } from '../task-dates'
import { RemainingCount } from './remaining-count'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const userId = '6f1c2b3a-2222-4c1e-9a2b-6d5e4f3a2b1c'
const summaryPath = () => `/api/${userId}/tasks/summary?today=${localToday()}`

test("the count is exact at any size, from the summary for the person's own date", async () => {
  stubFetch({
    [summaryPath()]: () => json(200, { pending: 1234, completed: 9, overdue: 3, dueToday: 1 }),
  })
  renderWithQuery(<RemainingCount userId={userId} />)
  expect(await screen.findByRole('status')).toHaveTextContent(
    '1,234 tasks left · 3 overdue · 1 due today',
  )
})

test('one task, and none, read as sentences without empty extras', async () => {
  let pending = 1
  stubFetch({
    [summaryPath()]: () => json(200, { pending, completed: 4, overdue: 0, dueToday: 0 }),
  })
  const first = renderWithQuery(<RemainingCount userId={userId} />)
  expect(await screen.findByRole('status')).toHaveTextContent(/^1 task left$/)
  first.unmount()

  pending = 0
  renderWithQuery(<RemainingCount userId={userId} />)
  expect(await screen.findByRole('status')).toHaveTextContent(/^Nothing left to do$/)
})
