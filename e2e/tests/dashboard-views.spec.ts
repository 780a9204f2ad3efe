import { expect, test, type Page } from '@playwright/test'
import path from 'node:path'
import { artifactsDir, checkInBothThemes } from '../fixtures/page-checks'
import {
  isoDate,
  openDashboard,
  quickAdd,
  seedTasks,
  taskItem,
  taskList,
  visibleTitles,
  type SeedTask,
} from '../fixtures/tasks'
import { registerUser } from '../fixtures/users'

const tasks: SeedTask[] = [
  {
    title: 'Buy milk',
    description: 'Semi-skimmed, two litres',
    priority: 'low',
    category: 'Home',
    dueDate: isoDate(2),
  },
  { title: 'Write report', priority: 'high', category: 'Work', dueDate: isoDate(1) },
  { title: 'Call the bank', priority: 'medium', category: 'Home', completed: true },
  {
    title: 'Prepare slides',
    description: 'Include the milk figures',
    priority: 'high',
    category: 'Work',
    dueDate: isoDate(-1),
  },
  { title: 'Archive mail', priority: 'low', completed: true },
]

async function signedInWithTasks(page: Page, baseURL: string | undefined, label: string) {
  const user = await registerUser(page.request, label)
  await seedTasks(page.request, baseURL ?? '', user.id, tasks)
  return user
}

/** The search, filter and sort controls (the add form has a Priority and a Category too). */
function views(page: Page) {
  return page.getByRole('region', { name: 'Search, filter and sort' })
}

function searchParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams
}

test('the status filter is in the URL and survives a reload', async ({ page, baseURL }) => {
  await signedInWithTasks(page, baseURL, 'status')
  await openDashboard(page)
  await expect(taskList(page).getByRole('listitem')).toHaveCount(5)
  await expect(page.getByText('3 tasks left')).toBeVisible()

  await views(page).getByLabel('Status', { exact: true }).selectOption('completed')
  await expect(page).toHaveURL(/[?&]status=completed/)
  await expect.poll(() => visibleTitles(page)).toEqual(['Archive mail', 'Call the bank'])

  await page.reload()
  await expect(views(page).getByLabel('Status', { exact: true })).toHaveValue('completed')
  await expect.poll(() => visibleTitles(page)).toEqual(['Archive mail', 'Call the bank'])
  // The count is of what is left, whatever the view.
  await expect(page.getByText('3 tasks left')).toBeVisible()

  await views(page).getByLabel('Status', { exact: true }).selectOption('pending')
  await expect(page).toHaveURL(/[?&]status=pending/)
  await expect
    .poll(() => visibleTitles(page))
    .toEqual(['Prepare slides', 'Write report', 'Buy milk'])
})

test('priority and category filters combine, are shareable, and clear together', async ({
  page,
  baseURL,
}) => {
  await signedInWithTasks(page, baseURL, 'filters')
  await openDashboard(page)

  await views(page).getByLabel('Priority', { exact: true }).selectOption('high')
  await views(page).getByLabel('Category', { exact: true }).fill('Work')
  await expect(page).toHaveURL(/category=Work/)
  expect(searchParams(page).get('priority')).toBe('high')
  await expect.poll(() => visibleTitles(page)).toEqual(['Prepare slides', 'Write report'])

  // The same link in a fresh page shows the same view.
  const shared = page.url()
  const other = await page.context().newPage()
  await other.goto(shared)
  await expect(views(other).getByLabel('Priority', { exact: true })).toHaveValue('high')
  await expect(views(other).getByLabel('Category', { exact: true })).toHaveValue('Work')
  await expect.poll(() => visibleTitles(other)).toEqual(['Prepare slides', 'Write report'])
  await other.close()

  await views(page).getByLabel('Priority', { exact: true }).selectOption('low')
  await expect(page.getByText('No tasks match this view')).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)
  await expect(views(page).getByLabel('Category', { exact: true })).toHaveValue('')
  await expect(taskList(page).getByRole('listitem')).toHaveCount(5)
})

test('search is debounced into the URL, matches descriptions, and survives a reload', async ({
  page,
  baseURL,
}) => {
  await signedInWithTasks(page, baseURL, 'search')
  await openDashboard(page)

  const requests: string[] = []
  page.on('request', (request) => {
    if (/\/tasks\?/.test(request.url()) && request.url().includes('q='))
      requests.push(request.url())
  })
  await page.getByLabel('Search tasks').pressSequentially('milk', { delay: 40 })
  await expect(page).toHaveURL(/[?&]q=milk/)
  await expect.poll(() => visibleTitles(page)).toEqual(['Prepare slides', 'Buy milk'])
  // One request for the word, not one per key.
  expect(requests.filter((url) => !url.includes('status=pending'))).toHaveLength(1)

  await page.reload()
  await expect(page.getByLabel('Search tasks')).toHaveValue('milk')
  await expect.poll(() => visibleTitles(page)).toEqual(['Prepare slides', 'Buy milk'])

  await page.getByLabel('Search tasks').fill('')
  await expect(page).toHaveURL(/\/dashboard$/)
  await expect(taskList(page).getByRole('listitem')).toHaveCount(5)
})

