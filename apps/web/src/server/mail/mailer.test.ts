import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer, type SMTPServerOptions } from 'smtp-server'
import { afterEach, describe, expect, test } from 'vitest'
import { createLogger, type LogRecord } from '../log'
import { createMailer, sendInBackground, type Mailer, type MailMessage } from './mailer'
import { readOutbox } from './outbox'
import { passwordChanged } from './templates'

const FROM = 'Taskwise <no-reply@taskwise.test>'
const ADDRESS = 'ada.lovelace@example.com'
const QUICK_RETRIES = { retryDelaysMs: [10, 10] }

const message: MailMessage = {
  to: ADDRESS,
  kind: 'password-changed',
  subject: 'Your Taskwise password was changed',
  text: 'The password of your Taskwise account was just changed.\nhttps://taskwise.test/settings',
  html: '<p>The password of your <b>Taskwise</b> account was just changed.</p>',
}

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function capturingLogger() {
  const logs: LogRecord[] = []
  return { logs, logger: createLogger('info', (record) => logs.push(record)) }
}

interface Received {
  rcptAttempts: number
  mails: ParsedMail[]
}

/** A real SMTP server on a free port; `options` may refuse what it receives. */
async function startSmtpServer(
  options: Partial<SMTPServerOptions> = {},
): Promise<Received & { url: string; server: SMTPServer }> {
  const received: Received = { rcptAttempts: 0, mails: [] }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 100,
    onRcptTo(address, session, callback) {
      received.rcptAttempts += 1
      if (options.onRcptTo) options.onRcptTo(address, session, callback)
      else callback()
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.mails.push(mail)
        callback()
      }, callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return Object.assign(received, { url: `smtp://127.0.0.1:${port}`, server })
}

function smtpMailer(url: string, logger = capturingLogger().logger): Mailer {
  const mailer = createMailer({ smtpUrl: url, from: FROM, outboxDir: '/nonexistent' }, logger, {
    ...QUICK_RETRIES,
  })
  cleanups.push(() => mailer.close())
  return mailer
}

function refusal(responseCode: number): Error {
  return Object.assign(new Error(`${ADDRESS}: mailbox unavailable`), { responseCode })
}

describe('mail over SMTP', () => {
  test('a mail reaches the SMTP server with its recipient, sender, subject and both bodies', async () => {
    const smtp = await startSmtpServer()
    const { logs, logger } = capturingLogger()
    await smtpMailer(smtp.url, logger).send(message)

    expect(smtp.mails).toHaveLength(1)
    const [mail] = smtp.mails as [ParsedMail]
    expect(mail.to).toMatchObject({ value: [{ address: ADDRESS }] })
    expect(mail.from).toMatchObject({
      value: [{ address: 'no-reply@taskwise.test', name: 'Taskwise' }],
    })
    expect(mail.subject).toBe(message.subject)
    expect(mail.text?.trim()).toBe(message.text)
    expect(mail.html).toContain('<b>Taskwise</b> account was just changed')
    expect(logs).toContainEqual(
      expect.objectContaining({ event: 'mail.sent', kind: 'password-changed', attempts: 1 }),
    )
  })

  test('a templated mail arrives readable in both versions', async () => {
    const smtp = await startSmtpServer()
    const content = passwordChanged({
      at: new Date('2026-11-20T08:01:00Z'),
      ip: '203.0.113.9',
      device: 'Firefox on <Linux>',
      appUrl: 'https://taskwise.test',
    })
    await smtpMailer(smtp.url).send({ to: ADDRESS, ...content })
    const [mail] = smtp.mails as [ParsedMail]
    expect(mail.subject).toBe('Your Taskwise password was changed')
    expect(mail.text).toContain('Device: Firefox on <Linux>')
    expect(mail.html).toContain('Firefox on &lt;Linux&gt;')
    expect(mail.html).toContain('href="https://taskwise.test/forgot-password"')
  })

  test('a temporary refusal is retried, then the send fails and is logged without the address', async () => {
    const smtp = await startSmtpServer({
      onRcptTo: (_address, _session, callback) => callback(refusal(451)),
    })
    const { logs, logger } = capturingLogger()
    await expect(smtpMailer(smtp.url, logger).send(message)).rejects.toThrow(
      'a password-changed mail could not be sent',
    )
    expect(smtp.rcptAttempts).toBe(3)
    expect(smtp.mails).toHaveLength(0)
    const failure = logs.find((record) => record.event === 'mail.failed')
    expect(failure).toMatchObject({
      level: 50,
      kind: 'password-changed',
      attempts: 3,
      responseCode: 451,
      recipient: 'a…@example.com',
    })
    expect(JSON.stringify(logs)).not.toContain('ada.lovelace')
  })

  test('a permanent refusal is not retried', async () => {
    const smtp = await startSmtpServer({
      onRcptTo: (_address, _session, callback) => callback(refusal(550)),
    })
    const { logs, logger } = capturingLogger()
    await expect(smtpMailer(smtp.url, logger).send(message)).rejects.toThrow()
    expect(smtp.rcptAttempts).toBe(1)
    expect(logs).toContainEqual(
      expect.objectContaining({ event: 'mail.failed', attempts: 1, responseCode: 550 }),
    )
  })

  test('a server that is down fails the send after the retries, naming no address', async () => {
    const smtp = await startSmtpServer()
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()))
    const { logs, logger } = capturingLogger()
    const sending = smtpMailer(smtp.url, logger).send(message)
    await expect(sending).rejects.toThrow('a password-changed mail could not be sent')
    await expect(sending).rejects.not.toThrow(/ada/)
    expect(logs).toContainEqual(
      expect.objectContaining({ event: 'mail.failed', attempts: 3, code: 'ESOCKET' }),
    )
    expect(JSON.stringify(logs)).not.toContain(ADDRESS)
  })

  test('a recipient that is a list, or carries a header, is refused before anything is sent', async () => {
    const smtp = await startSmtpServer()
    const mailer = smtpMailer(smtp.url)
    for (const to of ['a@example.com, b@example.com', 'a@example.com\r\nBcc: b@example.com']) {
      await expect(mailer.send({ ...message, to })).rejects.toThrow(/no valid recipient/)
    }
    expect(smtp.rcptAttempts).toBe(0)
  })
})

