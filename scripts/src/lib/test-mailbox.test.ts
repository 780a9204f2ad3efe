import { mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readMailbox, startTestMailbox, waitForMail, type TestMailbox } from './test-mailbox'

const dir = path.join(mkdtempSync(path.join(tmpdir(), 'taskwise-mailbox-test-')), 'mail')
let mailbox: TestMailbox

beforeAll(async () => {
  mailbox = await startTestMailbox({ dir, port: 0 })
})
afterAll(async () => {
  await mailbox.close()
  rmSync(path.dirname(dir), { recursive: true, force: true })
})

/** The plainest SMTP client: one message, one line per command, each answer awaited. */
async function sendRaw(port: number, to: string, subject: string, body: string): Promise<void> {
  const socket = connect(port, '127.0.0.1')
  const replies: string[] = []
  let waiting: (() => void) | undefined
  socket.on('data', (chunk: Buffer) => {
    replies.push(chunk.toString())
    waiting?.()
  })
  const reply = async (code: string) => {
    while (!replies.join('').includes(`\n${code} `) && !replies.join('').startsWith(`${code} `)) {
      await new Promise<void>((resolve) => (waiting = resolve))
    }
    replies.length = 0
  }
  await reply('220')
  for (const [command, expected] of [
    ['EHLO test', '250'],
    ['MAIL FROM:<no-reply@taskwise.test>', '250'],
    [`RCPT TO:<${to}>`, '250'],
    ['DATA', '354'],
  ] as const) {
    socket.write(`${command}\r\n`)
    await reply(expected)
  }
  const headers = `From: Taskwise <no-reply@taskwise.test>\r\nTo: ${to}\r\nSubject: ${subject}\r\n`
  socket.write(`${headers}Content-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n.\r\n`)
  await reply('250')
  socket.end('QUIT\r\n')
}

describe('the test mailbox', () => {
  test('writes what it receives as a parsed mail that waitForMail finds', async () => {
    await sendRaw(mailbox.port, 'Ada@Example.com', 'Reset your Taskwise password', 'Open it.')
    const mail = await waitForMail(dir, { to: 'ada@example.com', subject: /reset/i }, 2_000)
    expect(mail).toMatchObject({
      to: 'Ada@Example.com',
      from: 'no-reply@taskwise.test',
      subject: 'Reset your Taskwise password',
      text: 'Open it.\n',
      html: '',
    })
    expect((await readMailbox(dir)).length).toBeGreaterThanOrEqual(1)
  })

  test('with `since`, an older mail does not count; the newest match is returned', async () => {
    await sendRaw(mailbox.port, 'grace@example.com', 'Your Taskwise password was changed', 'one')
    // Mail times are in milliseconds: the first mail can be stamped in the very millisecond
    // `since` is taken, and "at or after" would then count it. Let the clock move on first.
    await new Promise((resolve) => setTimeout(resolve, 5))
    const since = new Date()
    await expect(waitForMail(dir, { to: 'grace@example.com', since }, 300)).rejects.toThrow(
      /no mail to grace@example.com within 300 ms; mail to that address: "Your/,
    )
    await sendRaw(mailbox.port, 'grace@example.com', 'Your Taskwise password was changed', 'two')
    const mail = await waitForMail(dir, { to: 'grace@example.com', since }, 2_000)
    expect(mail.text).toBe('two\n')
  })
})
