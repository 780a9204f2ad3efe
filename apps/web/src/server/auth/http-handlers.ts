import { type TaskwiseAuth } from './auth'
import { createCallerCheck } from './caller'
import { createNativeGateway } from './native'
import { deleteAccount, listActivity } from './routes/account'
import { type RouteContext } from './routes/context'
import { changeEmail, confirmEmail } from './routes/email'
import { health, ready } from './routes/health'
import { changePassword, forgotPassword, resetPassword } from './routes/password'
import { logout, me } from './routes/session'
import { listSessions, revokeOtherSessions, revokeSession } from './routes/sessions'
import { login, register } from './routes/sign-in'
import { loginTwoFactor } from './routes/second-factor'
import {
  listPasskeys,
  passkeyRegisterOptions,
  removePasskey,
  renamePasskey,
} from './routes/passkeys'
import {
  confirmTwoFactor,
  disableTwoFactor,
  enableTwoFactor,
  regenerateBackupCodes,
  twoFactorStatus,
} from './routes/two-factor'
import { createTwoFactorStore } from './two-factor/store'

/**
 * The HTTP face of authentication: the contract routes (one module each under ./routes, each
 * validating with the shared schemas and answering problem+json), and Better Auth's own routes
 * behind the gateway that keeps the ones Taskwise's rules do not cover out of reach.
 */
export function createAuthHttp(taskwise: TaskwiseAuth) {
  const native = createNativeGateway(taskwise)
  const context: RouteContext = {
    taskwise,
    native,
    callers: createCallerCheck(taskwise),
    twoFactor: createTwoFactorStore(taskwise),
  }
  return {
    /** Better Auth's own routes, as reachable from outside. */
    handleExternal: native.handleExternal,
    register: register(context),
    login: login(context),
    logout: logout(context),
    me: me(context),
    forgotPassword: forgotPassword(context),
    resetPassword: resetPassword(context),
    changePassword: changePassword(context),
    changeEmail: changeEmail(context),
    confirmEmail: confirmEmail(context),
    listSessions: listSessions(context),
    revokeSession: revokeSession(context),
    revokeOtherSessions: revokeOtherSessions(context),
    listActivity: listActivity(context),
    deleteAccount: deleteAccount(context),
    health: health(),
    ready: ready(context),
    loginTwoFactor: loginTwoFactor(context),
    twoFactorStatus: twoFactorStatus(context),
    enableTwoFactor: enableTwoFactor(context),
    confirmTwoFactor: confirmTwoFactor(context),
    disableTwoFactor: disableTwoFactor(context),
    regenerateBackupCodes: regenerateBackupCodes(context),
    listPasskeys: listPasskeys(context),
    passkeyRegisterOptions: passkeyRegisterOptions(context),
    renamePasskey: renamePasskey(context),
    removePasskey: removePasskey(context),
  }
}

export type AuthHttp = ReturnType<typeof createAuthHttp>
