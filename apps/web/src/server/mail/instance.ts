import { getWebConfig } from '../config'
import { createLogger } from '../log'
import { createMailer, type Mailer } from './mailer'

/**
 * The process's mailer, made on first use (so `next build` needs no settings) and kept on
 * globalThis (so `next dev` reloading a module does not open another SMTP pool).
 */

const holder = globalThis as typeof globalThis & { taskwiseMailer?: Mailer }

export function getMailer(): Mailer {
  if (!holder.taskwiseMailer) {
    const config = getWebConfig()
    const logger = createLogger(config.logLevel, undefined, { service: 'web' })
    holder.taskwiseMailer = createMailer(config.mail, logger)
  }
  return holder.taskwiseMailer
}
