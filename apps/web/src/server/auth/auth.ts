import { JWT_AUDIENCE } from '@taskwise/contracts/auth'
import { PASSWORD_MIN_LENGTH } from '@taskwise/contracts/password-rules'
import { createDatabase, createPool, schema, type Database } from '@taskwise/db/client'
import { betterAuth } from 'better-auth'
import { drizzleAdapter } from 'better-auth/adapters/drizzle'
import { nextCookies } from 'better-auth/next-js'
import { jwt, twoFactor } from 'better-auth/plugins'
import { type JwtOptions } from 'better-auth/plugins/jwt'
import { createActivityLog } from '../account/activity-log'
import { type WebConfig } from '../config'
import { createLogger, type Logger, type LogSink } from '../log'
import { createMailer, type Mailer } from '../mail/mailer'
import { ipAddressOptions } from './client-ip'
import { passwordResetMail } from './password-reset-mail'
import { limitedHashing, passwordHashing, type PasswordHashing } from './password-hashing'
import { hashingAhead } from './sign-up-hashing'
import { databaseRateLimitStorage } from './rate-limit-storage'
import { jwtCookieFor, type JwtCookie } from './jwt-cookie'
import { createJwtSigner } from './jwt-signer'
import { createSignInThrottle } from './sign-in-throttle'
import { passkeyHooks } from './passkeys/passkey-hooks'
import { taskwisePasskeys } from './passkeys/passkey-options'
import { taskwiseAuthPlugin } from './taskwise-plugin'
import { trustedDeviceCookieFor } from './two-factor/trusted-device'

/** Better Auth's cookies are named `taskwise.session_token` (`__Secure-taskwise…` under https). */
export const SESSION_COOKIE_PREFIX = 'taskwise'

/**
 * A UTF-16 cap for Better Auth's own length check. The policy counts code points (at most 128, at
 * most 256 UTF-16 units), and the plugin enforces it first; this only keeps Better Auth from
 * refusing a valid 128-character password made of astral-plane characters.
 */
const UTF16_PASSWORD_CAP = 256

export interface AuthDependencies {
  /** Where log lines go; stdout when omitted. */
  logSink?: LogSink
  /** A pool to use instead of opening one (tests share one). */
  pool?: ReturnType<typeof createPool>
  /** Where mail goes; from the settings (SMTP or the development outbox) when omitted. */
  mailer?: Mailer
  /** How passwords are hashed and checked; from the settings when omitted (tests watch it). */
  passwordHashing?: PasswordHashing
}

/** A reset link works for 30 minutes (docs/decisions/0206-account-routes.md). */
export const RESET_TOKEN_TTL_SECONDS = 30 * 60

/** How long a right password waits for its second factor (docs/decisions/0207). */
export const TWO_FACTOR_PENDING_SECONDS = 10 * 60

function jwtOptionsFor(config: WebConfig): JwtOptions {
  return {
    jwks: { keyPairConfig: { alg: 'EdDSA', crv: 'Ed25519' } },
    jwt: {
      issuer: config.baseUrl,
      audience: JWT_AUDIENCE,
      // A relative span ("604800s"); a number would be read as an absolute `exp`.
      expirationTime: `${config.jwtTtlSeconds}s`,
      // Small on purpose: the default payload is the whole user row.
      definePayload: ({ user, session }) => ({ email: user.email, sid: session.id }),
    },
    // Otherwise every get-session would sign a fresh JWT into a response header.
    disableSettingJwtHeader: true,
  }
}

