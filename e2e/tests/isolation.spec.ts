import { expect, test } from '@playwright/test'
import { openDashboard, quickAdd, taskItem, taskList } from '../fixtures/tasks'
import { registerUser } from '../fixtures/users'

test('two people in two browsers never see each other’s tasks', async ({ browser }) => {
  const alice = await browser.newContext()
  const bob = await browser.newContext()
  try {
    const alicePage = await alice.newPage()
    const bobPage = await bob.newPage()
    const aliceUser = await registerUser(alicePage.request, 'alice')
    const bobUser = await registerUser(bobPage.request, 'bob')

    await openDashboard(alicePage)
    await quickAdd(alicePage, 'Alice’s secret plan')
    await expect(taskItem(alicePage, 'Alice’s secret plan')).toBeVisible()

    await openDashboard(bobPage)
    await quickAdd(bobPage, 'Bob’s private errand')
    await expect(taskItem(bobPage, 'Bob’s private errand')).toBeVisible()

    // Each one, reloaded, sees exactly their own.
    await alicePage.reload()
    await expect(taskList(alicePage).getByRole('listitem')).toHaveCount(1)
    await expect(taskItem(alicePage, 'Alice’s secret plan')).toBeVisible()
    await expect(alicePage.getByText('Bob’s private errand')).toHaveCount(0)

    await bobPage.reload()
    await expect(taskList(bobPage).getByRole('listitem')).toHaveCount(1)
    await expect(taskItem(bobPage, 'Bob’s private errand')).toBeVisible()
    await expect(bobPage.getByText('Alice’s secret plan')).toHaveCount(0)

    // Even a search for the other one's words finds nothing.
    await openDashboard(alicePage, '?q=errand')
    await expect(alicePage.getByText('No tasks match this view')).toBeVisible()

    // Alice opening the api path with Bob's id is refused, and shows none of Bob's data.
    const response = await alicePage.goto(`/api/${bobUser.id}/tasks`)
    expect(response?.status()).toBe(403)
    const body = (await response?.text()) ?? ''
    expect(body).toContain('forbidden')
    expect(body).not.toContain('Bob’s private errand')

    // Bob's task id under Alice's own path does not exist for her (404, not his task).
    const bobTasks = await bobPage.request.get(`/api/${bobUser.id}/tasks`)
    const [bobTask] = ((await bobTasks.json()) as { items: { id: string }[] }).items
    expect(bobTask).toBeDefined()
    const crossRead = await alicePage.request.get(`/api/${aliceUser.id}/tasks/${bobTask?.id ?? ''}`)
    expect(crossRead.status()).toBe(404)
  } finally {
    await alice.close()
    await bob.close()
  }
})
