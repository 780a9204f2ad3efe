import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { repoRoot } from '@taskwise/db/paths'
import { API_PORT, WEB_PORT } from '@taskwise/scripts/lib/test-ports'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { Secret, TOTP } from 'otpauth'
import { registerUser } from '../fixtures/users'

// The `taskwise` command, spawned as a person or a script would, against the running stack: the
// web origin and the api directly.

const WEB = `http://localhost:${WEB_PORT}`
const API = `http://127.0.0.1:${API_PORT}`
const BIN = path.join(repoRoot, 'packages/cli/bin/taskwise.mjs')

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function taskwise(configDir: string, args: string[], input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TASKWISE_URL: WEB,
      TASKWISE_CONFIG_DIR: configDir,
    }
    delete env.FORCE_COLOR // Playwright's; the command's output is read as plain text
    const child = spawn(process.execPath, [BIN, ...args], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(input)
  })
}

let configDir: string

test.beforeEach(() => {
  configDir = mkdtempSync(path.join(tmpdir(), 'taskwise-cli-'))
})

test.afterEach(() => {
  rmSync(configDir, { recursive: true, force: true })
})

test('login keeps the token private and never prints the password; whoami and logout work', async ({
  request,
}) => {
  const user = await registerUser(request, 'cli')
  const login = await taskwise(configDir, ['login', '--email', user.email], `${user.password}\n`)
  expect(login.stderr).toBe('')
  expect(login.code).toBe(0)
  expect(login.stdout).toContain(`Signed in as ${user.email}`)
  expect(login.stdout + login.stderr).not.toContain(user.password)
  const credentials = path.join(configDir, 'credentials.json')
  expect(statSync(credentials).mode & 0o777).toBe(0o600)

  const whoami = await taskwise(configDir, ['whoami', '--json'])
  expect(JSON.parse(whoami.stdout)).toMatchObject({ user: { id: user.id, email: user.email } })

  expect((await taskwise(configDir, ['logout'])).stdout).toContain('Signed out.')
  const after = await taskwise(configDir, ['ls'])
  expect(after.code).toBe(3)
  expect(after.stderr).toContain('taskwise login')
})

test('a wrong password is one clear line and exit 3', async ({ request }) => {
  const user = await registerUser(request, 'cli')
  const run = await taskwise(configDir, ['login', '--email', user.email], 'Not-the-password-1!\n')
  expect(run.code).toBe(3)
  expect(run.stderr.trim()).toBe('taskwise: The email address or the password is not correct.')
})

/** Turns on two-factor sign-in through the web app's routes; the key and the backup codes. */
async function enableTwoFactor(request: APIRequestContext, password: string) {
  const headers = { origin: WEB }
  const started = await request.post(`${WEB}/api/auth/two-factor/enable`, {
    headers,
    data: { password },
  })
  expect(started.status()).toBe(200)
  const { secret } = (await started.json()) as { secret: string }
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 })
  const confirmed = await request.post(`${WEB}/api/auth/two-factor/confirm`, {
    headers,
    data: { code: totp.generate() },
  })
  expect(confirmed.status()).toBe(200)
  const { backupCodes } = (await confirmed.json()) as { backupCodes: string[] }
  return { totp, backupCodes }
}

test('with two-factor sign-in on, login asks for a code or a backup code after the password', async ({
  request,
}) => {
  const user = await registerUser(request, 'cli')
  const { totp, backupCodes } = await enableTwoFactor(request, user.password)

  // The password alone is not enough: no code given, nothing stored.
  const noCode = await taskwise(
    configDir,
    ['login', '--email', user.email],
    `${user.password}
`,
  )
  expect(noCode.code).toBe(2)
  expect(noCode.stderr.trim()).toBe('taskwise: No code given.')
  expect((await taskwise(configDir, ['whoami'])).code).toBe(3)

  const wrong = await taskwise(
    configDir,
    ['login', '--email', user.email],
    `${user.password}
000000
`,
  )
  expect(wrong.code).toBe(3)
  expect(wrong.stderr.trim()).toBe('taskwise: The code is not correct, or it was used already.')

  // The next step's code: the confirmation used this step's, and a code works once.
  const code = totp.generate({ timestamp: Date.now() + 30_000 })
  const signedIn = await taskwise(
    configDir,
    ['login', '--email', user.email],
    `${user.password}
${code}
`,
  )
  expect(signedIn.stderr).toBe('')
  expect(signedIn.code).toBe(0)
  expect(signedIn.stdout).toContain(`Signed in as ${user.email}`)
  const whoami = await taskwise(configDir, ['whoami', '--json'])
  expect(JSON.parse(whoami.stdout)).toMatchObject({ user: { id: user.id } })

  const replayed = await taskwise(
    configDir,
    ['login', '--email', user.email],
    `${user.password}
${code}
`,
  )
  expect(replayed.code).toBe(3)

  const backup = await taskwise(
    configDir,
    ['login', '--email', user.email],
    `${user.password}
${backupCodes[0]}
`,
  )
  expect(backup.code).toBe(0)
  expect(backup.stdout).toContain(`Signed in as ${user.email}`)
})

