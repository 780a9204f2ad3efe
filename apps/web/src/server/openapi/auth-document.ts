import {
  acceptedResponseSchema,
  activityListSchema,
  changeEmailBodySchema,
  changePasswordBodySchema,
  confirmEmailBodySchema,
  confirmEmailResponseSchema,
  forgotPasswordBodySchema,
  linkTokenSchema,
  reauthenticateBodySchema,
  resetPasswordBodySchema,
  sessionListSchema,
} from '@taskwise/contracts/account'
import { JWT_COOKIE_NAME, SECURE_JWT_COOKIE_NAME } from '@taskwise/contracts/auth'
import {
  authTokenResponseSchema,
  authUserSchema,
  emailSchema,
  loginBodySchema,
  loginPasswordSchema,
  meResponseSchema,
  registerBodySchema,
} from '@taskwise/contracts/auth-payloads'
import { healthResponseSchema, readyResponseSchema } from '@taskwise/contracts/health'
import {
  passkeyItemSchema,
  passkeyListSchema,
  passkeyRegistrationOptionsSchema,
  passkeyRenameBodySchema,
} from '@taskwise/contracts/passkeys'
import { passwordSchema } from '@taskwise/contracts/password'
import {
  backupCodesResponseSchema,
  loginResponseSchema,
  twoFactorChallengeSchema,
  twoFactorConfirmBodySchema,
  twoFactorDisableBodySchema,
  twoFactorEnrolmentSchema,
  twoFactorLoginBodySchema,
  twoFactorStatusSchema,
} from '@taskwise/contracts/two-factor'
import { PROBLEM_CONTENT_TYPE, problemSchema } from '@taskwise/contracts/problem'
import { z } from 'zod'
import { SESSION_COOKIE_NAMES } from '../../lib/session-cookie'
import { authOperations, type AuthOperation } from './auth-operations'
import { healthOperations } from './health-operations'

/**
 * The OpenAPI 3.1 document of the web app's auth contract, served at GET /api/auth/openapi.json:
 * the component schemas are generated from the zod schemas in packages/contracts (the ones the
 * routes validate with), the operations from ./auth-operations.ts. Better Auth's own routes
 * (/api/auth/sign-in/email, …) are not part of the contract and are not in it.
 */

export const AUTH_OPENAPI_PATH = '/api/auth/openapi.json'

type Json = Record<string, unknown>

const SCHEMA_REF = '#/components/schemas/'

/** Request bodies and the fields they share, as a client may send them. */
const inputSchemas = {
  RegisterBody: registerBodySchema,
  LoginBody: loginBodySchema,
  ForgotPasswordBody: forgotPasswordBodySchema,
  ResetPasswordBody: resetPasswordBodySchema,
  ChangePasswordBody: changePasswordBodySchema,
  ChangeEmailBody: changeEmailBodySchema,
  ConfirmEmailBody: confirmEmailBodySchema,
  ReauthenticateBody: reauthenticateBodySchema,
  Email: emailSchema,
  NewPassword: passwordSchema,
  Password: loginPasswordSchema,
  LinkToken: linkTokenSchema,
  TwoFactorLoginBody: twoFactorLoginBodySchema,
  TwoFactorConfirmBody: twoFactorConfirmBodySchema,
  TwoFactorDisableBody: twoFactorDisableBodySchema,
  PasskeyRenameBody: passkeyRenameBodySchema,
}

/** What the schemas cannot say in JSON Schema (refinements), said in words. */
const descriptions: Record<string, string> = {
  Email: 'An email address; trimmed and lower-cased, at most 254 characters',
  NewPassword:
    'A new password: 8–128 characters with an uppercase and a lowercase letter, a digit and a special character, and not a common password. A 400 `password_policy` lists every unmet rule.',
  Password: 'The current password: 1–128 characters (only its length is checked)',
  LinkToken: 'The token of a mailed link',
  TwoFactorLoginBody:
    'Exactly one of `code` (6 digits from the authenticator app) and `backupCode`; `trustDevice` skips this step on this browser for 30 days',
}

/** Answers, as the routes write them. */
const outputSchemas = {
  AuthUser: authUserSchema,
  AuthTokenResponse: authTokenResponseSchema,
  MeResponse: meResponseSchema,
  ConfirmEmailResponse: confirmEmailResponseSchema,
  Accepted: acceptedResponseSchema,
  SessionList: sessionListSchema,
  ActivityList: activityListSchema,
  LoginResponse: loginResponseSchema,
  TwoFactorChallenge: twoFactorChallengeSchema,
  TwoFactorEnrolment: twoFactorEnrolmentSchema,
  BackupCodesResponse: backupCodesResponseSchema,
  TwoFactorStatus: twoFactorStatusSchema,
  PasskeyItem: passkeyItemSchema,
  PasskeyList: passkeyListSchema,
  PasskeyRegistrationOptions: passkeyRegistrationOptionsSchema,
  Problem: problemSchema,
  Health: healthResponseSchema,
  Ready: readyResponseSchema,
}

