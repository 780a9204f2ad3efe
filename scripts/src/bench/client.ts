import { authTokenResponseSchema, type AuthTokenResponse } from '@taskwise/contracts/auth-payloads'
import { taskSchema, type CreateTaskInput, type Task } from '@taskwise/contracts/task'

/**
 * The benchmark's own client for seeding: it goes through the real endpoints (the web app's
 * register, the api's task routes), as any program would, and checks every answer's shape.
 */

export interface BenchUser {
  email: string
  password: string
  id: string
  token: string
}

/** Runs `work` on every item, at most `concurrency` at a time, keeping the order of results. */
export async function mapConcurrent<In, Out>(
  items: readonly In[],
  concurrency: number,
  work: (item: In, index: number) => Promise<Out>,
): Promise<Out[]> {
  const results = new Array<Out>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next
      next += 1
      results[index] = await work(items[index] as In, index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  return results
}

async function failure(what: string, response: Response): Promise<Error> {
  return new Error(
    `bench: ${what} answered ${response.status}: ${(await response.text()).slice(0, 300)}`,
  )
}

/** Headers a browser-like program sends to the web app's auth routes. */
export function authHeaders(webUrl: string): Record<string, string> {
  return { 'content-type': 'application/json', origin: webUrl }
}

export async function register(
  webUrl: string,
  email: string,
  password: string,
): Promise<BenchUser> {
  const response = await fetch(`${webUrl}/api/auth/register`, {
    method: 'POST',
    headers: authHeaders(webUrl),
    body: JSON.stringify({ email, password, name: 'Bench' }),
  })
  if (response.status !== 201) throw await failure(`POST /api/auth/register (${email})`, response)
  const body: AuthTokenResponse = authTokenResponseSchema.parse(await response.json())
  return { email, password, id: body.user.id, token: body.token }
}

export async function createTask(
  apiUrl: string,
  user: BenchUser,
  input: CreateTaskInput,
): Promise<Task> {
  const response = await fetch(`${apiUrl}/api/${user.id}/tasks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
    body: JSON.stringify(input),
  })
  if (response.status !== 201) throw await failure('POST /api/{user_id}/tasks', response)
  return taskSchema.parse(await response.json())
}

/** A task with realistic text (the list's payload is about 50 × 400 bytes). */
export function seedTask(index: number): CreateTaskInput {
  const priorities = ['low', 'medium', 'high'] as const
  return {
    title: `Bench task ${index}: prepare the quarterly report draft`,
    description: `Collect the figures from the team, check them against last quarter, write the summary (task ${index}).`,
    priority: priorities[index % 3],
    category: index % 2 === 0 ? 'work' : 'home',
    dueDate: index % 4 === 0 ? null : `2027-0${(index % 9) + 1}-1${index % 10}`,
    completed: index % 5 === 0,
  }
}

/** GETs `url` and checks it answers 200 with `expectedItems` tasks (a list run must measure real work). */
export async function checkList(
  url: string,
  headers: Record<string, string>,
  expectedItems: number,
): Promise<void> {
  const response = await fetch(url, { headers })
  if (response.status !== 200) throw await failure(`GET ${url}`, response)
  const body = (await response.json()) as { items?: unknown[] }
  if (body.items?.length !== expectedItems) {
    throw new Error(
      `bench: GET ${url} returned ${body.items?.length} tasks, expected ${expectedItems}`,
    )
  }
}
