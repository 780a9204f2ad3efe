/**
 * What the authentication authority (apps/web) and the verification layer (apps/api) agree on
 * about tokens. Both import these names; neither spells them out on its own.
 */

/** The `aud` claim of every Taskwise JWT. */
export const JWT_AUDIENCE = 'taskwise-api'

/** The signing algorithm; the API accepts no other. */
export const JWT_ALGORITHM = 'EdDSA'

/** The httpOnly cookie that carries the JWT to the API through the web origin. */
export const JWT_COOKIE_NAME = 'taskwise.jwt'

/** Under https the cookie carries the `__Secure-` prefix (and the Secure flag). */
export const SECURE_JWT_COOKIE_NAME = `__Secure-${JWT_COOKIE_NAME}`

/** The API's clock tolerance for `exp`, `nbf` and `iat`, in seconds (design.md: at most 60). */
export const JWT_CLOCK_TOLERANCE_SECONDS = 60

/** The claims Taskwise puts in a JWT: small on purpose. */
export interface TaskwiseJwtClaims {
  sub: string
  email: string
  sid: string
  iss: string
  aud: string
  iat: number
  exp: number
}
