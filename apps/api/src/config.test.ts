import { ConfigError } from '@taskwise/contracts/config'
import { describe, expect, test } from 'vitest'
import { loadConfig } from './config'

const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/taskwise' }

describe('loadConfig', () => {
  test('development needs only DATABASE_URL; everything else has a default', () => {
    expect(loadConfig(base)).toEqual({
      NODE_ENV: 'development',
      DATABASE_URL: base.DATABASE_URL,
      API_PORT: 4000,
      API_HOST: '127.0.0.1',
      AUTH_ISSUER: 'http://localhost:3000',
      AUTH_JWKS_URL: 'http://localhost:3000/api/auth/jwks',
      API_TRUSTED_ORIGINS: ['http://localhost:3000'],
      LOG_LEVEL: 'info',
      API_DB_POOL_MAX: 10,
      API_DB_CONNECTION_TIMEOUT_MS: 3_000,
      API_DB_STATEMENT_TIMEOUT_MS: 10_000,
      API_HEADERS_TIMEOUT_MS: 10_000,
      API_REQUEST_TIMEOUT_MS: 30_000,
      API_SESSION_CACHE_MS: 5_000,
      API_SHUTDOWN_GRACE_MS: 10_000,
      TRUSTED_PROXIES: [],
      API_RATE_LIMIT_MAX: 600,
      API_RATE_LIMIT_WINDOW_SECONDS: 60,
      API_MAX_TASKS_PER_USER: 10_000,
    })
  })

  test('trusted proxies are addresses or CIDR ranges, IPv4 or IPv6', () => {
    expect(
      loadConfig({ ...base, TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,::1,fd00::/64' })
        .TRUSTED_PROXIES,
    ).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/64'])
  })

  test('a headers timeout longer than the request timeout stops start-up and names it', () => {
    expect(() =>
      loadConfig({ ...base, API_HEADERS_TIMEOUT_MS: '5000', API_REQUEST_TIMEOUT_MS: '1000' }),
    ).toThrow(/API_HEADERS_TIMEOUT_MS.*must not be longer than API_REQUEST_TIMEOUT_MS/)
    expect(() => loadConfig({ ...base, API_REQUEST_TIMEOUT_MS: '50' })).toThrow(
      /API_REQUEST_TIMEOUT_MS/,
    )
  })

  test('the JWKS URL follows AUTH_ISSUER unless set, and a trailing slash is ignored', () => {
    expect(loadConfig({ ...base, AUTH_ISSUER: 'https://tasks.example.com/' })).toMatchObject({
      AUTH_ISSUER: 'https://tasks.example.com',
      AUTH_JWKS_URL: 'https://tasks.example.com/api/auth/jwks',
    })
    expect(
      loadConfig({ ...base, AUTH_JWKS_URL: 'http://web:3000/api/auth/jwks' }).AUTH_JWKS_URL,
    ).toBe('http://web:3000/api/auth/jwks')
  })

  test('extra trusted origins are added to the issuer origin', () => {
    expect(
      loadConfig({ ...base, API_TRUSTED_ORIGINS: 'https://a.example, https://b.example/path' })
        .API_TRUSTED_ORIGINS,
    ).toEqual(['http://localhost:3000', 'https://a.example', 'https://b.example'])
  })

  test('a missing DATABASE_URL names the setting', () => {
    expect(() => loadConfig({})).toThrow('Taskwise api: setting DATABASE_URL is required.')
  })

  test.each([
    ['DATABASE_URL', 'mysql://x'],
    ['API_PORT', '70000'],
    ['AUTH_ISSUER', 'ftp://example.com'],
    ['LOG_LEVEL', 'loud'],
    ['API_TRUSTED_ORIGINS', 'not an origin'],
    ['API_SESSION_CACHE_MS', '-1'],
    ['TRUSTED_PROXIES', 'proxy.example.com'],
    ['TRUSTED_PROXIES', '10.0.0.0/33'],
    ['API_RATE_LIMIT_MAX', '0'],
    ['API_MAX_TASKS_PER_USER', 'many'],
    ['REDIS_URL', 'http://127.0.0.1:6379'],
  ])('a bad %s stops start-up and names it', (name, value) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(
      new RegExp(`setting ${name} is invalid`),
    )
  })
})
