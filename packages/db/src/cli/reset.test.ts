import { execFile } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../testing'

const run = promisify(execFile)
const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

let database: TestDatabase

async function countUsers(): Promise<number> {
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  try {
    const { rows } = await client.query<{ count: string }>('select count(*) from "user"')
    return Number(rows[0]?.count)
  } finally {
    await client.end()
  }
}

async function reset(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/reset.ts', ...args],
      {
        cwd: packageDir,
        env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: 'development', ...env },
      },
    )
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

beforeAll(async () => {
  database = await createTestDatabase()
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  await client.query(`insert into "user" (name, email) values ('Ada', 'ada@example.com')`)
  await client.end()
})
afterAll(async () => {
  await database.drop()
})

describe('npm run db:reset', () => {
  test('without --yes it refuses, says how to confirm, and deletes nothing', async () => {
    const result = await reset([])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('npm run db:reset -- --yes')
    expect(await countUsers()).toBe(1)
  })

  test('in production it refuses even with --yes', async () => {
    const result = await reset(['--yes'], { NODE_ENV: 'production' })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('refused when NODE_ENV=production')
    expect(await countUsers()).toBe(1)
  })

  test('with --yes it empties the database and leaves it migrated', async () => {
    const result = await reset(['--yes'])
    expect(result.stdout).toContain('database reset and migrated')
    expect(result.code).toBe(0)
    expect(await countUsers()).toBe(0)
  })
})
