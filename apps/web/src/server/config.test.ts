import path from 'node:path'
import { DEVELOPMENT_SECRET } from '@taskwise/contracts/config'
import { defaultDataDir } from '@taskwise/db/paths'
import { describe, expect, test } from 'vitest'
import { loadWebConfig } from './config'

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/taskwise'

describe('the web app settings', () => {
  test('development needs nothing but the database, and gets the documented defaults', () => {
    const config = loadWebConfig({ DATABASE_URL })
    expect(config).toMatchObject({
      nodeEnv: 'development',
      baseUrl: 'http://localhost:3000',
      secret: DEVELOPMENT_SECRET,
      jwtTtlSeconds: 7 * 24 * 60 * 60,
      apiUrl: 'http://127.0.0.1:4000',
      rateLimit: { max: 10, windowSeconds: 60 },
      lockout: { maxFailures: 10, windowSeconds: 900 },
      clientIp: { header: 'x-forwarded-for', trustedProxies: [] },
      passwordHasher: 'argon2id',
      passwordHashesAtOnce: 3,
      mail: {
        smtpUrl: null,
        from: 'Taskwise <no-reply@localhost>',
        outboxDir: path.join(defaultDataDir, 'outbox'),
      },
    })
  })

  test('the web server settings have production-safe defaults and a headers timeout within the request timeout', () => {
    expect(loadWebConfig({ DATABASE_URL }).server).toEqual({
      port: 3000,
      host: null,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 65_000,
      apiTimeoutMs: 30_000,
      shutdownGraceMs: 10_000,
    })
    const short = loadWebConfig({
      DATABASE_URL,
      WEB_PORT: '3456',
      WEB_HOST: '127.0.0.1',
      WEB_HEADERS_TIMEOUT_MS: '20000',
      WEB_REQUEST_TIMEOUT_MS: '5000',
    }).server
    expect(short).toMatchObject({ port: 3456, host: '127.0.0.1', headersTimeoutMs: 5_000 })
    expect(() => loadWebConfig({ DATABASE_URL, WEB_REQUEST_TIMEOUT_MS: '0' })).toThrow(
      /WEB_REQUEST_TIMEOUT_MS/,
    )
  })

  test('AUTH_PASSWORD_HASHER takes argon2id or scrypt only', () => {
    expect(loadWebConfig({ DATABASE_URL, AUTH_PASSWORD_HASHER: 'scrypt' }).passwordHasher).toBe(
      'scrypt',
    )
    expect(() => loadWebConfig({ DATABASE_URL, AUTH_PASSWORD_HASHER: 'md5' })).toThrow(
      /AUTH_PASSWORD_HASHER/,
    )
  })

  test('password hashes run one fewer at once than libuv has threads (UV_THREADPOOL_SIZE), at least one', () => {
    const atOnce = (size: string) =>
      loadWebConfig({ DATABASE_URL, UV_THREADPOOL_SIZE: size }).passwordHashesAtOnce
    expect(atOnce('8')).toBe(7)
    expect(atOnce('1')).toBe(1)
    expect(() => atOnce('0')).toThrow(/UV_THREADPOOL_SIZE/)
  })

  test('a missing DATABASE_URL names the setting and says how to get one', () => {
    expect(() => loadWebConfig({})).toThrow(/setting DATABASE_URL is required\.\nRun `npm start`/)
  })

  test('production refuses the development secret', () => {
    expect(() => loadWebConfig({ DATABASE_URL, NODE_ENV: 'production' })).toThrow(
      /BETTER_AUTH_SECRET/,
    )
  })

  test('production refuses a plain-http public URL, but accepts localhost', () => {
    const secret = 'x'.repeat(40)
    expect(() =>
      loadWebConfig({
        DATABASE_URL,
        NODE_ENV: 'production',
        BETTER_AUTH_SECRET: secret,
        BETTER_AUTH_URL: 'http://taskwise.example',
      }),
    ).toThrow(/BETTER_AUTH_URL must be an https/)
    expect(
      loadWebConfig({
        DATABASE_URL,
        NODE_ENV: 'production',
        BETTER_AUTH_SECRET: secret,
        MAIL_TRANSPORT: 'outbox',
      }).baseUrl,
    ).toBe('http://localhost:3000')
  })

  test('JWT_TTL takes s, m, h or d', () => {
    expect(loadWebConfig({ DATABASE_URL, JWT_TTL: '12h' }).jwtTtlSeconds).toBe(43_200)
    expect(() => loadWebConfig({ DATABASE_URL, JWT_TTL: '7 days' })).toThrow(
      /setting JWT_TTL is invalid/,
    )
  })

  test('rate limits can be raised but never turned off', () => {
    expect(loadWebConfig({ DATABASE_URL, AUTH_RATE_LIMIT_MAX: '5000' }).rateLimit.max).toBe(5000)
    expect(() => loadWebConfig({ DATABASE_URL, AUTH_RATE_LIMIT_MAX: '0' })).toThrow(
      /AUTH_RATE_LIMIT_MAX/,
    )
    expect(() => loadWebConfig({ DATABASE_URL, AUTH_LOCKOUT_MAX_FAILURES: '0' })).toThrow(
      /AUTH_LOCKOUT_MAX_FAILURES/,
    )
  })

  test('trusted proxies are a list of addresses or ranges', () => {
    expect(
      loadWebConfig({ DATABASE_URL, TRUSTED_PROXIES: '10.0.0.0/8, ::1' }).clientIp.trustedProxies,
    ).toEqual(['10.0.0.0/8', '::1'])
    expect(() => loadWebConfig({ DATABASE_URL, TRUSTED_PROXIES: 'proxy.local' })).toThrow(
      /TRUSTED_PROXIES/,
    )
  })
})

