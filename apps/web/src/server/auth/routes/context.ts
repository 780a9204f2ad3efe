import { type ActivityContext } from '../../account/activity-log'
import { type TaskwiseAuth } from '../auth'
import { type CallerCheck } from '../caller'
import { clientIpOf } from '../client-ip'
import { type NativeGateway } from '../native'
import { type TwoFactorStore } from '../two-factor/store'

/** What every contract route is built from. */
export interface RouteContext {
  taskwise: TaskwiseAuth
  native: NativeGateway
  callers: CallerCheck
  twoFactor: TwoFactorStore
}

export type RouteHandler = (request: Request) => Promise<Response>

/** The client address and User-Agent of a request, as the activity list records them. */
export function activityContextOf(request: Request): ActivityContext {
  return {
    ip: clientIpOf(request),
    userAgent: request.headers.get('user-agent'),
  }
}

/** Set-Cookie values that delete every auth cookie not already deleted in `headers`. */
export async function clearAuthCookies(taskwise: TaskwiseAuth, headers: Headers): Promise<Headers> {
  const context = await taskwise.auth.$context
  const already = new Set(headers.getSetCookie().map((cookie) => cookie.split('=')[0]?.trim()))
  const cookies = [
    { name: taskwise.jwtCookie.name, secure: taskwise.jwtCookie.attributes.secure },
    ...[
      context.authCookies.sessionToken,
      context.authCookies.sessionData,
      context.authCookies.dontRememberToken,
    ].map((cookie) => ({ name: cookie.name, secure: cookie.attributes.secure === true })),
  ]
  for (const cookie of cookies) {
    if (already.has(cookie.name)) continue
    headers.append(
      'set-cookie',
      `${cookie.name}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax${cookie.secure ? '; Secure' : ''}`,
    )
  }
  return headers
}
