import { type GenericEndpointContext } from 'better-auth'
import { createAuthEndpoint } from 'better-auth/api'
import { setSessionCookie } from 'better-auth/cookies'
import { decodeJwt } from 'jose'
import { z } from 'zod'
import { type JwtCookie } from './jwt-cookie'
import { type JwtSigner } from './jwt-signer'

export interface IssueSessionOptions {
  signer: JwtSigner
  jwtCookie: JwtCookie
  jwtTtlSeconds: number
}

/**
 * Starts a new session for `userId` inside a Better Auth endpoint and answers as a sign-in does:
 * the session cookie and the httpOnly JWT cookie set, the JWT and its expiry returned.
 */
export async function startSession(
  ctx: GenericEndpointContext,
  userId: string,
  options: IssueSessionOptions,
) {
  const user = await ctx.context.internalAdapter.findUserById(userId)
  if (!user) throw new Error('startSession: no such user')
  const session = await ctx.context.internalAdapter.createSession(user.id)
  const created = { session, user }
  await setSessionCookie(ctx, created)
  const token = await options.signer.sign(ctx, created)
  ctx.setCookie(options.jwtCookie.name, token, {
    ...options.jwtCookie.attributes,
    maxAge: options.jwtTtlSeconds,
  })
  const expiresAt = new Date((decodeJwt(token).exp ?? 0) * 1000).toISOString()
  return { token, expiresAt, sessionId: session.id }
}

/**
 * A server-only Better Auth endpoint (no path: nothing outside the process can call it) that
 * starts a new session for a user the caller has already authenticated. The change-password
 * route uses it to give the current tab a fresh session after ending the others.
 */
export function issueSessionEndpoint(options: IssueSessionOptions) {
  return createAuthEndpoint.serverOnly(
    { method: 'POST', body: z.object({ userId: z.uuid() }) },
    async (ctx) => ctx.json(await startSession(ctx, ctx.body.userId, options)),
  )
}
