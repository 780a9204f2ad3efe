import { taskSchema, type Task } from '@taskwise/contracts/task'
import {
  TASK_IMPORT_MAX,
  taskExportSchema,
  taskSummarySchema,
  type TaskExport,
} from '@taskwise/contracts/task-transfer'
import { task } from '@taskwise/db/schema/task'
import { count, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTaskCollectionRepository } from '../../../plugins/app/tasks/task-collection-repository'
import { bearer, createTestApi, type TestApi, type TestUser } from '../../../testing/harness'

let api: TestApi
let alice: TestUser
let bob: TestUser

beforeAll(async () => {
  api = await createTestApi()
  alice = await api.createUser()
  bob = await api.createUser()
})

afterAll(async () => {
  await api?.close()
})

const tasksUrl = (user: TestUser) => `/api/${user.id}/tasks`

async function createTask(user: TestUser, body: Record<string, unknown>): Promise<Task> {
  const response = await api.app.inject({
    method: 'POST',
    url: tasksUrl(user),
    headers: bearer(user.token),
    payload: body,
  })
  expect(response.statusCode).toBe(201)
  return taskSchema.parse(response.json())
}

async function exportAs(user: TestUser, format: string) {
  return api.app.inject({
    method: 'GET',
    url: `${tasksUrl(user)}/export?format=${format}`,
    headers: bearer(user.token),
  })
}

async function exportJson(user: TestUser): Promise<TaskExport> {
  const response = await exportAs(user, 'json')
  expect(response.statusCode).toBe(200)
  return taskExportSchema.parse(JSON.parse(response.body))
}

async function importFile(user: TestUser, payload: unknown, asUser = user) {
  return api.app.inject({
    method: 'POST',
    url: `${tasksUrl(user)}/import`,
    headers: { ...bearer(asUser.token), 'content-type': 'application/json' },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  })
}

async function rowCount(user: TestUser): Promise<number> {
  const [row] = await api.db.select({ n: count() }).from(task).where(eq(task.userId, user.id))
  return row?.n ?? 0
}

/** A fresh user with `n` tasks in one INSERT, so they share one created_at (ties on the key). */
async function userWithTasks(n: number): Promise<TestUser> {
  const user = await api.createUser()
  await api.db.insert(task).values(
    Array.from({ length: n }, (_, index) => ({
      userId: user.id,
      title: `Bulk ${index}`,
      dueDate: index % 2 === 0 ? '2027-01-15' : null,
    })),
  )
  return user
}

/** RFC 4180, strictly: CRLF between records; a bare LF is only allowed inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]
    if (quoted) {
      if (character !== '"') field += character
      else if (text[index + 1] === '"') {
        field += '"'
        index += 1
      } else quoted = false
    } else if (character === '"') quoted = true
    else if (character === ',') {
      row.push(field)
      field = ''
    } else if (character === '\r' && text[index + 1] === '\n') {
      rows.push([...row, field])
      row = []
      field = ''
      index += 1
    } else field += character
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

/** The VTODOs of a calendar, each as its properties (unfolded, TEXT values unescaped). */
function parseIcs(text: string): Map<string, string>[] {
  const unescapeText = (value: string) =>
    value.replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c))
  const todos: Map<string, string>[] = []
  let current: Map<string, string> | undefined
  for (const line of text.replace(/\r\n /g, '').split('\r\n')) {
    if (line === 'BEGIN:VTODO') current = new Map()
    else if (line === 'END:VTODO' && current) {
      todos.push(current)
      current = undefined
    } else if (current) {
      const colon = line.indexOf(':')
      current.set(line.slice(0, colon), unescapeText(line.slice(colon + 1)))
    }
  }
  return todos
}

/** What a round trip must keep: everything but the ids. */
function comparable(tasks: Task[]) {
  return tasks
    .map(({ id: _id, userId: _userId, ...fields }) => fields)
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
}

const hostile = [
  { title: 'He said "hi", then left', description: 'a "quoted", comma\'d\r\nCRLF line' },
  {
    title: 'Line one\nLine two',
    description: '\tstarts with a tab',
    category: 'home, garden; misc',
  },
  { title: '=HYPERLINK("http://evil.example","click")', description: '\rstarts with CR' },
  { title: '+SUM(1,2)', description: '-2+3', category: '@cmd', dueDate: '2027-03-01' },
  {
    title: 'Ünïcødé 🚀 中文 עברית e\u0301 C:\\path;semi',
    description: `${'Zürich 🏔️ '.repeat(150)}end`,
    priority: 'high',
    dueDate: '2027-03-02',
    completed: true,
  },
]

