/**
 * The pages' Content-Security-Policy (docs/decisions/0521-security-headers.md): scripts only with
 * this response's nonce (and what they load, 'strict-dynamic'), never inline without it; no
 * framing; nothing fetched from other origins. Styles may be inline: Radix positions its popovers
 * with style attributes and sonner injects its stylesheet, and a style cannot run code.
 */

/** The request header that carries the nonce to the page (the root layout reads it). */
export const NONCE_HEADER = 'x-nonce'

/** A fresh, unguessable nonce: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes))
}

export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  const directives = [
    "default-src 'self'",
    // React needs eval in development only, for its error overlays.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${options.dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ]
  return directives.join('; ')
}
