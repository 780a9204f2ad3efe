import path from 'node:path'
import { repoRoot } from '@taskwise/db/paths'
import { startService, stopService, waitForOk } from '../../lib/processes'
import { webServerArgs } from '../../lib/stack'
import { authBursts } from '../auth-bursts'
import type { BenchUser } from '../client'
import { AUTH_CONCURRENCY, HASHER_SETTING, RAISED_LIMITS, SCRYPT_WEB_PORT } from '../constants'
import { assertPortFree, registerUsers, type BenchContext } from '../context'
import { storedHashKind } from '../database'
import { treeRssMiB } from '../memory'
import type { AuthBurst } from '../results'

export interface ScryptPhaseResult {
  auth: AuthBurst[]
  idleMiB: number | null
  loadedMiB: number | null
}

/**
 * 5, continued (`--only=auth`): the same bursts against a second web instance started with Better
 * Auth's default hasher (scrypt), and that instance's memory idle and after the bursts.
 */
export async function scryptPhase(context: BenchContext): Promise<ScryptPhaseResult> {
  const { stack, tmpDir, runId } = context
  const scryptUrl = `http://localhost:${SCRYPT_WEB_PORT}`
  await assertPortFree(SCRYPT_WEB_PORT, 'the second web instance (scrypt)')
  const scryptWeb = startService('web-scrypt', process.execPath, webServerArgs(), {
    cwd: path.join(repoRoot, 'apps/web'),
    env: {
      ...process.env,
      ...RAISED_LIMITS,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      DATABASE_URL: stack.databaseUrl,
      BETTER_AUTH_URL: scryptUrl,
      BETTER_AUTH_SECRET: context.secret,
      API_URL: stack.apiUrl,
      WEB_PORT: String(SCRYPT_WEB_PORT),
      [HASHER_SETTING]: 'scrypt',
      // Its mail (none is sent by sign-ups) would go to the run's outbox, never over SMTP.
      MAIL_TRANSPORT: 'outbox',
      MAIL_OUTBOX_DIR: path.join(tmpDir, 'outbox', runId),
    },
    quiet: true,
    onLine: context.keepLine('web-scrypt'),
  })
  context.cleanups.push(() => stopService(scryptWeb))
  context.watched.set('web-scrypt', scryptWeb.child.pid)
  await waitForOk(`http://127.0.0.1:${SCRYPT_WEB_PORT}/`, scryptWeb, 120_000)
  const idleMiB = treeRssMiB(scryptWeb.child.pid)
  context.log('registering users on the scrypt instance…')
  const scryptUsers = await registerUsers(
    context,
    scryptUrl,
    'scrypt',
    AUTH_CONCURRENCY,
    context.password,
  )
  const kind = await storedHashKind(stack.databaseUrl, (scryptUsers[0] as BenchUser).id)
  if (kind !== 'scrypt') {
    throw new Error(
      `bench: the instance started with ${HASHER_SETTING}=scrypt stored a ${kind} hash; the comparison would be meaningless`,
    )
  }
  const auth = await authBursts(
    context,
    `http://127.0.0.1:${SCRYPT_WEB_PORT}`,
    scryptUrl,
    'scrypt',
    scryptUsers,
  )
  return { auth, idleMiB, loadedMiB: treeRssMiB(scryptWeb.child.pid) }
}
