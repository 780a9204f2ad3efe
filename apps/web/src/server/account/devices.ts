import Bowser from 'bowser'

/** A person-readable name for the device behind a User-Agent: "Chrome on Linux", "Safari on iOS". */
export function describeDevice(userAgent: string | null | undefined): string {
  if (!userAgent) return 'Unknown device'
  const parsed = Bowser.parse(userAgent)
  const browser = parsed.browser.name
  const os = parsed.os.name
  if (browser && os) return `${browser} on ${os}`
  if (browser) return browser
  if (os) return os
  // A program (the CLI, curl, a script): its product token, cut short.
  const product = /^[A-Za-z][\w./-]{0,40}/.exec(userAgent)?.[0]
  return product ?? 'Unknown device'
}
