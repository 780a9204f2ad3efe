/**
 * Headers every response of the web app carries, whatever answers it: Next, the forwarded task
 * routes or the web server's own problem answers (docs/decisions/0501-security-headers.md). The
 * pages' Content-Security-Policy needs a fresh nonce per request and is set by src/proxy.ts.
 */
export function securityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy':
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    // Only under https: a browser ignores it over http, and localhost must stay reachable over http.
    ...(options.https
      ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains' }
      : {}),
  }
}