function componentSchemas(schemas: Record<string, z.ZodType>, io: 'input' | 'output'): Json {
  const registry = z.registry<{ id: string }>()
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id })
  const { schemas: generated } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    // Refinements (the password rules, the length in code points) are described, not encoded.
    unrepresentable: 'any',
    uri: (id) => `${SCHEMA_REF}${id}`,
  })
  // Each comes out as a document of its own; in `components` it is a plain schema.
  return Object.fromEntries(
    Object.entries(generated).map(([id, { $schema: _schema, $id: _id, ...schema }]) => [
      id,
      descriptions[id] ? { description: descriptions[id], ...schema } : schema,
    ]),
  )
}

const problemContent = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `${SCHEMA_REF}Problem` } } }

const retryAfter = {
  description: 'Seconds to wait before trying again',
  required: true,
  schema: { type: 'string', pattern: '^[0-9]+$' },
}

const wwwAuthenticate = {
  description: '`Bearer`, or `Bearer error="invalid_token"` when a token was sent',
  required: true,
  schema: { type: 'string', pattern: '^Bearer' },
}

const setCookie = (description: string) => ({
  description,
  required: false,
  schema: { type: 'string' },
})

function problemResponse(operation: AuthOperation, status: number, description: string): Json {
  const headers: Json = {}
  if (status === 401 && operation.signedIn) headers['WWW-Authenticate'] = wwwAuthenticate
  if (status === 429 || status === 503) headers['Retry-After'] = retryAfter
  return {
    description,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    content: problemContent,
  }
}

function successResponse({ success }: AuthOperation): Json {
  return {
    description: success.description,
    ...(success.cookies
      ? { headers: { 'Set-Cookie': setCookie(`The auth cookies, ${success.cookies}`) } }
      : {}),
    ...(success.schema
      ? { content: { 'application/json': { schema: { $ref: `${SCHEMA_REF}${success.schema}` } } } }
      : {}),
  }
}

function operationObject(operation: AuthOperation): Json {
  const responses: Json = { [operation.success.status]: successResponse(operation) }
  for (const [status, description] of Object.entries(operation.problems)) {
    responses[status] = problemResponse(operation, Number(status), description)
  }
  const parameters = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    description:
      operation.pathParameter ??
      'The id of one of your sessions, from GET /api/auth/sessions (404 for any other)',
    schema: { type: 'string' },
  }))
  return {
    summary: operation.summary,
    tags: ['auth'],
    ...(operation.signedIn
      ? { security: [{ bearer: [] }, { session: [] }, { jwtCookie: [] }] }
      : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: `${SCHEMA_REF}${operation.body}` } } },
          },
        }
      : {}),
    responses,
  }
}

const documentOperation: AuthOperation = {
  method: 'get',
  path: AUTH_OPENAPI_PATH,
  summary: 'This document',
  signedIn: false,
  success: { status: 200, description: 'This OpenAPI 3.1 document', schema: 'OpenApiDocument' },
  problems: {},
}

const databaseUnavailable =
  'The database cannot be reached, or no connection freed up in time (with Retry-After)'

export function authOpenApiDocument(): Json {
  const paths: Record<string, Json> = {}
  // Every auth route needs the database: when it cannot be reached, or no pooled connection
  // frees up in time, the answer is a 503 (server/http/route-handler.ts).
  const withDatabase = authOperations.map((operation) => ({
    ...operation,
    problems: { ...operation.problems, 503: databaseUnavailable },
  }))
  for (const operation of [...withDatabase, ...healthOperations, documentOperation]) {
    paths[operation.path] = {
      ...paths[operation.path],
      [operation.method]: operationObject(operation),
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Taskwise auth',
      version: '1.0.0',
      description:
        'The auth contract of the Taskwise web app: sign-up, sign-in, sign-out, the current user, and the account routes. JSON bodies only (415 else); errors are RFC 9457 problem details (`application/problem+json`). The tasks are served by the api, documented at its `/openapi.json`.',
    },
    tags: [{ name: 'auth' }],
    paths,
    components: {
      schemas: {
        ...componentSchemas(inputSchemas, 'input'),
        ...componentSchemas(outputSchemas, 'output'),
        OpenApiDocument: {
          type: 'object',
          properties: { openapi: { const: '3.1.0' } },
          required: ['openapi', 'info', 'paths'],
        },
      },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE_NAMES[0],
          description: `Better Auth's session cookie (\`${SESSION_COOKIE_NAMES[1]}\` under https). A cookie-carrying change must come with a same-origin Origin header (else 403).`,
        },
        jwtCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: JWT_COOKIE_NAME,
          description: `The httpOnly JWT cookie (\`${SECURE_JWT_COOKIE_NAME}\` under https)`,
        },
      },
    },
  }
}

let written: string | undefined

/** GET /api/auth/openapi.json: the same for every caller, built once. */
export function authOpenApiResponse(): Response {
  written ??= JSON.stringify(authOpenApiDocument())
  return new Response(written, {
    headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' },
  })
}
