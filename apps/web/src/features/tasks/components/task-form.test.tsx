// @vitest-environment jsdom
import { TASK_TITLE_MAX } from '@taskwise/contracts/task-values'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, expect, test, vi } from 'vitest'
import { ApiError } from '@/lib/problem-error'
import { TaskForm } from './task-form'

afterEach(cleanup)

function renderForm(onSubmit = vi.fn()) {
  render(<TaskForm submitLabel="Save changes" onSubmit={onSubmit} />)
  return { onSubmit, user: userEvent.setup() }
}

test('an empty title is refused with a message next to the field, and nothing is sent', async () => {
  const { onSubmit, user } = renderForm()
  await user.type(screen.getByLabelText('Title'), '   ')
  await user.click(screen.getByRole('button', { name: 'Save changes' }))

  const title = screen.getByLabelText('Title')
  expect(await screen.findByText('Give the task a title')).toBeVisible()
  expect(title).toHaveAttribute('aria-invalid', 'true')
  expect(title).toHaveAccessibleDescription('Give the task a title')
  expect(onSubmit).not.toHaveBeenCalled()
})

test('a title over 200 characters is refused with a message', async () => {
  const { onSubmit, user } = renderForm()
  const title = screen.getByLabelText('Title')
  await user.click(title)
  await user.paste('x'.repeat(TASK_TITLE_MAX + 1))
  await user.click(screen.getByRole('button', { name: 'Save changes' }))

  expect(await screen.findByText(`A title has at most ${TASK_TITLE_MAX} characters`)).toBeVisible()
  expect(onSubmit).not.toHaveBeenCalled()
})

test('a title of exactly 200 characters is accepted and sent trimmed, with empty fields as null', async () => {
  const { onSubmit, user } = renderForm()
  await user.click(screen.getByLabelText('Title'))
  await user.paste(`  ${'y'.repeat(TASK_TITLE_MAX)}  `)
  await user.click(screen.getByRole('button', { name: 'Save changes' }))

  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1))
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({
    title: 'y'.repeat(TASK_TITLE_MAX),
    description: '',
    priority: 'medium',
    category: null,
    dueDate: null,
  })
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
})

test('a field error from the server is shown next to its field', async () => {
  const refusal = new ApiError(400, {
    status: 400,
    code: 'validation_failed',
    detail: 'The request is not valid',
    errors: [
      {
        location: 'body',
        path: 'category',
        code: 'too_big',
        message: 'That category name is taken by the server',
      },
    ],
  })
  const { user } = renderForm(vi.fn().mockRejectedValue(refusal))
  await user.type(screen.getByLabelText('Title'), 'Pay rent')
  await user.type(screen.getByLabelText('Category'), 'Home')
  await user.click(screen.getByRole('button', { name: 'Save changes' }))

  const category = screen.getByLabelText('Category')
  expect(await screen.findByText('That category name is taken by the server')).toBeVisible()
  expect(category).toHaveAttribute('aria-invalid', 'true')
  expect(category).toHaveAccessibleDescription('That category name is taken by the server')
  expect(screen.getByLabelText('Title')).not.toHaveAttribute('aria-invalid')
})

test('quick add: a refusal about a field behind "More options" opens them to show it', async () => {
  const refusal = new ApiError(400, {
    status: 400,
    code: 'validation_failed',
    errors: [
      {
        location: 'body',
        path: 'dueDate',
        code: 'invalid_format',
        message: 'A due date is a calendar date, YYYY-MM-DD',
      },
    ],
  })
  const user = userEvent.setup()
  render(
    <TaskForm variant="quick" submitLabel="Add" onSubmit={vi.fn().mockRejectedValue(refusal)} />,
  )
  expect(screen.getByLabelText('Due date')).not.toBeVisible()

  await user.type(screen.getByLabelText('New task title'), 'Renew passport{Enter}')

  expect(await screen.findByText('A due date is a calendar date, YYYY-MM-DD')).toBeVisible()
  expect(screen.getByLabelText('Due date')).toBeVisible()
  expect(screen.getByRole('button', { name: 'More options' })).toHaveAttribute(
    'aria-expanded',
    'true',
  )
})
