/**
 * The Better Auth options that shape the database, for `npm run db:auth-schema` only.
 *
 * The running authority lives in apps/web; this file repeats just the options that add tables or
 * columns (UUID ids, the jwt plugin, database rate-limit storage) so the schema can be generated
 * without loading the web app. Also `twoFactor` (table two_factor, user.two_factor_enabled) and
 * `passkey` (table passkey). When a plugin is added there, add it here and re-run the script.
 */
import { betterAuth } from 'better-auth'
import { drizzleAdapter } from 'better-auth/adapters/drizzle'
import { passkey } from '@better-auth/passkey'
import { jwt, twoFactor } from 'better-auth/plugins'

export const auth = betterAuth({
  database: drizzleAdapter({}, { provider: 'pg' }),
  secret: 'schema-generation-only-not-a-real-secret-0123456789',
  emailAndPassword: { enabled: true },
  advanced: { database: { generateId: 'uuid' } },
  rateLimit: { storage: 'database' },
  plugins: [jwt(), twoFactor(), passkey()],
  telemetry: { enabled: false },
})
