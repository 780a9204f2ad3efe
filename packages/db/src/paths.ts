import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root, where `.data/` (the embedded database) lives by default. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

export const defaultDataDir = path.join(repoRoot, '.data')

/** Where the web app writes mail when no SMTP server is set: beside the data (decision 0205). */
export function outboxDirIn(dataDir: string): string {
  return path.join(dataDir, 'outbox')
}
