import { unmetPasswordRules } from '@taskwise/contracts/password'
import { PASSWORD_MAX_LENGTH, passwordRuleMessage } from '@taskwise/contracts/password-rules'
import { type BetterAuthPlugin } from 'better-auth'
import { APIError, createAuthMiddleware, getIP, isAPIError } from 'better-auth/api'
import { type ActivityLog } from '../account/activity-log'
import { type Logger } from '../log'
import { emailDigest, emailHashForLog } from './identity'
import { issueSessionEndpoint } from './issue-session'
import { type JwtCookie } from './jwt-cookie'
import { type JwtSigner } from './jwt-signer'
import { type SignInThrottle } from './sign-in-throttle'
import { forgiveAndRecordSignIn } from './signed-in'
import { completeSignInEndpoint, pendingSignInEndpoint } from './two-factor/pending-sign-in'

/**
 * Taskwise's additions to Better Auth, as one plugin so that they hold on every path — the seed's
 * contract routes and Better Auth's own routes alike:
 *
 * - the password policy on every endpoint that sets a password (hooks.before; never in hash(),
 *   which sign-in also calls with a dummy password for unknown users);
 * - emails trimmed and lower-cased before sign-up and sign-in;
 * - the per-account sign-in limit that rotating IP addresses cannot dodge;
 * - the httpOnly JWT cookie set on sign-up and sign-in, cleared on sign-out;
 * - a log line for every sign-up, sign-in (success or failure) and sign-out: user id or email
 *   hash, IP, outcome; never a password or a token.
 */

/** Endpoints that set a password, and the body field that holds it. */
const PASSWORD_FIELDS: Record<string, string> = {
  '/sign-up/email': 'password',
  '/change-password': 'newPassword',
  '/reset-password': 'newPassword',
  '/set-password': 'newPassword',
}

export const PASSWORD_POLICY_ERROR_CODE = 'PASSWORD_POLICY'
export const ACCOUNT_LOCKED_ERROR_CODE = 'ACCOUNT_LOCKED'

export interface TaskwisePluginOptions {
  secret: string
  signer: JwtSigner
  jwtCookie: JwtCookie
  jwtTtlSeconds: number
  throttle: SignInThrottle
  activity: ActivityLog
  logger: Logger
}

type Body = Record<string, unknown>

function bodyOf(value: unknown): Body {
  return typeof value === 'object' && value !== null ? (value as Body) : {}
}

function normalisedEmail(body: Body): string | undefined {
  return typeof body.email === 'string' ? body.email.trim().toLowerCase() : undefined
}