describe('GET /api/{user_id}/tasks/export', () => {
  test('json: every field of every task, oldest first, as an attachment named by date', async () => {
    const user = await api.createUser()
    const made = [
      await createTask(user, { title: 'First', dueDate: '2027-01-01', category: 'work' }),
      await createTask(user, { title: 'Second', completed: true, priority: 'low' }),
    ]
    const response = await exportAs(user, 'json')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/json')
    const day = new Date().toISOString().slice(0, 10)
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="taskwise-tasks-${day}.json"`,
    )
    const file = taskExportSchema.parse(JSON.parse(response.body))
    expect(file.version).toBe(1)
    expect(file.tasks).toEqual(made)
  })

  test('json of an account with no tasks is still a valid file', async () => {
    const user = await api.createUser()
    expect((await exportJson(user)).tasks).toEqual([])
  })

  test('2,500 tasks sharing one created_at stream out exactly once each, in every format', async () => {
    const user = await userWithTasks(2_500)
    const file = await exportJson(user)
    expect(file.tasks).toHaveLength(2_500)
    expect(new Set(file.tasks.map((t) => t.id)).size).toBe(2_500)

    const csv = await exportAs(user, 'csv')
    expect(parseCsv(csv.body.replace(/^\uFEFF/, ''))).toHaveLength(2_501)
    const ics = await exportAs(user, 'ics')
    expect(parseIcs(ics.body)).toHaveLength(1_250)
  }, 60_000)

  test('the repository reads in keyset batches, never the whole collection at once', async () => {
    const user = await userWithTasks(1_201)
    const sizes: number[] = []
    for await (const batch of createTaskCollectionRepository(api.db, {
      maxTasksPerUser: 10_000,
    }).batches(user.id, 500)) {
      sizes.push(batch.length)
    }
    expect(sizes).toEqual([500, 500, 201])
  })

  test('csv: a header row, RFC 4180 quoting, UTF-8, and formulas neutralised', async () => {
    const user = await api.createUser()
    for (const body of hostile) await createTask(user, body)
    const response = await exportAs(user, 'csv')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="taskwise-tasks-\d{4}-\d{2}-\d{2}\.csv"$/,
    )
    expect(response.body.startsWith('\uFEFFid,title,description,completed,priority,')).toBe(true)

    const [header, ...rows] = parseCsv(response.body.slice(1))
    const records = rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]])))
    expect(records.map((r) => r.title)).toEqual([
      'He said "hi", then left',
      'Line one\nLine two',
      `'=HYPERLINK("http://evil.example","click")`,
      "'+SUM(1,2)",
      hostile[4]!.title,
    ])
    expect(records.map((r) => r.description)).toEqual([
      hostile[0]!.description,
      "'\tstarts with a tab",
      "'\rstarts with CR",
      "'-2+3",
      hostile[4]!.description,
    ])
    expect(records[1]).toMatchObject({ category: 'home, garden; misc', dueDate: '' })
    expect(records[3]).toMatchObject({ category: "'@cmd", dueDate: '2027-03-01' })
    expect(records[4]).toMatchObject({ completed: 'true', priority: 'high' })
    expect(records[4]!.completedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
  })

  test('ics: only tasks with a due date, as escaped, folded VTODOs with a stable UID', async () => {
    const user = await api.createUser()
    const made = []
    for (const body of hostile) made.push(await createTask(user, body))
    const dated = made.filter((t) => t.dueDate !== null)

    const response = await exportAs(user, 'ics')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8')
    expect(response.headers['content-disposition']).toMatch(/filename="taskwise-tasks-.+\.ics"$/)
    expect(response.body).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:/)
    expect(response.body.endsWith('END:VCALENDAR\r\n')).toBe(true)
    for (const line of response.body.split('\r\n')) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    }

    const todos = parseIcs(response.body)
    expect(todos.map((t) => t.get('UID'))).toEqual(dated.map((t) => `${t.id}@taskwise`))
    const [open, done] = todos
    expect(Object.fromEntries(open!)).toMatchObject({
      SUMMARY: '+SUM(1,2)',
      DESCRIPTION: '-2+3',
      CATEGORIES: '@cmd',
      'DUE;VALUE=DATE': '20270301',
      STATUS: 'NEEDS-ACTION',
      PRIORITY: '5',
    })
    expect(open!.has('COMPLETED')).toBe(false)
    expect(done!.get('SUMMARY')).toBe(hostile[4]!.title)
    expect(done!.get('DESCRIPTION')).toBe(hostile[4]!.description)
    expect(done!.get('STATUS')).toBe('COMPLETED')
    expect(done!.get('PRIORITY')).toBe('1')
    expect(done!.get('COMPLETED')).toMatch(/^\d{8}T\d{6}Z$/)
    expect(done!.get('DTSTAMP')).toMatch(/^\d{8}T\d{6}Z$/)

    // The same task keeps its UID from one export to the next.
    const again = parseIcs((await exportAs(user, 'ics')).body)
    expect(again.map((t) => t.get('UID'))).toEqual(todos.map((t) => t.get('UID')))
  })

  test('an unknown format is a 400 naming the parameter', async () => {
    const response = await exportAs(alice, 'xlsx')
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ location: 'query', path: 'format' })],
    })
  })

  test('without a token it is a 401; for another user it is a 403', async () => {
    const anonymous = await api.app.inject({ method: 'GET', url: `${tasksUrl(alice)}/export` })
    expect(anonymous.statusCode).toBe(401)
    const crossUser = await api.app.inject({
      method: 'GET',
      url: `${tasksUrl(bob)}/export?format=json`,
      headers: bearer(alice.token),
    })
    expect(crossUser.statusCode).toBe(403)
    expect(crossUser.body).not.toContain('"tasks"')
  })
})

