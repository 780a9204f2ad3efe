import { JWT_COOKIE_NAME, SECURE_JWT_COOKIE_NAME } from '@taskwise/contracts/auth'

/**
 * The httpOnly cookie that carries the JWT to the api through the web origin. Under https it is
 * `__Secure-`-prefixed and Secure; always HttpOnly, SameSite=Lax, Path=/.
 */
export interface JwtCookie {
  name: string
  attributes: {
    httpOnly: true
    sameSite: 'lax'
    path: '/'
    secure: boolean
  }
}

export function jwtCookieFor(baseUrl: string): JwtCookie {
  const secure = baseUrl.startsWith('https://')
  return {
    name: secure ? SECURE_JWT_COOKIE_NAME : JWT_COOKIE_NAME,
    attributes: { httpOnly: true, sameSite: 'lax', path: '/', secure },
  }
}

/** The value of the cookie `name` in a list of Set-Cookie header values, if one sets it. */
export function cookieValueFromSetCookie(
  setCookies: readonly string[],
  name: string,
): string | undefined {
  for (const header of setCookies) {
    const [pair] = header.split(';')
    if (!pair) continue
    const separator = pair.indexOf('=')
    if (separator === -1) continue
    if (pair.slice(0, separator).trim() !== name) continue
    const value = pair.slice(separator + 1).trim()
    return value === '' ? undefined : decodeURIComponent(value)
  }
  return undefined
}

/** The value of cookie `name` in a request's Cookie header. */
export function cookieFromRequest(request: Request, name: string): string | undefined {
  const header = request.headers.get('cookie')
  if (!header) return undefined
  for (const part of header.split(';')) {
    const separator = part.indexOf('=')
    if (separator === -1) continue
    if (part.slice(0, separator).trim() === name) {
      const value = part.slice(separator + 1).trim()
      return value === '' ? undefined : decodeURIComponent(value)
    }
  }
  return undefined
}
