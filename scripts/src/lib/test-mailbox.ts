import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { simpleParser, type AddressObject } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/**
 * A real SMTP server for tests: Taskwise sends to it exactly as it would to a mail provider
 * (`SMTP_URL=smtp://127.0.0.1:<port>`), and every message it receives is parsed and written as
 * one JSON file into a folder, which tests read with {@link readMailbox} and {@link waitForMail}.
 * The browser suite's folder is in TASKWISE_E2E_MAILBOX (set by e2e/global-setup.ts).
 */

export interface CapturedMail {
  /** The To header's addresses, comma-separated. */
  to: string
  from: string
  subject: string
  text: string
  html: string
  /** When the server received it (ISO 8601). */
  date: string
}

export interface TestMailbox {
  /** The SMTP_URL to give Taskwise. */
  url: string
  port: number
  dir: string
  close(): Promise<void>
}

export async function startTestMailbox({
  dir,
  port,
  host = '127.0.0.1',
}: {
  dir: string
  /** 0 picks a free port. */
  port: number
  host?: string
}): Promise<TestMailbox> {
  await mkdir(dir, { recursive: true })
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 1024 * 1024,
    // Pooled client connections stay open; don't wait 30 s for them when the tests end.
    closeTimeout: 1_000,
    onData(stream, _session, callback) {
      // Acknowledged only once the file is written: when Taskwise's send resolves, the test
      // can read the mail.
      simpleParser(stream)
        .then((parsed) =>
          store(dir, {
            to: addressesOf(parsed.to),
            from: addressesOf(parsed.from),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            date: new Date().toISOString(),
          }),
        )
        .then(() => callback(), callback)
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.server.address() as AddressInfo
  return {
    url: `smtp://${host}:${address.port}`,
    port: address.port,
    dir,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

function addressesOf(field: AddressObject | AddressObject[] | undefined): string {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field]
  return objects
    .flatMap((object) => object.value.map((entry) => entry.address ?? ''))
    .filter(Boolean)
    .join(', ')
}

async function store(dir: string, mail: CapturedMail): Promise<void> {
  const name = `${mail.date.replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.json`
  const temporary = path.join(dir, `.${name}.tmp`)
  await writeFile(temporary, `${JSON.stringify(mail, null, 2)}\n`)
  await rename(temporary, path.join(dir, name))
}

/** Every mail received so far, oldest first. */
export async function readMailbox(dir: string): Promise<CapturedMail[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const files = names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort()
  return Promise.all(
    files.map(
      async (name) => JSON.parse(await readFile(path.join(dir, name), 'utf8')) as CapturedMail,
    ),
  )
}

export interface MailQuery {
  /** The recipient (compared without regard to case). */
  to: string
  subject?: RegExp
  /** Only mail received at or after this moment: what an action just sent, not an older one. */
  since?: Date
}

/**
 * The newest mail that matches, waiting up to `timeoutMs` for one to arrive; on timeout, the
 * error lists what did arrive for that address.
 */
export async function waitForMail(
  dir: string,
  query: MailQuery,
  timeoutMs = 10_000,
): Promise<CapturedMail> {
  const to = query.to.toLowerCase()
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const forThem = (await readMailbox(dir)).filter((mail) =>
      mail.to
        .toLowerCase()
        .split(', ')
        .some((address) => address === to),
    )
    const matching = forThem.filter(
      (mail) =>
        (!query.subject || query.subject.test(mail.subject)) &&
        (!query.since || Date.parse(mail.date) >= query.since.getTime()),
    )
    const newest = matching.at(-1)
    if (newest) return newest
    if (Date.now() > deadline) {
      const seen = forThem.map((mail) => `"${mail.subject}" (${mail.date})`).join(', ') || 'none'
      throw new Error(
        `no mail to ${query.to}${query.subject ? ` with a subject matching ${query.subject}` : ''} within ${timeoutMs} ms; mail to that address: ${seen}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
