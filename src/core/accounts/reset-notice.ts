import type { Kysely } from 'kysely'
import type { PasswordResetNotice } from '../../shared/accounts/types'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { Actor } from './actor'
import { findUserById } from './users-repo'
import { auditActor } from './actor'

/**
 * The notice shown on the owner's home page after an administrator reset their password:
 * 「您的密码已于 … 由管理员 … 重置」, until they acknowledge it — also after the forced change of
 * that password at the next login, so the owner learns who reset it and when. Null when there is
 * nothing to tell.
 */
export async function passwordResetNotice(
  db: Kysely<DB>,
  actor: Actor,
): Promise<PasswordResetNotice | null> {
  const user = await findUserById(db, actor.id)
  if (!user?.password_reset_at || user.reset_notice_ack_at) return null
  return { resetAt: user.password_reset_at, resetByName: user.password_reset_by_name ?? '管理员' }
}

/** The owner acknowledges the reset notice (audited); nothing happens when there is none. */
export async function acknowledgePasswordReset(
  db: Kysely<DB>,
  actor: Actor,
  clock: Clock,
): Promise<null> {
  const notice = await passwordResetNotice(db, actor)
  if (!notice) return null
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ reset_notice_ack_at: clock().toISOString() })
      .where('id', '=', actor.id)
      .execute()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'user.password_reset_acknowledged',
        target: `user:${actor.id}`,
        detail: { resetAt: notice.resetAt, by: notice.resetByName },
      },
      clock,
    )
  })
  return null
}
