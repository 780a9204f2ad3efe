import { bodiesFrom } from '@taskwise/api/src/testing/fuzz'
import { HOSTILE_STRINGS, text } from '@taskwise/api/src/testing/fuzz-hostile'
import { fromSchema, type JsonSchema } from '@taskwise/api/src/testing/fuzz-schema'
import { dottedPaths, parsedBody } from '@taskwise/api/src/testing/fuzz-answers'
import { forgotPasswordBodySchema } from '@taskwise/contracts/account'
import { loginBodySchema } from '@taskwise/contracts/auth-payloads'
import {
  changePasswordBodySchema,
  registerBodySchema,
  resetPasswordBodySchema,
} from '@taskwise/contracts/password-bodies'
import { problemSchema, type Problem } from '@taskwise/contracts/problem'
import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, expect, test } from 'vitest'
import { z } from 'zod'
import { signUp } from './account-testing'
import { BASE_URL, cookieHeaderFrom, createAuthHarness, RAISED_AUTH_LIMITS } from './test-harness'

/**
 * The auth contract routes take any body without a 5xx (issue 12; the api's fuzz is
 * apps/api/src/routes/fuzz.test.ts, whose hostile values this shares). Each route gets valid
 * bodies, the same with one hostile part, any JSON and no JSON, with odd content types,
 * credentials and client addresses. Every answer is below 500, every 4xx is problem+json, a 400
 * with `errors` names fields the request sent or the schema declares, and a refused request
 * changes no user, account or password. FUZZ_RUNS (default 150 per route) and FUZZ_SEED as in the
 * api's fuzz.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 150)
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED)

// Limits raised, never off (the limits have their own tests); the fuzz sends from many addresses.
const harness = await createAuthHarness({ ...RAISED_AUTH_LIMITS })
const person = await signUp(harness)
afterAll(async () => {
  await harness.close()
})

/** A password the policy accepts. */
const strongPassword = fc.nat().map((n) => `Tangerine-Kite-${n}-Zq!`)
const someEmail = fc.oneof(
  fc.constant(null).map(() => person.email),
  fc.emailAddress(),
  fc.nat().map((n) => `fuzz-${n}@example.com`),
)
/** Read when a request is made: a successful change of password changes it. */
const currentPassword = fc.constant(null).map(() => person.password)

interface Route {
  path: string
  schema: z.ZodType
  valid: fc.Arbitrary<unknown>
}

const routes: Route[] = [
  {
    path: '/api/auth/register',
    schema: registerBodySchema,
    valid: fc.record(
      {
        email: fc.nat().map((n) => `fuzz-new-${n}-${Date.now()}@example.com`),
        password: strongPassword,
        name: text({ maxLength: 100 }),
      },
      { requiredKeys: ['email', 'password'] },
    ),
  },
  {
    path: '/api/auth/login',
    schema: loginBodySchema,
    valid: fc.record({ email: someEmail, password: fc.oneof(currentPassword, strongPassword) }),
  },
  {
    path: '/api/auth/forgot-password',
    schema: forgotPasswordBodySchema,
    valid: fc.record({ email: someEmail }),
  },
  {
    path: '/api/auth/reset-password',
    schema: resetPasswordBodySchema,
    valid: fc.record({
      token: fc.stringMatching(/^[A-Za-z0-9_-]{1,200}$/),
      password: strongPassword,
    }),
  },
  {
    path: '/api/auth/change-password',
    schema: changePasswordBodySchema,
    valid: fc.record(
      {
        currentPassword: fc.oneof(currentPassword, strongPassword),
        newPassword: strongPassword,
        signOutOtherSessions: fc.boolean(),
      },
      { requiredKeys: ['currentPassword', 'newPassword'] },
    ),
  },
]

const jsonSchemaOf = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
const noRefs = (ref: string): JsonSchema => {
  throw new Error(`unexpected $ref ${ref}`)
}

type Credentials = 'bearer' | 'cookie' | 'cookie-cross-site' | 'bad-bearer' | 'none'

interface Sent {
  body: string
  contentType: string | undefined
  credentials: Credentials
  ip: string
  userAgent: string
}

