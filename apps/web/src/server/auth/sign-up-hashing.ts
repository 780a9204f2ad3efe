import { defineRequestState, hasRequestState } from '@better-auth/core/context'
import { type BetterAuthPlugin } from 'better-auth'
import { createAuthMiddleware } from 'better-auth/api'
import { type PasswordHashing } from './password-hashing'

/**
 * Sign-up's hash, made before Better Auth opens its transaction (docs/decisions/0321).
 *
 * Better Auth's `POST /sign-up/email` runs its whole body in one database transaction, and hashes
 * the password inside it: a burst of sign-ups would hold every connection of the pool, idle in
 * transaction, for as long as their hashes (and their turn for a hashing thread) take. So a
 * before-hook on sign-up hashes the body's password first and leaves the hash in the request's
 * own state (Better Auth's request-scoped `defineRequestState`, one per endpoint call); when the
 * endpoint then asks `hash` for the same password, it gets that hash at once. Any other call, or
 * a password that differs, is hashed as usual, and whatever is not taken ends with the request.
 */
export function hashingAhead(hashing: PasswordHashing) {
  const ready = defineRequestState<{ password: string; hash: string } | null>(() => null)
  return {
    /** The hashing to give Better Auth: takes the request's ready hash for the same password. */
    hashing: {
      async hash(password: string) {
        if (await hasRequestState()) {
          const made = await ready.get()
          if (made?.password === password) {
            await ready.set(null)
            return made.hash
          }
        }
        return hashing.hash(password)
      },
      verify: hashing.verify,
    } satisfies PasswordHashing,
    /**
     * The plugin whose sign-up hook hashes ahead. Place it after the plugin that checks the
     * password policy, so that a refused password costs no hash; `maxLength` is Better Auth's own
     * cap (a longer password is refused by the endpoint before it would hash).
     */
    plugin(maxLength: number) {
      return {
        id: 'taskwise-sign-up-hashing',
        hooks: {
          before: [
            {
              matcher: (ctx) => ctx.path === '/sign-up/email',
              handler: createAuthMiddleware(async (ctx) => {
                const password = (ctx.body as { password?: unknown } | undefined)?.password
                if (typeof password !== 'string' || password.length > maxLength) return
                await ready.set({ password, hash: await hashing.hash(password) })
              }),
            },
          ],
        },
      } satisfies BetterAuthPlugin
    },
  }
}
