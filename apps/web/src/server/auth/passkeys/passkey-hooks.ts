import { type BetterAuthPlugin } from 'better-auth'
import { APIError, createAuthMiddleware, getIP, isAPIError } from 'better-auth/api'
import { type ActivityLog } from '../../account/activity-log'
import { type WebConfig } from '../../config'
import { type Logger } from '../../log'
import { type Mailer } from '../../mail/mailer'
import { type IssueSessionOptions } from '../issue-session'
import { notifySignInChange } from '../two-factor/notify'

/**
 * What Taskwise adds to the passkey plugin's two ceremonies (docs/decisions/0207):
 *
 * - a sign-in's options require user verification, where the plugin only prefers it;
 * - a passkey sign-in ends as a password sign-in does: the httpOnly JWT cookie set beside the
 *   session cookie, the activity recorded, a log line (its second factor is the passkey's own
 *   user verification, so no TOTP is asked);
 * - a passkey is only ever added to the signed-in account (never `createSession`), and adding it
 *   is recorded and mailed.
 */
export function passkeyHooks(
  options: IssueSessionOptions & {
    activity: ActivityLog
    logger: Logger
    mailer: Mailer
    config: WebConfig
  },
) {
  const { activity, logger, jwtCookie } = options
  return {
    id: 'taskwise-passkeys',
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === '/passkey/verify-registration',
          handler: createAuthMiddleware(async (ctx) => {
            const body = ctx.body as { createSession?: unknown } | undefined
            if (body?.createSession === true) {
              throw new APIError('BAD_REQUEST', {
                message: 'A passkey is added to the signed-in account only.',
              })
            }
          }),
        },
      ],
      after: [
        {
          // The plugin asks for user verification only as "preferred" here, and has no option
          // for it: the browser is told "required", so an authenticator asks for the PIN or the
          // finger instead of skipping it (the assertion is refused without it either way).
          matcher: (ctx) => ctx.path === '/passkey/generate-authenticate-options',
          handler: createAuthMiddleware(async (ctx) => {
            const returned: unknown = ctx.context.returned
            if (isAPIError(returned) || typeof returned !== 'object' || returned === null) return
            return ctx.json({ ...returned, userVerification: 'required' })
          }),
        },
        {
          matcher: (ctx) => ctx.path === '/passkey/verify-authentication',
          handler: createAuthMiddleware(async (ctx) => {
            const created = ctx.context.newSession
            const ip = ctx.request ? (getIP(ctx.request, ctx.context.options) ?? null) : null
            if (isAPIError(ctx.context.returned) || !created) {
              logger.warn('passkey sign-in failed', {
                event: 'auth.sign_in',
                method: 'passkey',
                outcome: 'failure',
                ip,
              })
              return
            }
            const token = await options.signer.sign(ctx, created)
            ctx.setCookie(jwtCookie.name, token, {
              ...jwtCookie.attributes,
              maxAge: options.jwtTtlSeconds,
            })
            await activity.record(created.user.id, 'sign_in', {
              ip,
              userAgent: ctx.request?.headers.get('user-agent') ?? null,
            })
            logger.info('signed in', {
              event: 'auth.sign_in',
              method: 'passkey',
              outcome: 'success',
              userId: created.user.id,
              sessionId: created.session.id,
              ip,
            })
          }),
        },
        {
          matcher: (ctx) => ctx.path === '/passkey/verify-registration',
          handler: createAuthMiddleware(async (ctx) => {
            const user = ctx.context.session?.user
            if (isAPIError(ctx.context.returned) || !user || !ctx.request) return
            await notifySignInChange(options, ctx.request, user, 'passkey_added', 'passkey-added')
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin
}
