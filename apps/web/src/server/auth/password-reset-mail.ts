import { type Database } from '@taskwise/db/client'
import { type User } from 'better-auth'
import { type ActivityLog } from '../account/activity-log'
import { describeDevice } from '../account/devices'
import { type WebConfig } from '../config'
import { type Logger } from '../log'
import { sendInBackground, type Mailer } from '../mail/mailer'
import { passwordResetLink, passwordWasReset } from '../mail/templates'
import { clientIpOf } from './client-ip'
import { emailDigest } from './identity'
import { type SignInThrottle } from './sign-in-throttle'
import { forgetTrustedDevices } from './two-factor/trusted-device'

/**
 * What Better Auth's reset flow does by mail and beside it:
 *
 * - the link is built from the configured public origin (never the request's Host) and carries
 *   the token in its query; the token is Better Auth's 24-character id (about 143 bits from a
 *   secure generator), stored only as a hash (`verification.storeIdentifier: 'hashed'`);
 * - the mail is sent in the background, so a known and an unknown address answer in the same time
 *   and a mail failure (logged, never dropped silently) cannot tell them apart;
 * - after a reset, the person is told by mail, the activity list records it, and the per-account
 *   sign-in lock is lifted (whoever reset the password may sign in with it at once).
 */
export function passwordResetMail(deps: {
  config: WebConfig
  mailer: Mailer
  logger: Logger
  activity: ActivityLog
  throttle: SignInThrottle
  db: Database
}) {
  const { config, mailer, logger, activity, throttle, db } = deps
  const contextOf = (request: Request | undefined) => ({
    ip: clientIpOf(request),
    userAgent: request?.headers.get('user-agent') ?? null,
  })

  return {
    sendLink({ user, token }: { user: User; token: string }, request?: Request): Promise<void> {
      const url = new URL('/reset-password', config.baseUrl)
      url.searchParams.set('token', token)
      sendInBackground(
        mailer,
        { to: user.email, ...passwordResetLink({ url: url.href, expiresInMinutes: 30 }) },
        logger,
      )
      void activity.record(user.id, 'password_reset_requested', contextOf(request))
      return Promise.resolve()
    },

    async onReset({ user }: { user: User }, request?: Request): Promise<void> {
      const context = contextOf(request)
      await activity.record(user.id, 'password_reset', context)
      await throttle.reset(emailDigest(config.secret, user.email))
      // The reset ended every session (revokeSessionsOnPasswordReset); trusted devices go with
      // them. Two-factor sign-in itself stays on (decision 0207).
      await forgetTrustedDevices(db, user.id)
      sendInBackground(
        mailer,
        {
          to: user.email,
          ...passwordWasReset({
            at: new Date(),
            ip: context.ip,
            device: describeDevice(context.userAgent),
            appUrl: config.baseUrl,
          }),
        },
        logger,
      )
      logger.info('password reset', { event: 'auth.password_reset', userId: user.id })
    },
  }
}
