import { randomBytes, randomUUID } from 'node:crypto'
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { isLoopbackHost, isLoopbackUrl, type WebConfig } from '../config'

/**
 * The outbox: where mail goes when no SMTP server is configured (development, and `npm start` on
 * this machine). One JSON file per mail, named so that names sort by time, written to a temporary
 * name and renamed so that a reader never sees half a mail. The files hold live reset links:
 * only their owner may read them.
 */

export const outboxMailSchema = z.object({
  id: z.string(),
  to: z.string(),
  from: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  date: z.iso.datetime(),
})

export type OutboxMail = z.output<typeof outboxMailSchema>

export async function writeToOutbox(
  dir: string,
  mail: Omit<OutboxMail, 'id' | 'date'>,
  now: Date = new Date(),
): Promise<OutboxMail> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const stored: OutboxMail = { id: randomUUID(), ...mail, date: now.toISOString() }
  // 2026-11-20T08-01-02-345Z-1a2b3c4d.json: ISO time (sortable), then a random suffix.
  const name = `${stored.date.replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.json`
  const temporary = path.join(dir, `.${name}.tmp`)
  await writeFile(temporary, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 })
  await rename(temporary, path.join(dir, name))
  return stored
}

/** The newest mails first (at most `limit`); a folder that does not exist yet holds none. */
export async function readOutbox(dir: string, limit = 100): Promise<OutboxMail[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const newest = names
    .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
    .sort()
    .reverse()
    .slice(0, limit)
  const mails = await Promise.all(
    newest.map(async (name) => {
      try {
        const parsed = outboxMailSchema.safeParse(
          JSON.parse(await readFile(path.join(dir, name), 'utf8')),
        )
        return parsed.success ? parsed.data : null
      } catch {
        return null // removed meanwhile, or not one of ours
      }
    }),
  )
  return mails.filter((mail): mail is OutboxMail => mail !== null)
}

/**
 * Whether this request may read the outbox page: only when mail goes to the outbox (so never
 * when SMTP_URL is set, and in production only on a localhost address), and only when the page
 * was asked for by a localhost name, so that a web page whose name points at 127.0.0.1 (DNS
 * rebinding) cannot read the reset links in it.
 */
export function outboxIsReadable(config: WebConfig, host: string | null): boolean {
  if (config.mail.smtpUrl !== null) return false
  if (config.nodeEnv === 'production' && !isLoopbackUrl(config.baseUrl)) return false
  if (!host) return false
  try {
    return isLoopbackHost(new URL(`http://${host}`).hostname)
  } catch {
    return false
  }
}
