// @vitest-environment jsdom
import { cleanup, screen, within, waitFor } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import { json, problem, renderWithQuery, sentBody, stubFetch } from '@/features/account/test-utils'
import { TransferSection } from './transfer-section'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const userId = '6f1c2b3a-1111-4c1e-9a2b-6d5e4f3a2b1c'
const IMPORT = `/api/${userId}/tasks/import`

const exported = {
  version: 1,
  exportedAt: '2026-11-27T10:00:00.000Z',
  tasks: [{ title: 'Pay rent' }, { title: 'Call mum', completed: true }],
}

function jsonFile(content: string, name = 'taskwise-tasks-2026-11-27.json'): File {
  return new File([content], name, { type: 'application/json' })
}

test('each export format is a download link through the web origin', () => {
  renderWithQuery(<TransferSection userId={userId} />)
  const list = screen.getByRole('list', { name: 'Export formats' })
  const links = within(list).getAllByRole('link')
  expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
    ['Export as JSON', `/api/${userId}/tasks/export?format=json`],
    ['Export as CSV', `/api/${userId}/tasks/export?format=csv`],
    ['Export as iCalendar', `/api/${userId}/tasks/export?format=ics`],
  ])
  for (const link of links) expect(link).toHaveAttribute('download')
})

test('importing a JSON export sends it as it is and announces how many tasks came in', async () => {
  const fetchMock = stubFetch({ [IMPORT]: () => json(201, { imported: 2 }) })
  const { user } = renderWithQuery(<TransferSection userId={userId} />)
  const input = screen.getByLabelText('JSON export file')
  expect(input).toHaveAccessibleDescription(/up to 5,000 tasks and 5 MiB/)

  await user.upload(input, jsonFile(JSON.stringify(exported)))
  await user.click(screen.getByRole('button', { name: 'Import' }))

  // The live region is always there (so it is watched); wait for its words.
  await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Imported 2 tasks.'))
  expect(sentBody(fetchMock, IMPORT)).toEqual(exported)
})

test('a refused import names the first bad record, counting from one, on the file field', async () => {
  stubFetch({
    [IMPORT]: () =>
      problem(400, {
        code: 'validation_failed',
        detail: 'The request body is not valid. tasks.17.title: Give the task a title.',
        errors: [
          {
            location: 'body',
            path: 'tasks.17.title',
            code: 'too_small',
            message: 'Give the task a title',
          },
          {
            location: 'body',
            path: 'tasks.25.priority',
            code: 'invalid_value',
            message: 'Invalid option',
          },
        ],
      }),
  })
  const { user } = renderWithQuery(<TransferSection userId={userId} />)
  const input = screen.getByLabelText('JSON export file')
  await user.upload(input, jsonFile(JSON.stringify(exported)))
  await user.click(screen.getByRole('button', { name: 'Import' }))

  const message = 'Nothing was imported. Task 18 in the file (title): Give the task a title.'
  await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(message))
  expect(input).toHaveAttribute('aria-invalid', 'true')
  expect(input).toHaveAccessibleDescription(expect.stringContaining(message))
  expect(input).toHaveFocus()
  expect(screen.getByRole('status')).toBeEmptyDOMElement()
})

test('a file over the cap is refused with the words of the api', async () => {
  stubFetch({
    [IMPORT]: () =>
      problem(400, {
        code: 'validation_failed',
        detail: 'The request body is not valid.',
        errors: [
          {
            location: 'body',
            path: 'tasks',
            code: 'too_big',
            message: 'An import holds at most 5,000 tasks; split the file',
          },
        ],
      }),
  })
  const { user } = renderWithQuery(<TransferSection userId={userId} />)
  await user.upload(screen.getByLabelText('JSON export file'), jsonFile(JSON.stringify(exported)))
  await user.click(screen.getByRole('button', { name: 'Import' }))
  await waitFor(() =>
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Nothing was imported. The file: An import holds at most 5,000 tasks; split the file.',
    ),
  )
})

test('a file that is not JSON, or no file at all, never reaches the server', async () => {
  const fetchMock = stubFetch({})
  const { user } = renderWithQuery(<TransferSection userId={userId} />)
  await user.click(screen.getByRole('button', { name: 'Import' }))
  await waitFor(() =>
    expect(screen.getByRole('alert')).toHaveTextContent('Choose a JSON export file first.'),
  )

  await user.upload(screen.getByLabelText('JSON export file'), jsonFile('title,done\nx,false'))
  await user.click(screen.getByRole('button', { name: 'Import' }))
  expect(
    await screen.findByText(
      'Nothing was imported. This file is not JSON: choose a Taskwise JSON export.',
    ),
  ).toHaveRole('alert')
  expect(fetchMock).not.toHaveBeenCalled()
})

test('while an import runs the button is busy, and a second click sends nothing', async () => {
  let answer: (response: Response) => void = () => {}
  const fetchMock = stubFetch({
    [IMPORT]: () => new Promise<Response>((resolve) => (answer = resolve)),
  })
  const { user } = renderWithQuery(<TransferSection userId={userId} />)
  await user.upload(screen.getByLabelText('JSON export file'), jsonFile(JSON.stringify(exported)))
  await user.click(screen.getByRole('button', { name: 'Import' }))
  const button = await screen.findByRole('button', { name: 'Importing…' })
  expect(button).toBeDisabled()
  await user.click(button)
  answer(json(201, { imported: 2 }))
  // The live region is always there (so it is watched); wait for its words.
  await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Imported 2 tasks.'))
  expect(fetchMock).toHaveBeenCalledTimes(1)
})