test('sort is in the URL and survives a reload', async ({ page, baseURL }) => {
  await signedInWithTasks(page, baseURL, 'sort')
  await openDashboard(page)
  await expect
    .poll(() => visibleTitles(page))
    .toEqual(['Archive mail', 'Prepare slides', 'Call the bank', 'Write report', 'Buy milk'])

  await views(page).getByLabel('Sort', { exact: true }).selectOption('title')
  await expect(page).toHaveURL(/[?&]sort=title/)
  const alphabetical = [
    'Archive mail',
    'Buy milk',
    'Call the bank',
    'Prepare slides',
    'Write report',
  ]
  await expect.poll(() => visibleTitles(page)).toEqual(alphabetical)
  await page.reload()
  await expect(views(page).getByLabel('Sort', { exact: true })).toHaveValue('title')
  await expect.poll(() => visibleTitles(page)).toEqual(alphabetical)

  // Soonest due first; tasks without a date last.
  await views(page).getByLabel('Sort', { exact: true }).selectOption('dueDate')
  await expect(page).toHaveURL(/[?&]sort=dueDate/)
  await expect
    .poll(async () => (await visibleTitles(page)).slice(0, 3))
    .toEqual(['Prepare slides', 'Write report', 'Buy milk'])

  // A link with a value the api does not know falls back to the default view.
  await openDashboard(page, '?sort=nonsense&status=whatever')
  await expect(views(page).getByLabel('Sort', { exact: true })).toHaveValue('-created')
  await expect(taskList(page).getByRole('listitem')).toHaveCount(5)
})

test('on a 360 px phone there is no sideways scroll, and adding and completing work', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await signedInWithTasks(page, baseURL, 'phone')
  await openDashboard(page)
  await quickAdd(
    page,
    'A task with quite a long title typed on a small phone screen to see it wrap',
  )
  const item = taskItem(
    page,
    'A task with quite a long title typed on a small phone screen to see it wrap',
  )
  await expect(item).toBeVisible()
  await page
    .getByRole('checkbox', { name: /Mark “A task with quite a long title.*” as done/ })
    .click()
  await expect(
    page.getByRole('checkbox', { name: /Mark “A task with quite a long title.*” as not done/ }),
  ).toBeChecked()
  await page.getByRole('button', { name: 'More options' }).click()

  await page.screenshot({
    path: path.join(artifactsDir, 'screenshots', 'dashboard-360.png'),
    fullPage: true,
  })
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
  for (const control of [
    page.getByLabel('New task title'),
    page.getByRole('button', { name: 'Add', exact: true }),
    page.getByLabel('Search tasks'),
  ]) {
    const box = await control.boundingBox()
    expect(box).not.toBeNull()
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360)
  }
})

test('the dashboard with tasks passes the accessibility check in light and dark', async ({
  page,
  baseURL,
}) => {
  await signedInWithTasks(page, baseURL, 'themes')
  await openDashboard(page)
  await expect(taskList(page).getByRole('listitem')).toHaveCount(5)
  await checkInBothThemes(page, 'dashboard')
})

test('the empty dashboard passes the accessibility check in light and dark', async ({ page }) => {
  await registerUser(page.request, 'themes-empty')
  await openDashboard(page)
  await expect(page.getByText('No tasks yet')).toBeVisible()
  await checkInBothThemes(page, 'dashboard-empty')
})

/** The page's markup as the server sent it, without its scripts (whose data would name the tasks either way). */
async function serverMarkup(page: Page, url: string): Promise<string> {
  const response = await page.request.get(url)
  expect(response.status()).toBe(200)
  return (await response.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
}

test('the first page of the view in the URL comes with the HTML, rendered on the server', async ({
  page,
  baseURL,
}) => {
  await signedInWithTasks(page, baseURL, 'server-list')
  const everything = await serverMarkup(page, '/dashboard')
  for (const { title } of tasks) expect(everything).toContain(title)

  // The view in the URL is the one rendered: only the completed tasks.
  const completed = await serverMarkup(page, '/dashboard?status=completed')
  expect(completed).toContain('Archive mail')
  expect(completed).toContain('Call the bank')
  expect(completed).not.toContain('Prepare slides')

  // And the browser starts from it: the list is there without asking the api again.
  const listRequests: string[] = []
  page.on('request', (request) => {
    if (/\/api\/[^/]+\/tasks\?/.test(request.url())) listRequests.push(request.url())
  })
  await openDashboard(page)
  await expect(taskList(page).getByRole('listitem')).toHaveCount(5)
  expect(listRequests).toEqual([])
})
