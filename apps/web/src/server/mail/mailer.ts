import nodemailer, { type NodemailerError } from 'nodemailer'
import { type WebConfig } from '../config'
import { type Logger } from '../log'
import { isSingleAddress, maskAddress } from './address'
import { writeToOutbox } from './outbox'

/**
 * Outgoing mail: over SMTP when SMTP_URL is set, otherwise into the outbox folder
 * (docs/decisions/0205-mail-delivery.md). A mail is never dropped silently: a failure is retried
 * when it may pass later, then logged (`mail.failed`, the address masked) and thrown.
 */

export interface MailMessage {
  /** One address. */
  to: string
  subject: string
  text: string
  html: string
  /** What the mail is about (`password-changed`, …), for the logs; the templates set it. */
  kind?: string
}

export interface Mailer {
  /** Resolves once the mail is handed to the SMTP server (or written to the outbox). */
  send(message: MailMessage): Promise<void>
  close(): Promise<void>
}

export interface MailerOptions {
  /** Pauses before each new attempt after a transient failure; its length is the retry count. */
  retryDelaysMs?: readonly number[]
}

/** Thrown by {@link Mailer.send} once a mail is given up on. Its message names no address. */
export class MailDeliveryError extends Error {
  override name = 'MailDeliveryError'
}

interface Delivery {
  transport: 'smtp' | 'outbox'
  deliver(message: MailMessage): Promise<void>
  close(): Promise<void>
}

export function createMailer(
  settings: WebConfig['mail'],
  logger: Logger,
  { retryDelaysMs = [1_000, 5_000] }: MailerOptions = {},
): Mailer {
  const { smtpUrl, from, outboxDir } = settings
  const delivery = smtpUrl ? smtpDelivery(smtpUrl, from) : outboxDelivery(outboxDir, from)

  return {
    async send(message) {
      const fields = {
        kind: message.kind ?? 'unnamed',
        transport: delivery.transport,
        recipient: maskAddress(message.to),
      }
      // One recipient, never a list: a stored address must not be able to copy a mail to another.
      if (!isSingleAddress(message.to)) {
        logger.error('mail not sent: the recipient is not one address', {
          event: 'mail.failed',
          ...fields,
          attempts: 0,
        })
        throw new MailDeliveryError(`a ${fields.kind} mail has no valid recipient`)
      }
      for (let attempt = 1; ; attempt += 1) {
        try {
          await delivery.deliver(message)
          logger.info('mail sent', { event: 'mail.sent', ...fields, attempts: attempt })
          return
        } catch (error) {
          const pause = retryDelaysMs[attempt - 1]
          if (pause !== undefined && isTransient(error)) {
            await new Promise((resolve) => setTimeout(resolve, pause))
            continue
          }
          // The error's own message can quote the address (a refused RCPT TO): log its codes only.
          const { code, responseCode } = error as NodemailerError
          logger.error('mail could not be sent', {
            event: 'mail.failed',
            ...fields,
            attempts: attempt,
            code: code ?? null,
            responseCode: responseCode ?? null,
          })
          throw new MailDeliveryError(`a ${fields.kind} mail could not be sent`, { cause: error })
        }
      }
    },
    close: () => delivery.close(),
  }
}

/**
 * Sends without making the caller wait: a request's answer (and its timing) never depends on
 * mail. Never rejects; a failure is logged (by the mailer, or here if the mailer itself broke).
 * The promise is for tests; callers need not await it.
 */
export function sendInBackground(
  mailer: Mailer,
  message: MailMessage,
  logger: Logger,
): Promise<void> {
  return Promise.resolve()
    .then(() => mailer.send(message))
    .catch((error: unknown) => {
      if (error instanceof MailDeliveryError) return // already logged, with its reason
      logger.error('mail could not be sent', {
        event: 'mail.failed',
        kind: message.kind ?? 'unnamed',
        reason: error instanceof Error ? error.name : 'unknown',
      })
    })
}

/**
 * Worth another try: the connection failed or timed out, or the server answered 4xx ("try again
 * later") or 503. Any other 5xx is a refusal the same mail would get again.
 */
function isTransient(error: unknown): boolean {
  const { code, responseCode } = (error ?? {}) as NodemailerError
  if (typeof responseCode === 'number') return responseCode < 500 || responseCode === 503
  return code === 'ECONNECTION' || code === 'ESOCKET' || code === 'ETIMEDOUT' || code === 'EDNS'
}

function smtpDelivery(url: string, from: string): Delivery {
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 3,
    // Never wait minutes on a server that does not answer (the defaults are 2 and 10 minutes).
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    dnsTimeout: 10_000,
  })
  return {
    transport: 'smtp',
    async deliver({ to, subject, text, html }) {
      await transport.sendMail({ from, to, subject, text, html })
    },
    async close() {
      transport.close()
    },
  }
}

function outboxDelivery(dir: string, from: string): Delivery {
  return {
    transport: 'outbox',
    async deliver({ to, subject, text, html }) {
      await writeToOutbox(dir, { to, from, subject, text, html })
    },
    async close() {},
  }
}
