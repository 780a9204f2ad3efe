import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/**
 * Finds a Chromium for the browser tests, or gets one the way this platform allows: Debian's
 * package when running as root with apt-get, else Playwright's own installer. Says what it does.
 * Returns the executable path, or undefined when Playwright's own browser is to be used.
 */
export function ensureChromium(
  configured: string | undefined,
  log: (line: string) => void,
): string | undefined {
  const candidates = [configured, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (candidate): candidate is string => Boolean(candidate),
  )
  const found = candidates.find((candidate) => existsSync(candidate))
  if (found) return found
  if (configured)
    throw new Error(`CHROMIUM_PATH is set to ${configured}, but there is no file there.`)

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    log(
      "taskwise: no Chromium found; installing Debian's chromium package (apt-get install -y chromium)…",
    )
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
    throw new Error('apt-get finished but /usr/bin/chromium is still missing.')
  }
  log(
    "taskwise: no Chromium found and not root; installing Playwright's Chromium (npx playwright install chromium)…",
  )
  execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' })
  return undefined
}