const requests = (route: Route): fc.Arbitrary<Sent> =>
  fc.record({
    body: bodiesFrom(fc.oneof(route.valid, fromSchema(jsonSchemaOf(route.schema), noRefs))),
    contentType: fc.oneof(
      { weight: 8, arbitrary: fc.constant('application/json') },
      fc.constantFrom('application/json; charset=utf-16', 'text/plain', 'APPLICATION/JSON', ''),
      fc.constant(undefined),
    ),
    credentials: fc.constantFrom<Credentials>(
      'bearer',
      'cookie',
      'cookie-cross-site',
      'bad-bearer',
      'none',
    ),
    ip: fc.oneof(
      fc.ipV4(),
      fc.ipV6(),
      fc.constantFrom('unknown', '999.1.1.1', '::1, 10.0.0.1', 'x'.repeat(500)),
    ),
    userAgent: fc.oneof(
      fc.constant('Mozilla/5.0 Firefox/140.0'),
      fc.constantFrom(...HOSTILE_STRINGS),
    ),
  })

function headersFor(sent: Sent): Headers {
  const headers = new Headers()
  if (sent.contentType !== undefined) headers.set('content-type', sent.contentType)
  // Headers refuse what HTTP cannot carry; such a value never reaches a server.
  const userAgent = sent.userAgent.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?')
  headers.set('user-agent', userAgent)
  if (sent.credentials === 'bearer') headers.set('authorization', `Bearer ${person.token}`)
  if (sent.credentials === 'bad-bearer') headers.set('authorization', 'Bearer a.b.c')
  if (sent.credentials.startsWith('cookie')) {
    headers.set('cookie', person.browser.cookie)
    headers.set('origin', sent.credentials === 'cookie' ? BASE_URL : 'http://evil.test')
  }
  return headers
}

/** Every user, email and password hash, as one string: a refused request changes none. */
async function accountsDigest(): Promise<string> {
  const result = await harness.taskwise.db.execute<{ digest: string }>(
    sql`select count(*) || ':' || md5(string_agg(u.id || u.email || coalesce(a.password, ''), '|' order by u.id)) as digest
        from "user" u left join account a on a.user_id = u.id`,
  )
  return result.rows[0]?.digest ?? ''
}

/**
 * A 400 names what is wrong: `validation_failed`, `password_policy` and `invalid_password` list
 * `errors` whose `path` is a field the request sent, or one the schema declares (a missing
 * field), or `(body)` when the body as a whole is not an object; `malformed_json` has no field
 * to name; `reset_token_invalid` is about the `token` by its very code.
 */
function expectNamesTheField(problem: Problem, sent: Sent, route: Route) {
  const context = `${problem.code}: ${problem.detail} ${JSON.stringify(problem.errors)}`
  if (problem.code === 'malformed_json') {
    expect(parsedBody(sent.body), context).toBeUndefined()
    return
  }
  if (problem.code === 'reset_token_invalid') return
  expect(['validation_failed', 'password_policy', 'invalid_password'], context).toContain(
    problem.code,
  )
  expect(problem.errors?.length, context).toBeGreaterThan(0)
  const body = parsedBody(sent.body)?.value
  const sentPaths = new Set(dottedPaths(body))
  const declared = new Set(Object.keys(jsonSchemaOf(route.schema).properties ?? {}))
  for (const error of problem.errors ?? []) {
    expect(error.location).toBe('body')
    if (error.path === '(body)') {
      expect(typeof body !== 'object' || body === null || Array.isArray(body), context).toBe(true)
    } else {
      const named = sentPaths.has(error.path) || declared.has(error.path)
      expect(named, context).toBe(true)
    }
  }
}

test.for(routes.map((route) => [route.path, route] as const))(
  'POST %s: no answer is a 5xx, every 4xx is a problem naming the field, a refusal changes nothing',
  { timeout: Math.max(60_000, RUNS * 1_500) },
  async ([, route]) => {
    await fc.assert(
      fc.asyncProperty(requests(route), async (sent) => {
        const before = await accountsDigest()
        const response = await harness.request(route.path, {
          method: 'POST',
          headers: headersFor(sent),
          body: sent.body,
          ip: sent.ip,
        })
        const text = await response.text()
        expect(response.status, text.slice(0, 300)).toBeLessThan(500)
        if (response.ok && route.path === '/api/auth/change-password') {
          // The session was replaced: carry on with the new one.
          person.password = (JSON.parse(sent.body) as { newPassword: string }).newPassword
          person.token = (JSON.parse(text) as { token: string }).token
          person.browser.cookie = cookieHeaderFrom(response)
        }
        if (response.status < 400) return
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
        const problem = problemSchema.parse(JSON.parse(text))
        expect(problem.status).toBe(response.status)
        if (response.status === 400) expectNamesTheField(problem, sent, route)
        expect(await accountsDigest()).toBe(before)
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    )
  },
)
