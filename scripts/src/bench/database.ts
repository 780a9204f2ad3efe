import { rmSync } from 'node:fs'
import path from 'node:path'
import { defaultTestServerUrl, withDatabaseName } from '@taskwise/db/testing'
import pg from 'pg'
import type { BenchResults } from './results'

/** Where the bench's data lives, and the queries it asks the database directly. */

export interface BenchDatabase {
  /** undefined: the stack starts the embedded database in `dataDir`. */
  url: string | undefined
  kind: 'postgres' | 'embedded'
  dataDir: string
  drop(): Promise<void>
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

async function serverAnswers(serverUrl: string): Promise<boolean> {
  try {
    await adminQuery(serverUrl, 'select 1')
    return true
  } catch {
    return false
  }
}

export async function prepareDatabase(options: {
  embedded: boolean
  tmpDir: string
  runId: string
  log(line: string): void
}): Promise<BenchDatabase> {
  const dataDir = path.join(options.tmpDir, `data-${options.runId}`)
  const cleanDir = async () => rmSync(dataDir, { recursive: true, force: true })
  if (options.embedded) return { url: undefined, kind: 'embedded', dataDir, drop: cleanDir }
  if (process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL, kind: 'postgres', dataDir, drop: cleanDir }
  const serverUrl = process.env.TEST_DATABASE_URL || defaultTestServerUrl
  if (!(await serverAnswers(serverUrl))) {
    options.log(`no PostgreSQL answers at ${new URL(serverUrl).host}: using the embedded database`)
    return { url: undefined, kind: 'embedded', dataDir, drop: cleanDir }
  }
  const name = `taskwise_bench_${options.runId}`
  await adminQuery(serverUrl, `create database "${name}"`)
  options.log(`created database ${name}`)
  return {
    url: withDatabaseName(serverUrl, name),
    kind: 'postgres',
    dataDir,
    async drop() {
      await adminQuery(serverUrl, `drop database if exists "${name}" with (force)`)
      await cleanDir()
    },
  }
}

/** The stored hash of a user's password tells which hasher the web instance really used. */
export async function storedHashKind(
  databaseUrl: string,
  userId: string,
): Promise<'argon2id' | 'scrypt' | 'unknown'> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ password: string | null }>(
      `select password from account where user_id = $1 and provider_id = 'credential'`,
      [userId],
    )
    const stored = rows[0]?.password ?? ''
    if (stored.startsWith('$argon2id$')) return 'argon2id'
    // Better Auth's scrypt format: a 16-byte salt and a 64-byte key, in hex.
    return /^[0-9a-f]{32}:[0-9a-f]{128}$/.test(stored) ? 'scrypt' : 'unknown'
  } finally {
    await client.end()
  }
}

export async function explainListQuery(
  databaseUrl: string,
  floorUrl: string,
  userId: string,
): Promise<BenchResults['listQuery']> {
  const response = await fetch(`${floorUrl}/query`)
  const query = (await response.json()) as { text: string; params: unknown[]; userIndex: number }
  const params = [...query.params]
  params[query.userIndex] = userId
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${query.text}`,
      params,
    )
    return { sql: query.text, plan: rows.map((row) => row['QUERY PLAN']) }
  } finally {
    await client.end()
  }
}
