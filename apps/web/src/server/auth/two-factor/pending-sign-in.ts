import { createAuthEndpoint } from 'better-auth/api'
import { z } from 'zod'
import { startSession, type IssueSessionOptions } from '../issue-session'

/**
 * The half-signed-in state (docs/decisions/0207-two-factor-sign-in.md). When the password of an
 * account with two-factor sign-in on is right, Better Auth's `twoFactor` plugin deletes the
 * session it was about to start and instead sets a signed, httpOnly `two_factor` cookie naming a
 * verification row (value: the user id; 10 minutes). These two server-only endpoints (no path:
 * nothing outside the process can call them) read that state for the contract route, and finish
 * it once the route has checked the second factor.
 */

const TWO_FACTOR_COOKIE = 'two_factor'

/** The user a request's pending sign-in is for, or null when it has none (or it expired). */
export function pendingSignInEndpoint() {
  return createAuthEndpoint.serverOnly({ method: 'GET' }, async (ctx) => {
    const cookie = ctx.context.createAuthCookie(TWO_FACTOR_COOKIE)
    const identifier = await ctx.getSignedCookie(cookie.name, ctx.context.secret)
    if (!identifier) return ctx.json({ userId: null })
    const found = await ctx.context.internalAdapter.findVerificationValue(identifier)
    const live = found && found.expiresAt > new Date()
    return ctx.json({ userId: live ? found.value : null })
  })
}

/**
 * Ends the pending state of `userId` (once: the verification row is consumed atomically, so two
 * requests with the same cookie cannot both succeed) and starts the session, as a sign-in does.
 * Answers `{completed: false}` when the state is gone or belongs to someone else.
 */
export function completeSignInEndpoint(options: IssueSessionOptions) {
  return createAuthEndpoint.serverOnly(
    { method: 'POST', body: z.object({ userId: z.uuid() }) },
    async (ctx) => {
      const cookie = ctx.context.createAuthCookie(TWO_FACTOR_COOKIE)
      const identifier = await ctx.getSignedCookie(cookie.name, ctx.context.secret)
      ctx.setCookie(cookie.name, '', { ...cookie.attributes, maxAge: 0 })
      if (!identifier) return ctx.json({ completed: false as const })
      const consumed = await ctx.context.internalAdapter.consumeVerificationValue(identifier)
      if (!consumed || consumed.value !== ctx.body.userId || consumed.expiresAt <= new Date()) {
        return ctx.json({ completed: false as const })
      }
      const started = await startSession(ctx, ctx.body.userId, options)
      return ctx.json({ completed: true as const, ...started })
    },
  )
}
