import { DEVELOPMENT_SECRET } from '@taskwise/contracts/config'
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
    })
  })

  test('AUTH_PASSWORD_HASHER takes argon2id or scrypt only', () => {
    expect(loadWebConfig({ DATABASE_URL, AUTH_PASSWORD_HASHER: 'scrypt' }).passwordHasher).toBe(
      'scrypt',
    )
    expect(() => loadWebConfig({ DATABASE_URL, AUTH_PASSWORD_HASHER: 'md5' })).toThrow(
      /AUTH_PASSWORD_HASHER/,
    )
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
      loadWebConfig({ DATABASE_URL, NODE_ENV: 'production', BETTER_AUTH_SECRET: secret }).baseUrl,
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