export function createAuth(config: WebConfig, dependencies: AuthDependencies = {}) {
  const logger: Logger = createLogger(config.logLevel, dependencies.logSink, { service: 'web' })
  const pool =
    dependencies.pool ??
    createPool(config.databaseUrl, {
      applicationName: 'taskwise-web',
      max: config.database.poolMax,
      connectionTimeoutMillis: config.database.connectionTimeoutMs,
      onError: (error) => logger.error('idle database connection lost', { error: error.message }),
    })
  const db: Database = createDatabase(pool)
  const jwtOptions = jwtOptionsFor(config)
  const jwtSigner = createJwtSigner(jwtOptions)
  const jwtCookie: JwtCookie = jwtCookieFor(config.baseUrl)
  const trustedDeviceCookie = trustedDeviceCookieFor(config.baseUrl)
  const throttle = createSignInThrottle(db, {
    maxAttempts: config.lockout.maxFailures,
    windowSeconds: config.lockout.windowSeconds,
  })
  const mailer = dependencies.mailer ?? createMailer(config.mail, logger)
  const activity = createActivityLog(db, (error) =>
    logger.error('could not record account activity', {
      error: error instanceof Error ? error.message : String(error),
    }),
  )
  const resetMail = passwordResetMail({ config, mailer, logger, activity, throttle, db })
  const signUpHashing = hashingAhead(
    limitedHashing(
      dependencies.passwordHashing ?? passwordHashing(config.passwordHasher),
      config.passwordHashesAtOnce,
    ),
  )

  const auth = betterAuth({
    appName: 'Taskwise',
    baseURL: config.baseUrl,
    basePath: '/api/auth',
    secret: config.secret,
    trustedOrigins: [config.baseUrl],
    // Sign-up's own transaction: the hash is made before it (sign-up-hashing.ts, 0321).
    database: drizzleAdapter(db, { provider: 'pg', schema, transaction: true }),
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: false,
      autoSignIn: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: UTF16_PASSWORD_CAP,
      password: signUpHashing.hashing,
      // A reset ends every session, and with them every JWT (the api checks `sid`; 0101).
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: RESET_TOKEN_TTL_SECONDS,
      sendResetPassword: resetMail.sendLink,
      onPasswordReset: resetMail.onReset,
    },
    // Reset and email-change tokens are stored as SHA-256 hashes: a copy of the table opens nothing.
    verification: { storeIdentifier: 'hashed' },
    session: {
      // Freshness is proven by the password on the contract routes that need it (adding a
      // passkey asks for it), not by the session's age; the native routes that check it are
      // closed from outside (native.ts).
      freshAge: 0,
      // A session lives exactly as long as the JWT that names it (`sid`), and is not extended on
      // use: the contract has no refresh, so the browser's sign-in and the api's token end together.
      expiresIn: config.jwtTtlSeconds,
      disableSessionRefresh: true,
    },
    rateLimit: {
      enabled: true,
      // Better Auth's table and rule, decided in one statement (rate-limit-storage.ts).
      customStorage: databaseRateLimitStorage(db),
      customRules: {
        '/sign-in/*': { window: config.rateLimit.windowSeconds, max: config.rateLimit.max },
        '/sign-up/*': { window: config.rateLimit.windowSeconds, max: config.rateLimit.max },
        '/request-password-reset': {
          window: config.rateLimit.windowSeconds,
          max: config.rateLimit.max,
        },
        '/reset-password': { window: config.rateLimit.windowSeconds, max: config.rateLimit.max },
      },
    },
    advanced: {
      database: { generateId: 'uuid', joins: true },
      cookiePrefix: SESSION_COOKIE_PREFIX,
      // Better Auth skips its Origin/CSRF checks when NODE_ENV=test; Taskwise never does, so
      // tests see what production does.
      disableOriginCheck: false,
      disableCSRFCheck: false,
      useSecureCookies: config.baseUrl.startsWith('https://'),
      ipAddress: ipAddressOptions(),
    },
    telemetry: { enabled: false },
    // An error that is not Better Auth's own refusal (a database that cannot be reached, a pool
    // with no free connection) is thrown out of the handler instead of becoming its bare 500, so
    // routeHandler can answer it as a 503 problem with Retry-After (0510-database-faults.md).
    onAPIError: { throw: true },
    logger: {
      // 'info', not 'warn': at warn/error Better Auth also prints every 4xx through its own
      // console logger, bypassing `log`.
      level: 'info',
      // Better Auth's own messages (and an error's message), email addresses masked.
      log: (level, message, ...args: unknown[]) => {
        const mask = (text: string) => text.replace(/[^\s@:'"]+@[^\s@'"]+/g, '[email]')
        const error = args.find((arg): arg is Error => arg instanceof Error)
        const fields = {
          source: 'better-auth',
          ...(error ? { error: mask(`${error.name}: ${error.message}`) } : {}),
        }
        if (level === 'error') logger.error(mask(message), fields)
        else if (level === 'warn') logger.warn(mask(message), fields)
        else if (level === 'info') logger.info(mask(message), fields)
      },
    },
    plugins: [
      jwt(jwtOptions),
      // Before Taskwise's plugin: its sign-in hook turns a right password into the pending
      // second-factor state (no session), which Taskwise's hook then sees. Its own routes stay
      // unreachable from outside (native.ts); the contract routes check the codes
      // (docs/decisions/0207-two-factor-sign-in.md).
      twoFactor({ issuer: 'Taskwise', twoFactorCookieMaxAge: TWO_FACTOR_PENDING_SECONDS }),
      taskwiseAuthPlugin({
        secret: config.secret,
        signer: jwtSigner,
        jwtCookie,
        jwtTtlSeconds: config.jwtTtlSeconds,
        throttle,
        activity,
        logger,
      }),
      // After Taskwise's plugin (the password policy), before the endpoint's transaction.
      signUpHashing.plugin(UTF16_PASSWORD_CAP),
      taskwisePasskeys(config.baseUrl),
      passkeyHooks({
        signer: jwtSigner,
        jwtCookie,
        jwtTtlSeconds: config.jwtTtlSeconds,
        activity,
        logger,
        mailer,
        config,
      }),
      // Last: lets server actions and server components set Better Auth's cookies.
      nextCookies(),
    ],
  })

  return {
    auth,
    db,
    pool,
    logger,
    config,
    jwtCookie,
    trustedDeviceCookie,
    throttle,
    mailer,
    activity,
    /** Closes the pool, unless it was given, and the mail transport. */
    async close() {
      await mailer.close()
      if (!dependencies.pool) await pool.end()
    },
  }
}

export type TaskwiseAuth = ReturnType<typeof createAuth>
