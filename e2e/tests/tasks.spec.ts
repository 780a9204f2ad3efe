import { expect, test, type Page } from '@playwright/test'
import { isoDate, openDashboard, quickAdd, seedTasks, taskItem, taskList } from '../fixtures/tasks'
import { registerUser } from '../fixtures/users'

test('a task is created with every field, edited, completed, reopened and deleted for good', async ({
  page,
  baseURL,
}) => {
  await registerUser(page.request, 'crud')
  await openDashboard(page)
  await expect(page.getByText('No tasks yet')).toBeVisible()
  await expect(page.getByText('Nothing left to do')).toBeVisible()

  // Create, with every field.
  await page.getByLabel('New task title').fill('Renew the passport')
  await page.getByRole('button', { name: 'More options' }).click()
  await page.getByLabel('Description').fill('Photos first.\nThen the form.')
  await page.getByLabel('Priority', { exact: true }).first().selectOption('high')
  await page.getByLabel('Category', { exact: true }).first().fill('Admin')
  await page.getByLabel('Due date').fill(isoDate(10))
  await page.getByRole('button', { name: 'Add', exact: true }).click()

  const item = taskItem(page, 'Renew the passport')
  await expect(item).toBeVisible()
  await expect(item).toContainText('Photos first.')
  await expect(item).toContainText('High priority')
  await expect(item).toContainText('Admin')
  await expect(item).toContainText('Due ')
  await expect(page.getByText('1 task left')).toBeVisible()
  await expect(page.getByLabel('New task title')).toHaveValue('')

  // It was stored: a reload shows it.
  await page.reload()
  await expect(taskItem(page, 'Renew the passport')).toContainText('High priority')

  // Edit in the dialog.
  await page.getByRole('button', { name: 'Edit “Renew the passport”' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit task' })
  await expect(dialog.getByLabel('Title')).toHaveValue('Renew the passport')
  await expect(dialog.getByLabel('Category')).toHaveValue('Admin')
  await dialog.getByLabel('Title').fill('Renew both passports')
  await dialog.getByLabel('Priority').selectOption('low')
  await dialog.getByLabel('Category').fill('')
  // The list shows the change at once (optimistic); a reload must wait until it is stored.
  const saved = page.waitForResponse(
    (response) => response.request().method() === 'PUT' && response.status() === 200,
  )
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog).toBeHidden()
  const edited = taskItem(page, 'Renew both passports')
  await expect(edited).toContainText('Low priority')
  await expect(edited).not.toContainText('Admin')
  await saved
  await page.reload()
  await expect(taskItem(page, 'Renew both passports')).toContainText('Low priority')

  // Complete, then reopen. (click, not check: the box is controlled by the cached task, which
  // changes a render later; check() reads the state straight after the click.)
  const checkbox = page.getByRole('checkbox', { name: 'Mark “Renew both passports” as done' })
  const completed = page.waitForResponse(
    (response) => response.request().method() === 'PATCH' && response.status() === 200,
  )
  await checkbox.click()
  await completed
  await expect(
    page.getByRole('checkbox', { name: 'Mark “Renew both passports” as not done' }),
  ).toBeChecked()
  await expect(page.getByText('Nothing left to do')).toBeVisible()
  await page.reload()
  const done = page.getByRole('checkbox', { name: 'Mark “Renew both passports” as not done' })
  await expect(done).toBeChecked()
  await done.click()
  await expect(
    page.getByRole('checkbox', { name: 'Mark “Renew both passports” as done' }),
  ).not.toBeChecked()
  await expect(page.getByText('1 task left')).toBeVisible()

  // Delete, undo, then delete for good.
  await page.getByRole('button', { name: 'Delete “Renew both passports”' }).click()
  await expect(taskItem(page, 'Renew both passports')).toHaveCount(0)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(taskItem(page, 'Renew both passports')).toBeVisible()
  await page.reload()
  await expect(taskItem(page, 'Renew both passports')).toBeVisible()

  const deleted = page.waitForResponse(
    (response) => response.request().method() === 'DELETE' && response.status() === 204,
  )
  await page.getByRole('button', { name: 'Delete “Renew both passports”' }).click()
  await expect(page.getByText('Deleted “Renew both passports”')).toBeVisible()
  await deleted
  await page.reload()
  await expect(page.getByText('No tasks yet')).toBeVisible()
  expect(baseURL).toBeTruthy()
})

test('a task can be added, completed and edited with the keyboard alone', async ({ page }) => {
  await registerUser(page.request, 'keyboard')
  await openDashboard(page)
  await page.getByLabel('New task title').focus()
  await page.keyboard.type('Keyboard task')
  await page.keyboard.press('Enter')
  await expect(taskItem(page, 'Keyboard task')).toBeVisible()
  // Focus stays in the box, ready for the next task.
  await expect(page.getByLabel('New task title')).toBeFocused()

  const checkbox = page.getByRole('checkbox', { name: 'Mark “Keyboard task” as done' })
  // Its controls are disabled until the server has the task (it shows at once, still pending).
  await expect(checkbox).toBeEnabled()
  await checkbox.focus()
  await page.keyboard.press('Space')
  await expect(
    page.getByRole('checkbox', { name: 'Mark “Keyboard task” as not done' }),
  ).toBeChecked()

  await page.keyboard.press('Tab')
  const edit = page.getByRole('button', { name: 'Edit “Keyboard task”' })
  await expect(edit).toBeFocused()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Edit task' })
  await expect(dialog.getByLabel('Title')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(edit).toBeFocused()
})

test('an empty title is refused in the browser and nothing is added', async ({ page }) => {
  await registerUser(page.request, 'empty')
  await openDashboard(page)
  await page.getByLabel('New task title').press('Enter')
  await expect(page.getByText('Give the task a title')).toBeVisible()
  await expect(page.getByText('No tasks yet')).toBeVisible()
})

test('a title with markup is shown as text, never run', async ({ page }) => {
  await registerUser(page.request, 'xss')
  let dialogs = 0
  page.on('dialog', (dialog) => {
    dialogs += 1
    void dialog.dismiss()
  })
  await openDashboard(page)
  const title = '<script>alert("xss")</script><img src=x onerror=alert(1)>'
  // The list shows the task at once (optimistic); a reload must wait until it is stored.
  const stored = page.waitForResponse(
    (response) => response.request().method() === 'POST' && response.status() === 201,
  )
  await quickAdd(page, title)
  await stored
  await page.reload()
  await expect(taskList(page).getByText(title, { exact: true })).toBeVisible()
  await expect(taskList(page).locator('script, img')).toHaveCount(0)
  expect(dialogs).toBe(0)
})

test('an overdue task stands out; a task due later does not', async ({ page, baseURL }) => {
  const user = await registerUser(page.request, 'overdue')
  await seedTasks(page.request, baseURL ?? '', user.id, [
    { title: 'File the tax return', dueDate: isoDate(-3) },
    { title: 'Book the dentist', dueDate: isoDate(5) },
    { title: 'Old and done', dueDate: isoDate(-3), completed: true },
  ])
  await openDashboard(page)
  await expect(taskItem(page, 'File the tax return')).toContainText('Overdue')
  await expect(taskItem(page, 'Book the dentist')).toContainText('Due ')
  await expect(taskItem(page, 'Book the dentist')).not.toContainText('Overdue')
  await expect(taskItem(page, 'Old and done')).not.toContainText('Overdue')
  await expect(page.getByText('2 tasks left')).toBeVisible()
})

test('more tasks than a page load with "Load more"', async ({ page, baseURL }) => {
  const user = await registerUser(page.request, 'pages')
  await seedTasks(
    page.request,
    baseURL ?? '',
    user.id,
    Array.from({ length: 23 }, (_, index) => ({
      title: `Task ${String(index + 1).padStart(2, '0')}`,
    })),
  )
  await openDashboard(page)
  await expect(taskList(page).getByRole('listitem')).toHaveCount(20)
  await page.getByRole('button', { name: 'Load more' }).click()
  await expect(taskList(page).getByRole('listitem')).toHaveCount(23)
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0)
  await expect(taskItem(page, 'Task 01')).toBeVisible()
  await expect(page.getByText('23 tasks left')).toBeVisible()
})

/**
 * Holds the api's answer to one kind of request until `release()` and then answers with a
 * refusal, so a test sees the optimistic change first and the rollback after.
 */
async function refuseLater(
  page: Page,
  method: string,
  urlPattern: RegExp,
  status: number,
  body: Record<string, unknown>,
): Promise<{ release: () => void; seen: Promise<void> }> {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  let markSeen = () => {}
  const seen = new Promise<void>((resolve) => (markSeen = resolve))
  await page.route(urlPattern, async (route) => {
    if (route.request().method() !== method) return route.fallback()
    markSeen()
    await released
    await route.fulfill({
      status,
      contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Refused', status, ...body }),
    })
  })
  return { release, seen }
}

const serverError = { code: 'internal_error', detail: 'Something went wrong on our side.' }

test.describe('a change the server refuses appears at once, then rolls back with a toast', () => {
  test('adding', async ({ page }) => {
    await registerUser(page.request, 'rollback-add')
    await openDashboard(page)
    const refusal = await refuseLater(page, 'POST', /\/api\/[^/]+\/tasks$/, 500, serverError)
    await quickAdd(page, 'Doomed task')
    await refusal.seen
    await expect(taskItem(page, 'Doomed task')).toBeVisible()
    await expect(page.getByLabel('New task title')).toHaveValue('')
    refusal.release()
    await expect(page.getByText('“Doomed task” was not added')).toBeVisible()
    await expect(taskItem(page, 'Doomed task')).toHaveCount(0)
    // What was typed is given back.
    await expect(page.getByLabel('New task title')).toHaveValue('Doomed task')
    await expect(page.getByText('No tasks yet')).toBeVisible()
  })

  test('completing', async ({ page, baseURL }) => {
    const user = await registerUser(page.request, 'rollback-complete')
    await seedTasks(page.request, baseURL ?? '', user.id, [{ title: 'Stubborn task' }])
    await openDashboard(page)
    // The count is fetched after hydration; a tick made while that first fetch is under way
    // cancels it (the optimistic change must not be overwritten), and the count then waits for
    // the change to settle. The server-rendered checkbox can be ticked that early.
    await expect(page.getByText('1 task left')).toBeVisible()
    const refusal = await refuseLater(page, 'PATCH', /\/complete$/, 500, serverError)
    await page.getByRole('checkbox', { name: 'Mark “Stubborn task” as done' }).click()
    await refusal.seen
    await expect(
      page.getByRole('checkbox', { name: 'Mark “Stubborn task” as not done' }),
    ).toBeChecked()
    await expect(page.getByText('Nothing left to do')).toBeVisible()
    refusal.release()
    await expect(page.getByText('The task was not marked done')).toBeVisible()
    await expect(
      page.getByRole('checkbox', { name: 'Mark “Stubborn task” as done' }),
    ).not.toBeChecked()
    await expect(page.getByText('1 task left')).toBeVisible()
  })

  test('editing, with the field error shown next to its field', async ({ page, baseURL }) => {
    const user = await registerUser(page.request, 'rollback-edit')
    await seedTasks(page.request, baseURL ?? '', user.id, [{ title: 'Original title' }])
    await openDashboard(page)
    const refusal = await refuseLater(page, 'PUT', /\/tasks\/[^/]+$/, 400, {
      code: 'validation_failed',
      detail: 'The request is not valid',
      errors: [
        {
          location: 'body',
          path: 'title',
          code: 'custom',
          message: 'The server refuses this title',
        },
      ],
    })
    await page.getByRole('button', { name: 'Edit “Original title”' }).click()
    const dialog = page.getByRole('dialog', { name: 'Edit task' })
    await dialog.getByLabel('Title').fill('Refused title')
    await dialog.getByRole('button', { name: 'Save changes' }).click()
    await refusal.seen
    await expect(taskItem(page, 'Refused title')).toBeVisible()
    refusal.release()
    await expect(page.getByText('Your change was not saved')).toBeVisible()
    // The dialog is open again (and modal: the list is hidden from the accessibility tree).
    const items = page.getByTestId('task-item')
    await expect(items.filter({ hasText: 'Original title' })).toHaveCount(1)
    await expect(items.filter({ hasText: 'Refused title' })).toHaveCount(0)
    await expect(dialog).toBeVisible()
    await expect(dialog.getByLabel('Title')).toHaveValue('Refused title')
    await expect(dialog.getByLabel('Title')).toHaveAccessibleDescription(
      'The server refuses this title',
    )
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(taskItem(page, 'Original title')).toBeVisible()
    // Focus goes back to where it was.
    await expect(page.getByRole('button', { name: 'Edit “Original title”' })).toBeFocused()
    // A new press of Edit starts from the task, not from the refusal.
    await page.getByRole('button', { name: 'Edit “Original title”' }).click()
    await expect(dialog.getByLabel('Title')).toHaveValue('Original title')
    await expect(dialog.getByText('The server refuses this title')).toHaveCount(0)
  })

  test('deleting', async ({ page, baseURL }) => {
    const user = await registerUser(page.request, 'rollback-delete')
    await seedTasks(page.request, baseURL ?? '', user.id, [{ title: 'Undeletable task' }])
    await openDashboard(page)
    const refusal = await refuseLater(page, 'DELETE', /\/tasks\/[^/]+$/, 500, serverError)
    await page.getByRole('button', { name: 'Delete “Undeletable task”' }).click()
    await expect(taskItem(page, 'Undeletable task')).toHaveCount(0)
    await expect(page.getByText('No tasks yet')).toBeVisible()
    // The delete is sent when the Undo window closes.
    await refusal.seen
    refusal.release()
    await expect(page.getByText('“Undeletable task” was not deleted')).toBeVisible()
    await expect(taskItem(page, 'Undeletable task')).toBeVisible()
  })
})
