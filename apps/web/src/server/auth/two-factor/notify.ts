import { type ActivityType } from '@taskwise/contracts/account'
import { describeDevice } from '../../account/devices'
import { sendInBackground } from '../../mail/mailer'
import { signInChanged, type SignInChange } from '../../mail/templates'
import { type TaskwiseAuth } from '../auth'
import { clientIpOf } from '../client-ip'

/**
 * A change to how a person signs in (two-factor on or off, a backup code used, a passkey added
 * or removed): recorded in their activity list, logged, and mailed to them.
 */
export async function notifySignInChange(
  taskwise: Pick<TaskwiseAuth, 'activity' | 'logger' | 'mailer' | 'config'>,
  request: Request,
  user: { id: string; email: string },
  type: ActivityType,
  mail: SignInChange,
  note?: string,
): Promise<void> {
  const context = {
    ip: clientIpOf(request),
    userAgent: request.headers.get('user-agent'),
  }
  await taskwise.activity.record(user.id, type, context)
  taskwise.logger.info(type.replaceAll('_', ' '), { event: `auth.${type}`, userId: user.id })
  sendInBackground(
    taskwise.mailer,
    {
      to: user.email,
      ...signInChanged(mail, {
        at: new Date(),
        ip: context.ip,
        device: describeDevice(context.userAgent),
        appUrl: taskwise.config.baseUrl,
        ...(note ? { note } : {}),
      }),
    },
    taskwise.logger,
  )
}