test('add, list, search, complete, edit and delete, through the web origin and the api directly', async ({
  request,
}) => {
  const user = await registerUser(request, 'cli')
  await taskwise(configDir, ['login', '--email', user.email], `${user.password}\n`)

  const added = await taskwise(configDir, [
    '--json',
    'add',
    'Buy',
    'oat',
    'milk',
    '--due',
    '2030-01-31',
    '--priority',
    'high',
    '--category',
    'errands',
    '--desc',
    'the barista kind',
  ])
  expect(added.code).toBe(0)
  const task = JSON.parse(added.stdout) as { id: string; title: string }
  expect(task).toMatchObject({
    title: 'Buy oat milk',
    dueDate: '2030-01-31',
    priority: 'high',
    category: 'errands',
    description: 'the barista kind',
    completed: false,
  })
  await taskwise(configDir, ['add', 'Call the plumber'])

  const table = await taskwise(configDir, ['ls', '--search', 'milk'])
  expect(table.stdout).toContain(task.id.slice(0, 8))
  expect(table.stdout).toContain('Buy oat milk')
  expect(table.stdout).not.toContain('plumber')

  // The api directly, with the same token.
  const direct = await taskwise(configDir, ['--api', API, '--json', 'ls', '--all'])
  expect(direct.code).toBe(0)
  expect((JSON.parse(direct.stdout) as { items: unknown[] }).items).toHaveLength(2)

  const done = await taskwise(configDir, ['--api', API, 'done', task.id.slice(0, 8)])
  expect(done.stdout).toContain('[x] Buy oat milk')
  const pending = await taskwise(configDir, ['--json', 'ls', '--status', 'pending'])
  expect(
    (JSON.parse(pending.stdout) as { items: Array<{ title: string }> }).items.map((t) => t.title),
  ).toEqual(['Call the plumber'])
  expect((await taskwise(configDir, ['undo', task.id])).stdout).toContain('[ ] Buy oat milk')

  const edited = await taskwise(configDir, [
    '--json',
    'edit',
    task.id,
    '--title',
    'Buy milk',
    '--no-due',
  ])
  expect(JSON.parse(edited.stdout)).toMatchObject({ title: 'Buy milk', dueDate: null })

  expect((await taskwise(configDir, ['rm', task.id])).stdout).toContain('Deleted')
  const gone = await taskwise(configDir, ['done', task.id])
  expect(gone.code).toBe(4)
})

test('refusals are one line with an exit code scripts can branch on', async ({ request }) => {
  const user = await registerUser(request, 'cli')
  await taskwise(configDir, ['login', '--email', user.email], `${user.password}\n`)

  const invalid = await taskwise(configDir, ['add', 'x'.repeat(201)])
  expect(invalid.code).toBe(2)
  expect(invalid.stderr).toMatch(/^taskwise: title: .*200/)

  const usage = await taskwise(configDir, ['add', 'Tea', '--priority', 'urgent'])
  expect(usage.code).toBe(2)

  const unreachable = await taskwise(configDir, ['--api', 'http://127.0.0.1:9', 'ls'])
  expect(unreachable.code).toBe(5)
  expect(unreachable.stderr).toContain('Cannot reach Taskwise')

  // The session ended elsewhere (signed out on the server): "sign in again", exit 3.
  const stored = JSON.parse(readFileSync(path.join(configDir, 'credentials.json'), 'utf8')) as {
    token: string
  }
  const ended = await request.post(`${WEB}/api/auth/logout`, {
    headers: { authorization: `Bearer ${stored.token}` },
  })
  expect(ended.status()).toBe(204)
  // The api notices within its session cache's lifetime (5 s).
  let expired: Run = { code: null, stdout: '', stderr: '' }
  await expect
    .poll(async () => (expired = await taskwise(configDir, ['ls'])).code, { timeout: 10_000 })
    .toBe(3)
  expect(expired.stderr.trim()).toBe(
    'taskwise: Your sign-in has expired or was ended. Sign in again: taskwise login',
  )
  writeFileSync(path.join(configDir, 'credentials.json'), 'not json')
  expect((await taskwise(configDir, ['ls'])).code).toBe(3)
})
