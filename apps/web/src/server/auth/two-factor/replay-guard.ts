import { type Database } from '@taskwise/db/client'
import { sql } from 'drizzle-orm'

/**
 * The TOTP replay guard (docs/decisions/0207-two-factor-sign-in.md). RFC 6238 §5.2: once a code
 * has been accepted, it must not be accepted again. Each person's last accepted time step is kept
 * in `totp_replay_guard`; a code is accepted only if its step is later, decided by one
 * conditional upsert, so two requests with the same code on two web instances cannot both win.
 * A code from an earlier step than one already used is refused too.
 */
export async function claimTimeStep(db: Database, userId: string, step: number): Promise<boolean> {
  const result = await db.execute(sql`
    insert into totp_replay_guard as g (user_id, last_step) values (${userId}, ${step})
    on conflict (user_id) do update set last_step = excluded.last_step, updated_at = now()
      where g.last_step < excluded.last_step
    returning user_id`)
  return result.rows.length === 1
}

/** Forgets the person's last step (their authenticator was removed; a new secret starts afresh). */
export async function forgetTimeSteps(db: Database, userId: string): Promise<void> {
  await db.execute(sql`delete from totp_replay_guard where user_id = ${userId}`)
}
