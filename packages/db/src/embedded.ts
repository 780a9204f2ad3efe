import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'
import { keepBatchesTogether } from './embedded-queue'

/**
 * The embedded database: PGlite (Postgres compiled to WebAssembly) served over the Postgres wire
 * protocol, so every Taskwise service talks to "a Postgres" through the same driver.
 *
 * PGlite takes no lock on its folder and two processes opening it corrupt it, so exactly one
 * process owns a data folder. The owner writes `server.json` (its pid and port) into the folder;
 * another process that finds a live owner connects to that port instead of opening the files.
 */

export interface EmbeddedDatabase {
  url: string
  /** True when this process opened the files and must close them. */
  owned: boolean
  stop(): Promise<void>
}

interface OwnerRecord {
  pid: number
  port: number
}

const OWNER_FILE = 'server.json'

/** Folders this process serves, by resolved path: a second open in the same process joins. */
const servedHere = new Map<string, string>()

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readOwner(dataDir: string): OwnerRecord | null {
  try {
    const record = JSON.parse(readFileSync(path.join(dataDir, OWNER_FILE), 'utf8')) as OwnerRecord
    return Number.isInteger(record.pid) && Number.isInteger(record.port) ? record : null
  } catch {
    return null
  }
}

export function embeddedUrl(port: number): string {
  return `postgres://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`
}

/**
 * Takes the folder with an exclusive create of `server.json`. Returns the live owner instead when
 * another process holds it; a record left by a dead process is stale and is replaced.
 */
function claim(dataDir: string): OwnerRecord | 'claimed' {
  const file = path.join(dataDir, OWNER_FILE)
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid, port: 0 }), { flag: 'wx' })
      return 'claimed'
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = readOwner(dataDir)
      if (owner && owner.pid !== process.pid && isAlive(owner.pid)) return owner
      rmSync(file, { force: true })
    }
  }
  throw new Error(
    `Could not take the embedded database folder ${dataDir}; is another Taskwise starting?`,
  )
}

async function waitForPort(dataDir: string, pid: number): Promise<number> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const owner = readOwner(dataDir)
    if (!owner || owner.pid !== pid || !isAlive(pid)) break
    if (owner.port > 0) return owner.port
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`The process that owns ${dataDir} (pid ${pid}) did not start serving it.`)
}

/**
 * Opens the embedded database in `dataDir` (created if missing, kept across restarts), or joins
 * the process that already serves it.
 */
export async function openEmbeddedDatabase(
  dataDir: string,
  { port = 0, host = '127.0.0.1' }: { port?: number; host?: string } = {},
): Promise<EmbeddedDatabase> {
  dataDir = path.resolve(dataDir)
  const servedUrl = servedHere.get(dataDir)
  if (servedUrl) return { url: servedUrl, owned: false, stop: async () => {} }

  mkdirSync(dataDir, { recursive: true })
  const claimed = claim(dataDir)
  if (claimed !== 'claimed') {
    const ownerPort = await waitForPort(dataDir, claimed.pid)
    return { url: embeddedUrl(ownerPort), owned: false, stop: async () => {} }
  }

  const ownerFile = path.join(dataDir, OWNER_FILE)
  try {
    // The extensions the migrations create (the task list's search and sort indexes,
    // docs/decisions/0305-task-list-indexes.md): PGlite ships them, loaded at start.
    const db = await PGlite.create(path.join(dataDir, 'pglite'), {
      extensions: { pg_trgm, btree_gin },
    })
    // pglite-socket multiplexes many connections onto PGlite's one session, queueing statements
    // and keeping an open transaction's statements together; keepBatchesTogether also keeps each
    // extended-query batch (Parse … Sync) together.
    const server = new PGLiteSocketServer({ db, port, host, maxConnections: 200 })
    keepBatchesTogether(server)
    await server.start()
    const boundPort = Number(server.getServerConn().split(':').pop())
    writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, port: boundPort }))
    const url = embeddedUrl(boundPort)
    servedHere.set(dataDir, url)

    let stopped = false
    return {
      url,
      owned: true,
      async stop() {
        if (stopped) return
        stopped = true
        servedHere.delete(dataDir)
        await server.stop()
        await db.close()
        rmSync(ownerFile, { force: true })
      },
    }
  } catch (error) {
    rmSync(ownerFile, { force: true })
    throw error
  }
}
