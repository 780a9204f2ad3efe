import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import envPaths from 'env-paths'
import { z } from 'zod'

/**
 * Where `taskwise login` keeps the token: `credentials.json` in the user's config folder
 * (`$XDG_CONFIG_HOME/taskwise`, `~/Library/Preferences/taskwise`, `%APPDATA%\taskwise`), readable
 * by its owner only (0600, folder 0700). TASKWISE_CONFIG_DIR moves it (tests, several accounts).
 */

const credentialsSchema = z.object({
  url: z.string(),
  token: z.string(),
  expiresAt: z.string(),
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
})

export type Credentials = z.output<typeof credentialsSchema>

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.TASKWISE_CONFIG_DIR ?? envPaths('taskwise', { suffix: '' }).config
}

export function credentialsPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(configDir(env), 'credentials.json')
}

export async function readCredentials(env?: NodeJS.ProcessEnv): Promise<Credentials | null> {
  try {
    return credentialsSchema.parse(JSON.parse(await readFile(credentialsPath(env), 'utf8')))
  } catch {
    return null
  }
}

export async function saveCredentials(
  credentials: Credentials,
  env?: NodeJS.ProcessEnv,
): Promise<void> {
  const file = credentialsPath(env)
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
  await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 })
  await chmod(file, 0o600) // an existing file keeps its old mode on write
}

export async function forgetCredentials(env?: NodeJS.ProcessEnv): Promise<void> {
  await rm(credentialsPath(env), { force: true })
}