describe('the mail settings', () => {
  const production = { DATABASE_URL, NODE_ENV: 'production', BETTER_AUTH_SECRET: 'x'.repeat(40) }

  test('SMTP_URL sends mail over SMTP, in development and in production', () => {
    const smtpUrl = 'smtps://taskwise:secret@mail.example:465'
    expect(loadWebConfig({ DATABASE_URL, SMTP_URL: smtpUrl }).mail.smtpUrl).toBe(smtpUrl)
    expect(
      loadWebConfig({
        ...production,
        BETTER_AUTH_URL: 'https://taskwise.example',
        SMTP_URL: smtpUrl,
      }).mail.smtpUrl,
    ).toBe(smtpUrl)
  })

  test('SMTP_URL must be an smtp:// or smtps:// URL', () => {
    expect(() => loadWebConfig({ DATABASE_URL, SMTP_URL: 'https://mail.example' })).toThrow(
      /setting SMTP_URL is invalid: must be an smtp:\/\/ or smtps:\/\/ URL/,
    )
  })

  test('the outbox lives in the data folder unless MAIL_OUTBOX_DIR moves it', () => {
    expect(loadWebConfig({ DATABASE_URL, TASKWISE_DATA_DIR: '/srv/taskwise' }).mail.outboxDir).toBe(
      '/srv/taskwise/outbox',
    )
    expect(
      loadWebConfig({
        DATABASE_URL,
        TASKWISE_DATA_DIR: '/srv/taskwise',
        MAIL_OUTBOX_DIR: '/tmp/mail',
      }).mail.outboxDir,
    ).toBe('/tmp/mail')
  })

  test('MAIL_FROM takes an address, with or without a name, on one line', () => {
    expect(loadWebConfig({ DATABASE_URL, MAIL_FROM: 'no-reply@taskwise.example' }).mail.from).toBe(
      'no-reply@taskwise.example',
    )
    expect(
      loadWebConfig({ DATABASE_URL, MAIL_FROM: 'Taskwise <no-reply@taskwise.example>' }).mail.from,
    ).toBe('Taskwise <no-reply@taskwise.example>')
    expect(() => loadWebConfig({ DATABASE_URL, MAIL_FROM: 'Taskwise' })).toThrow(/MAIL_FROM/)
    expect(() =>
      loadWebConfig({ DATABASE_URL, MAIL_FROM: 'a@b.example\r\nBcc: c@d.example' }),
    ).toThrow(/MAIL_FROM/)
  })

  test('production without SMTP_URL refuses to start, saying why', () => {
    expect(() => loadWebConfig(production)).toThrow(
      /setting SMTP_URL is required in production: without it no password-reset/,
    )
  })

  test('the local outbox in production is an explicit choice, for a localhost address only', () => {
    expect(loadWebConfig({ ...production, MAIL_TRANSPORT: 'outbox' }).mail.smtpUrl).toBeNull()
    expect(() =>
      loadWebConfig({
        ...production,
        MAIL_TRANSPORT: 'outbox',
        BETTER_AUTH_URL: 'https://taskwise.example',
      }),
    ).toThrow(
      /MAIL_TRANSPORT=outbox is accepted in production only when BETTER_AUTH_URL is a localhost/,
    )
  })

  test('MAIL_TRANSPORT cannot contradict SMTP_URL', () => {
    expect(() => loadWebConfig({ DATABASE_URL, MAIL_TRANSPORT: 'smtp' })).toThrow(
      /SMTP_URL is required when MAIL_TRANSPORT is smtp/,
    )
    expect(() =>
      loadWebConfig({ DATABASE_URL, MAIL_TRANSPORT: 'outbox', SMTP_URL: 'smtp://127.0.0.1:25' }),
    ).toThrow(/contradict/)
  })
})
