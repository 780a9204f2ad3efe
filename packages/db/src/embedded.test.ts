import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import pg from 'pg'
import { DatabaseError, parse, serialize } from 'pg-protocol'
import type { BackendMessage, DataRowMessage } from 'pg-protocol/dist/messages'
import { afterAll, describe, expect, test } from 'vitest'
import { openEmbeddedDatabase } from './embedded'
import { runMigrations } from './migrate'

const run = promisify(execFile)
const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/open-embedded.ts')
const dir = mkdtempSync(path.join(tmpdir(), 'taskwise-embedded-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(sql)).rows
  } finally {
    await client.end()
  }
}

async function openFromAnotherProcess(): Promise<{ owned: boolean; url: string }> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', fixture, dir])
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { owned: boolean; url: string }
}

/** A bare wire-protocol connection, to send an extended-query batch in pieces. */
async function rawConnection(url: string) {
  const { hostname, port } = new URL(url)
  const socket: Socket = connect(Number(port), hostname)
  // A reset while the test tears the server down is not what the test is about.
  socket.on('error', () => {})
  const received: BackendMessage[] = []
  const waiters: (() => void)[] = []
  void parse(socket, (message) => {
    received.push(message)
    if (message.name === 'authenticationCleartextPassword')
      socket.write(serialize.password('postgres'))
    waiters.splice(0).forEach((wake) => wake())
  })
  const readyCount = () => received.filter((message) => message.name === 'readyForQuery').length
  const waitForReady = async (count: number) => {
    while (readyCount() < count) await new Promise<void>((wake) => waiters.push(wake))
  }
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
  socket.write(serialize.startup({ user: 'postgres', database: 'postgres' }))
  await waitForReady(1)
  return {
    send: (...messages: Buffer[]) => socket.write(Buffer.concat(messages)),
    waitForReady,
    /** The text of every data row and error message received since the start-up. */
    answers: () =>
      received.flatMap((message) =>
        message.name === 'dataRow'
          ? (message as DataRowMessage).fields.map((field) => `row:${String(field)}`)
          : message instanceof DatabaseError
            ? [`error:${message.message}`]
            : [],
      ),
    close: () => new Promise<void>((resolve) => socket.end(serialize.end(), () => resolve())),
  }
}

describe('the embedded database', () => {
  test('serves migrations and queries over the Postgres wire protocol', async () => {
    const database = await openEmbeddedDatabase(dir)
    try {
      expect(database.owned).toBe(true)
      await runMigrations(database.url)
      await query(
        database.url,
        `insert into "user" (name, email) values ('Ada', 'ada@example.com')`,
      )
      const rows = await query<{ email: string }>(database.url, 'select email from "user"')
      expect(rows).toEqual([{ email: 'ada@example.com' }])
      // The task list's indexes need them (docs/decisions/0305-task-list-indexes.md).
      const extensions = await query<{ extname: string }>(
        database.url,
        `select extname from pg_extension where extname in ('pg_trgm', 'btree_gin') order by 1`,
      )
      expect(extensions).toEqual([{ extname: 'btree_gin' }, { extname: 'pg_trgm' }])
    } finally {
      await database.stop()
    }
  })

  test('a second opener, in this process or another, joins the owner instead of opening the files', async () => {
    const owner = await openEmbeddedDatabase(dir)
    try {
      const sameProcess = await openEmbeddedDatabase(dir)
      expect(sameProcess).toMatchObject({ owned: false, url: owner.url })
      expect(await openFromAnotherProcess()).toEqual({ owned: false, url: owner.url })
    } finally {
      await owner.stop()
    }
  })

  test('many connections running parameterised queries and transactions at once each get their own answers', async () => {
    const database = await openEmbeddedDatabase(dir)
    const pool = new pg.Pool({ connectionString: database.url, max: 10 })
    try {
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, n) =>
          pool.query<{ n: number; label: string }>('select $1::int as n, $2::text as label', [
            n,
            `q${n}`,
          ]),
        ),
      )
      expect(answers.map((result) => result.rows[0])).toEqual(
        Array.from({ length: 200 }, (_, n) => ({ n, label: `q${n}` })),
      )

      // Two transactions at once: one rolls back, one commits; neither sees the other's writes.
      const inTransaction = async (email: string, commit: boolean) => {
        const client = await pool.connect()
        try {
          await client.query('begin')
          await client.query(`insert into "user" (name, email) values ('T', $1)`, [email])
          await new Promise((resolve) => setTimeout(resolve, 20))
          await client.query(commit ? 'commit' : 'rollback')
        } finally {
          client.release()
        }
      }
      await Promise.all([
        inTransaction('kept@example.com', true),
        inTransaction('dropped@example.com', false),
      ])
      const { rows } = await pool.query<{ email: string }>(
        `select email from "user" where email in ('kept@example.com', 'dropped@example.com')`,
      )
      expect(rows).toEqual([{ email: 'kept@example.com' }])
      await pool.query(`delete from "user" where email = 'kept@example.com'`)
    } finally {
      await pool.end()
      await database.stop()
    }
  })

  test("one connection's extended-query batch is not broken by another's statements in between", async () => {
    const database = await openEmbeddedDatabase(dir)
    const first = await rawConnection(database.url)
    const second = await rawConnection(database.url)
    try {
      // The first connection parses and binds, and sends its Execute and Sync only later.
      first.send(
        serialize.parse({ text: 'select $1::text as who' }),
        serialize.bind({ values: ['first'] }),
        serialize.describe({ type: 'P' }),
      )
      await new Promise((resolve) => setTimeout(resolve, 100))
      // Meanwhile a second connection runs a whole batch, Sync included.
      second.send(
        serialize.parse({ text: 'select $1::text as who' }),
        serialize.bind({ values: ['second'] }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      )
      await new Promise((resolve) => setTimeout(resolve, 100))
      first.send(serialize.execute({}), serialize.sync())

      await Promise.all([first.waitForReady(2), second.waitForReady(2)])
      expect(first.answers()).toEqual(['row:first'])
      expect(second.answers()).toEqual(['row:second'])
    } finally {
      await Promise.all([first.close(), second.close()])
      await database.stop()
    }
  })

  test('keeps its data across a restart, and migrating the existing folder again is a no-op', async () => {
    const reopened = await openEmbeddedDatabase(dir)
    try {
      await runMigrations(reopened.url)
      const rows = await query<{ email: string }>(reopened.url, 'select email from "user"')
      expect(rows.map((row) => row.email)).toEqual(['ada@example.com'])
    } finally {
      await reopened.stop()
    }
  })

  test('a folder left behind by a process that died is taken over', async () => {
    const { writeFileSync } = await import('node:fs')
    writeFileSync(path.join(dir, 'server.json'), JSON.stringify({ pid: 2 ** 22 + 12345, port: 1 }))
    const database = await openEmbeddedDatabase(dir)
    try {
      expect(database.owned).toBe(true)
      const rows = await query<{ count: string }>(database.url, 'select count(*) from "user"')
      expect(rows[0]?.count).toBe('1')
    } finally {
      await database.stop()
    }
  })
})
