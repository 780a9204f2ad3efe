import { type ActivityContext, type ActivityLog } from '../account/activity-log'
import { type SignInThrottle } from './sign-in-throttle'

/**
 * What a right password ends with once the session exists: the account's counted attempts
 * forgiven (0203) and the sign-in recorded in its activity, in one round trip
 * (docs/decisions/0320-sign-in-around-the-hash.md). Should that statement fail, each is done on
 * its own terms, as before: a throttle that cannot be reset fails the sign-in, a lost activity row
 * is only logged.
 */
export async function forgiveAndRecordSignIn(
  { throttle, activity }: { throttle: SignInThrottle; activity: ActivityLog },
  throttleKey: string,
  userId: string,
  context: ActivityContext,
): Promise<void> {
  try {
    await activity.recordWith(throttle.resetStatement(throttleKey), userId, 'sign_in', context)
  } catch {
    await throttle.reset(throttleKey)
    await activity.record(userId, 'sign_in', context)
  }
}