describe('POST /api/{user_id}/tasks/import', () => {
  test("a JSON export imported into a new account reproduces it (new ids, the importer's id)", async () => {
    const source = await api.createUser()
    for (const body of hostile) await createTask(source, body)
    await createTask(source, { title: 'Plain', category: 'work', priority: 'low' })
    const exported = await exportJson(source)

    const target = await api.createUser()
    const response = await importFile(target, exported)
    expect(response.statusCode).toBe(201)
    expect(response.json()).toEqual({ imported: exported.tasks.length })

    const reexported = await exportJson(target)
    expect(comparable(reexported.tasks)).toEqual(comparable(exported.tasks))
    expect(reexported.tasks.every((t) => t.userId === target.id)).toBe(true)
    const sourceIds = new Set(exported.tasks.map((t) => t.id))
    expect(reexported.tasks.some((t) => sourceIds.has(t.id))).toBe(false)

    const counts = async (user: TestUser) =>
      taskSummarySchema.parse(
        (
          await api.app.inject({
            method: 'GET',
            url: `${tasksUrl(user)}/summary?today=2027-03-02`,
            headers: bearer(user.token),
          })
        ).json(),
      )
    expect(await counts(target)).toEqual(await counts(source))
    expect(await rowCount(source)).toBe(exported.tasks.length)
  })

  test("the file's ids and user ids are ignored: another user's tasks are never touched", async () => {
    const bobsTask = await createTask(bob, { title: "Bob's" })
    const response = await importFile(alice, {
      version: 1,
      tasks: [{ ...bobsTask, title: 'Taken over?' }],
    })
    expect(response.statusCode).toBe(201)
    const [row] = await api.db.select().from(task).where(eq(task.id, bobsTask.id))
    expect(row).toMatchObject({ userId: bob.id, title: "Bob's" })
  })

  test('tasks without timestamps keep the file order; a completed one is completed at import', async () => {
    const user = await api.createUser()
    const response = await importFile(user, {
      version: 1,
      tasks: [{ title: 'Done long ago', completed: true }, { title: 'Open' }],
    })
    expect(response.statusCode).toBe(201)
    const { tasks } = await exportJson(user)
    expect(tasks.map((t) => [t.title, t.completed, t.completedAt !== null])).toEqual([
      ['Done long ago', true, true],
      ['Open', false, false],
    ])
  })

  test('a bad record is a 400 naming the first one, and nothing is written', async () => {
    const user = await api.createUser()
    const tasks: Record<string, unknown>[] = Array.from({ length: 30 }, (_, i) => ({
      title: `Task ${i}`,
    }))
    tasks[17] = { title: '   ' }
    tasks[25] = { title: 'ok', priority: 'urgent' }
    const response = await importFile(user, { version: 1, tasks })
    expect(response.statusCode).toBe(400)
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
    const problem = response.json()
    expect(problem).toMatchObject({ code: 'validation_failed' })
    expect(problem.errors[0]).toMatchObject({ location: 'body', path: 'tasks.17.title' })
    expect(problem.errors[1]).toMatchObject({ path: 'tasks.25.priority' })
    expect(problem.detail).toContain('tasks.17.title')
    expect(await rowCount(user)).toBe(0)
  })

  test('a file where every record is bad lists only the first twenty', async () => {
    const user = await api.createUser()
    const tasks = Array.from({ length: 1_000 }, () => ({ title: '' }))
    const response = await importFile(user, { version: 1, tasks })
    expect(response.statusCode).toBe(400)
    const problem = response.json()
    expect(problem.errors).toHaveLength(20)
    expect(problem.errors[0].path).toBe('tasks.0.title')
    expect(problem.detail.length).toBeLessThan(2_000)
  })

  test.each([
    ['a completion time on an open task', { completedAt: '2026-01-01T00:00:00Z' }, 'completedAt'],
    ['a date with no year', { dueDate: '0000-01-01' }, 'dueDate'],
    ['a time beyond the year 9999', { createdAt: '9999-12-31T23:59:59-05:00' }, 'createdAt'],
    ['a time before 1970', { updatedAt: '0001-01-01T00:00:00Z' }, 'updatedAt'],
    ['an unknown field', { owner: 'me' }, 'owner'],
  ])('%s is refused, naming the field', async (_, fields, field) => {
    const user = await api.createUser()
    const response = await importFile(user, { version: 1, tasks: [{ title: 'x', ...fields }] })
    expect(response.statusCode).toBe(400)
    expect(response.json().errors[0]).toMatchObject({ path: `tasks.0.${field}` })
    expect(await rowCount(user)).toBe(0)
  })

  test('a file of another version is refused', async () => {
    const response = await importFile(alice, { version: 2, tasks: [] })
    expect(response.statusCode).toBe(400)
    expect(response.json().errors[0]).toMatchObject({ path: 'version' })
  })

  test(`more than ${TASK_IMPORT_MAX} tasks is refused as a whole, with the cap in the words`, async () => {
    const user = await api.createUser()
    const tasks = Array.from({ length: TASK_IMPORT_MAX + 1 }, (_, i) => ({ title: `T${i}` }))
    const response = await importFile(user, { version: 1, tasks })
    expect(response.statusCode).toBe(400)
    expect(response.json().errors[0]).toMatchObject({ path: 'tasks', code: 'too_big' })
    expect(response.json().detail).toContain('at most 5,000 tasks')
    expect(await rowCount(user)).toBe(0)
  })

  test('the cap itself fits: 5,000 tasks in a body far over the usual 16 KiB', async () => {
    const user = await api.createUser()
    const tasks = Array.from({ length: TASK_IMPORT_MAX }, (_, i) => ({
      title: `Imported task number ${i}`,
      description: 'd'.repeat(100),
    }))
    const response = await importFile(user, { version: 1, tasks })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toEqual({ imported: TASK_IMPORT_MAX })
    expect(await rowCount(user)).toBe(TASK_IMPORT_MAX)
  }, 60_000)

  test('a body over 5 MiB is a 413 naming the import limit; other routes keep 16 KiB', async () => {
    const user = await api.createUser()
    const big = JSON.stringify({
      version: 1,
      tasks: [{ title: 'x', description: 'y'.repeat(5 * 1024 * 1024) }],
    })
    const response = await importFile(user, big)
    expect(response.statusCode).toBe(413)
    expect(response.json()).toMatchObject({ code: 'payload_too_large' })
    expect(response.json().detail).toContain('5 MiB')

    const create = await api.app.inject({
      method: 'POST',
      url: tasksUrl(user),
      headers: { ...bearer(user.token), 'content-type': 'application/json' },
      payload: JSON.stringify({ title: 'x', description: 'y'.repeat(20 * 1024) }),
    })
    expect(create.statusCode).toBe(413)
  })

  test('a body that is not JSON is a 415', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: `${tasksUrl(alice)}/import`,
      headers: { ...bearer(alice.token), 'content-type': 'text/csv' },
      payload: 'title\nx\n',
    })
    expect(response.statusCode).toBe(415)
  })

  test("importing into another user's account is a 403 and writes nothing", async () => {
    const before = await rowCount(bob)
    const response = await importFile(bob, { version: 1, tasks: [{ title: 'Planted' }] }, alice)
    expect(response.statusCode).toBe(403)
    expect(await rowCount(bob)).toBe(before)
    const anonymous = await api.app.inject({
      method: 'POST',
      url: `${tasksUrl(bob)}/import`,
      payload: { version: 1, tasks: [] },
    })
    expect(anonymous.statusCode).toBe(401)
  })

  test('a failure after the first thousand rows rolls the whole import back', async () => {
    const user = await api.createUser()
    // A trigger in this test's own database makes row 1,200 fail inside the transaction.
    await api.db.execute(sql`
      create function refuse_marked() returns trigger language plpgsql as $$
      begin
        if new.title = 'fail here' then raise exception 'refused by the test'; end if;
        return new;
      end $$`)
    await api.db.execute(
      sql`create trigger refuse_marked before insert on task for each row execute function refuse_marked()`,
    )
    try {
      const tasks = Array.from({ length: 1_500 }, (_, i) => ({
        title: i === 1_200 ? 'fail here' : `Row ${i}`,
        description: '',
        priority: 'medium' as const,
        category: null,
        dueDate: null,
        completed: false,
        completedAt: null,
      }))
      await expect(
        createTaskCollectionRepository(api.db, { maxTasksPerUser: 10_000 }).importAll(
          user.id,
          tasks,
        ),
      ).rejects.toThrow()
      expect(await rowCount(user)).toBe(0)
    } finally {
      await api.db.execute(sql`drop trigger refuse_marked on task`)
      await api.db.execute(sql`drop function refuse_marked`)
    }
  })
})