describe('mail into the outbox', () => {
  function outboxMailer(logger = capturingLogger().logger) {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'taskwise-outbox-')), 'outbox')
    cleanups.push(() => rmSync(path.dirname(dir), { recursive: true, force: true }))
    const mailer = createMailer({ smtpUrl: null, from: FROM, outboxDir: dir }, logger)
    return { dir, mailer }
  }

  test('each mail is one readable JSON file, only its owner may read it', async () => {
    const { dir, mailer } = outboxMailer()
    await mailer.send(message)
    const files = readdirSync(dir)
    expect(files).toHaveLength(1)
    const file = path.join(dir, files[0] as string)
    expect(statSync(file).mode & 0o077).toBe(0)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      id: expect.any(String),
      to: ADDRESS,
      from: FROM,
      subject: message.subject,
      text: message.text,
      html: message.html,
      date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })
  })

  test('the outbox lists the newest mail first', async () => {
    const { dir, mailer } = outboxMailer()
    for (const subject of ['first', 'second', 'third']) {
      await mailer.send({ ...message, subject })
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    expect((await readOutbox(dir)).map((mail) => mail.subject)).toEqual([
      'third',
      'second',
      'first',
    ])
  })
})

describe('sending in the background', () => {
  test('returns before the mail is sent, and a failure is logged, never thrown', async () => {
    const smtp = await startSmtpServer({
      onRcptTo: (_address, _session, callback) => callback(refusal(550)),
    })
    const { logs, logger } = capturingLogger()
    const done = sendInBackground(smtpMailer(smtp.url, logger), message, logger)
    expect(smtp.rcptAttempts).toBe(0)
    await expect(done).resolves.toBeUndefined()
    expect(logs.filter((record) => record.event === 'mail.failed')).toHaveLength(1)
  })

  test('a mailer that breaks outright is logged too', async () => {
    const { logs, logger } = capturingLogger()
    const broken: Mailer = {
      send: () => {
        throw new TypeError('not a mailer')
      },
      close: async () => {},
    }
    await expect(sendInBackground(broken, message, logger)).resolves.toBeUndefined()
    expect(logs).toContainEqual(
      expect.objectContaining({
        event: 'mail.failed',
        kind: 'password-changed',
        reason: 'TypeError',
      }),
    )
  })
})