export function taskwiseAuthPlugin(options: TaskwisePluginOptions) {
  const { activity, logger, secret, throttle, jwtCookie } = options
  // Who a sign-out ended, noted before Better Auth deletes the session, logged after.
  const signingOut = new WeakMap<Request, { userId: string; sessionId: string }>()

  const ipOf = (request: Request | undefined, authOptions: Parameters<typeof getIP>[1]) =>
    request ? (getIP(request, authOptions) ?? 'unknown') : 'internal'
  const activityContext = (
    request: Request | undefined,
    authOptions: Parameters<typeof getIP>[1],
  ) => ({
    ip: request ? (getIP(request, authOptions) ?? null) : null,
    userAgent: request?.headers.get('user-agent') ?? null,
  })

  return {
    id: 'taskwise',
    endpoints: {
      issueSession: issueSessionEndpoint(options),
      pendingSignIn: pendingSignInEndpoint(),
      completeSignIn: completeSignInEndpoint(options),
    },
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path !== undefined && ctx.path in PASSWORD_FIELDS,
          handler: createAuthMiddleware(async (ctx) => {
            const field = PASSWORD_FIELDS[ctx.path ?? '']
            const body = bodyOf(ctx.body)
            const password = field ? body[field] : undefined
            if (typeof password !== 'string') return
            const unmet = unmetPasswordRules(password)
            if (unmet.length > 0) {
              throw new APIError('BAD_REQUEST', {
                code: PASSWORD_POLICY_ERROR_CODE,
                message: `The password does not meet the policy: ${unmet.map(passwordRuleMessage).join('; ')}.`,
                errors: unmet.map((code) => ({
                  path: field,
                  code,
                  message: passwordRuleMessage(code),
                })),
              })
            }
          }),
        },
        {
          matcher: (ctx) => ctx.path === '/sign-up/email' || ctx.path === '/sign-in/email',
          handler: createAuthMiddleware(async (ctx) => {
            const body = bodyOf(ctx.body)
            const email = normalisedEmail(body)
            if (email === undefined) return
            if (ctx.path === '/sign-in/email') {
              // Too long to be anyone's password: refuse before it costs a throttle slot or a hash.
              if (
                typeof body.password === 'string' &&
                [...body.password].length > PASSWORD_MAX_LENGTH
              ) {
                throw new APIError('UNAUTHORIZED', {
                  code: 'INVALID_EMAIL_OR_PASSWORD',
                  message: 'Invalid email or password',
                })
              }
              const decision = await throttle.consume(emailDigest(secret, email))
              if (!decision.allowed) {
                logger.warn('sign-in refused: too many attempts for this account', {
                  event: 'auth.sign_in',
                  outcome: 'locked',
                  emailHash: emailHashForLog(secret, email),
                  ip: ipOf(ctx.request, ctx.context.options),
                })
                throw new APIError(
                  'TOO_MANY_REQUESTS',
                  {
                    code: ACCOUNT_LOCKED_ERROR_CODE,
                    message: 'Too many sign-in attempts for this account. Try again later.',
                    retryAfter: decision.retryAfterSeconds,
                  },
                  { 'Retry-After': String(decision.retryAfterSeconds) },
                )
              }
            }
            return { context: { body: { ...body, email } } }
          }),
        },
        {
          matcher: (ctx) => ctx.path === '/sign-out',
          handler: createAuthMiddleware(async (ctx) => {
            if (!ctx.request) return
            const token = await ctx.getSignedCookie(
              ctx.context.authCookies.sessionToken.name,
              ctx.context.secret,
            )
            if (!token) return
            const found = await ctx.context.internalAdapter.findSession(token)
            if (found)
              signingOut.set(ctx.request, { userId: found.user.id, sessionId: found.session.id })
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === '/sign-up/email' || ctx.path === '/sign-in/email',
          handler: createAuthMiddleware(async (ctx) => {
            const event = ctx.path === '/sign-up/email' ? 'auth.sign_up' : 'auth.sign_in'
            const body = bodyOf(ctx.body)
            const email = normalisedEmail(body) ?? ''
            const ip = ipOf(ctx.request, ctx.context.options)
            const returned: unknown = ctx.context.returned
            const created = ctx.context.newSession
            if (!created && bodyOf(returned).twoFactorRedirect === true) {
              // The password was right; the twoFactor plugin holds the sign-in until a second
              // factor (routes/second-factor.ts). No session, no JWT, the misses not forgiven.
              logger.info('password accepted; second factor required', {
                event: 'auth.sign_in',
                outcome: 'second_factor_required',
                emailHash: emailHashForLog(secret, email),
                ip,
              })
              return
            }
            if (isAPIError(returned) || !created) {
              const reason = isAPIError(returned)
                ? String(bodyOf(returned.body).code ?? returned.status)
                : 'no_session'
              if (reason === ACCOUNT_LOCKED_ERROR_CODE) return // logged when refused
              if (event === 'auth.sign_in' && email !== '') {
                const known = await ctx.context.internalAdapter.findUserByEmail(email)
                if (known) {
                  await activity.record(
                    known.user.id,
                    'sign_in_failed',
                    activityContext(ctx.request, ctx.context.options),
                  )
                }
              }
              logger.warn(event === 'auth.sign_up' ? 'sign-up failed' : 'sign-in failed', {
                event,
                outcome: 'failure',
                reason,
                emailHash: emailHashForLog(secret, email),
                ip,
              })
              return
            }
            const token = await options.signer.sign(ctx, created)
            ctx.setCookie(jwtCookie.name, token, {
              ...jwtCookie.attributes,
              maxAge: options.jwtTtlSeconds,
            })
            const recorded = activityContext(ctx.request, ctx.context.options)
            if (event === 'auth.sign_up')
              await activity.record(created.user.id, 'sign_up', recorded)
            else {
              const key = emailDigest(secret, email)
              await forgiveAndRecordSignIn(options, key, created.user.id, recorded)
            }
            logger.info(event === 'auth.sign_up' ? 'signed up' : 'signed in', {
              event,
              outcome: 'success',
              userId: created.user.id,
              sessionId: created.session.id,
              ip,
            })
          }),
        },
        {
          matcher: (ctx) => ctx.path === '/sign-out',
          handler: createAuthMiddleware(async (ctx) => {
            ctx.setCookie(jwtCookie.name, '', { ...jwtCookie.attributes, maxAge: 0 })
            const ended = ctx.request ? signingOut.get(ctx.request) : undefined
            const returned: unknown = ctx.context.returned
            if (ended && !isAPIError(returned)) {
              await activity.record(
                ended.userId,
                'sign_out',
                activityContext(ctx.request, ctx.context.options),
              )
            }
            logger.info('signed out', {
              event: 'auth.sign_out',
              outcome: isAPIError(returned) ? 'failure' : 'success',
              userId: ended?.userId ?? null,
              sessionId: ended?.sessionId ?? null,
              ip: ipOf(ctx.request, ctx.context.options),
            })
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin
}
