import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import pg from 'pg'
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

describe('the embedded database', () => {
  test('serves migrations and queries over the Postgres wire protocol', async () => {
    const database = await openEmbeddedDatabase(dir)
    try {
      expect(database.owned).toBe(true)
      await runMigrations(database.url)
      await query(database.url, `insert into "user" (name, email) values ('Ada', 'ada@example.com')`)
      const rows = await query<{ email: string }>(database.url, 'select email from "user"')
      expect(rows).toEqual([{ email: 'ada@example.com' }])
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
          pool.query<{ n: number; label: string }>('select $1::int as n, $2::text as label', [n, `q${n}`]),
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
      await Promise.all([inTransaction('kept@example.com', true), inTransaction('dropped@example.com', false)])
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
