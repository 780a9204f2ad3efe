import { createInterface } from 'node:readline/promises'
import password from '@inquirer/password'
import { createAuthClient } from '@taskwise/api-client/auth'
import {
  forgetCredentials,
  readCredentials,
  saveCredentials,
  type Credentials,
} from './credentials'
import { CliError, EXIT, SIGN_IN_AGAIN } from './errors'
import { settle, USER_AGENT } from './http'

/**
 * Signing in and out: the web app's auth contract (`/api/auth/login`, `/logout`, `/me`), through
 * the client generated from its OpenAPI document.
 */

const authClient = (url: string, token?: string) =>
  createAuthClient({ baseUrl: url, userAgent: USER_AGENT, ...(token ? { token } : {}) })

/**
 * Piped input is read through one reader for the whole run: a reader buffers ahead, so a second
 * reader would miss the lines after the first (`printf '%s\n%s\n' "$PW" "$CODE" | taskwise login`).
 */
let piped: { lines: ReturnType<typeof createInterface>; next: AsyncIterator<string> } | undefined

async function readLine(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    if (!piped) {
      const lines = createInterface({ input: process.stdin, terminal: false })
      piped = { lines, next: lines[Symbol.asyncIterator]() }
    }
    const line = await piped.next.next()
    return typeof line.value === 'string' ? line.value : ''
  }
  const lines = createInterface({ input: process.stdin, output: process.stderr, terminal: false })
  try {
    process.stderr.write(prompt)
    const line = await lines[Symbol.asyncIterator]().next()
    return typeof line.value === 'string' ? line.value : ''
  } finally {
    lines.close()
  }
}

/**
 * The password: asked for on a terminal without echoing a character; read from the first line of
 * standard input when it is not a terminal (`printf '%s\n' "$PW" | taskwise login --email …`).
 */
async function askPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    return password({ message: 'Password', mask: false }, { output: process.stderr })
  }
  return readLine('')
}

export async function login(url: string, email: string | undefined): Promise<Credentials> {
  try {
    return await signIn(url, email)
  } finally {
    piped?.lines.close()
  }
}

async function signIn(url: string, email: string | undefined): Promise<Credentials> {
  const address = email ?? (await readLine('Email: ')).trim()
  if (!address) throw new CliError('Give an email address (--email or at the prompt).', EXIT.usage)
  const secret = await askPassword()
  if (!secret) throw new CliError('No password given.', EXIT.usage)
  let answer
  let pending = ''
  try {
    answer = await settle(url, async () => {
      const result = await authClient(url).POST('/api/auth/login', {
        body: { email: address, password: secret },
      })
      pending = cookiesOf(result.response)
      return result
    })
  } catch (error) {
    if (error instanceof CliError && error.status === 401) {
      throw new CliError('The email address or the password is not correct.', EXIT.signIn)
    }
    if (error instanceof CliError && error.status === 404) {
      throw new CliError(
        `${url} has no sign-in: sign in against the Taskwise web app's address (--api or TASKWISE_URL).`,
        EXIT.usage,
      )
    }
    throw error
  }
  const { user, token, expiresAt } =
    'twoFactorRequired' in answer ? await secondFactor(url, pending) : answer
  const credentials = {
    url,
    token,
    expiresAt,
    user: { id: user.id, email: user.email, name: user.name },
  }
  await saveCredentials(credentials)
  return credentials
}

/** The name=value pairs a response sets (the pending sign-in's cookie, after a right password). */
function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .filter((pair) => !pair.endsWith('='))
    .join('; ')
}

/**
 * The second step of an account with two-factor sign-in on: a code from the authenticator app
 * (six digits) or a backup code, sent with the pending sign-in's cookie, as a browser would.
 */
async function secondFactor(url: string, pending: string) {
  const typed = (await readLine('Code from your authenticator app, or a backup code: ')).trim()
  if (!typed) throw new CliError('No code given.', EXIT.usage)
  const body = /^\d{6}$/.test(typed.replace(/\s+/g, '')) ? { code: typed } : { backupCode: typed }
  try {
    return await settle(url, () =>
      authClient(url).POST('/api/auth/login/two-factor', {
        body,
        headers: { cookie: pending, origin: new URL(url).origin },
      }),
    )
  } catch (error) {
    if (error instanceof CliError && (error.status === 400 || error.status === 401)) {
      throw new CliError('The code is not correct, or it was used already.', EXIT.signIn)
    }
    throw error
  }
}

/** The stored sign-in, or exit 3 with "sign in again" when there is none or it has expired. */
export async function signedIn(): Promise<Credentials> {
  const credentials = await readCredentials()
  if (!credentials) throw new CliError('Not signed in. Sign in first: taskwise login', EXIT.signIn)
  if (Date.parse(credentials.expiresAt) <= Date.now())
    throw new CliError(SIGN_IN_AGAIN, EXIT.signIn)
  return credentials
}

export async function whoami(url: string, token: string) {
  return (await settle(url, () => authClient(url, token).GET('/api/auth/me'))).user
}

/** Ends the session at the server (best effort: a dead session is already ended) and forgets it. */
export async function logout(): Promise<boolean> {
  const credentials = await readCredentials()
  if (!credentials) return false
  try {
    await settle(credentials.url, () =>
      authClient(credentials.url, credentials.token).POST('/api/auth/logout'),
    )
  } catch (error) {
    // Already ended there: forget it here too. Anything else: keep it, so a retry can end it.
    if (!(error instanceof CliError) || error.exitCode !== EXIT.signIn) throw error
  }
  await forgetCredentials()
  return true
}
