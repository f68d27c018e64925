import type { Kysely } from 'kysely'
import type { UserView } from '../../shared/types'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../errors'
import type { Actor } from './actor'
import { burnPasswordCheck, hashPassword, verifyPassword } from './password'
import { findUserById, findUserByUsername, rolesOf, toUserView } from './users-repo'

/** The one message for a wrong password and an unknown user, so neither is revealed. */
export const BAD_CREDENTIALS = '用户名或密码错误'

/**
 * Checks a username and password and records the login (or the failed attempt, never the
 * password). Unknown user and wrong password give the same UNAUTHENTICATED message.
 */
export async function login(
  db: Kysely<DB>,
  input: { username: string; password: string },
  clock: Clock,
): Promise<UserView> {
  const user = await findUserByUsername(db, input.username)
  const passwordOk = user
    ? await verifyPassword(input.password, user.password_hash)
    : (await burnPasswordCheck(input.password), false)

  const failed = async (reason: string, message: string): Promise<never> => {
    await appendAudit(
      db,
      {
        actor: user ? { id: user.id, name: user.display_name } : null,
        action: 'auth.login_failed',
        target: user ? `user:${user.id}` : null,
        detail: { username: input.username.slice(0, 32), reason },
      },
      clock,
    )
    throw new AppError('UNAUTHENTICATED', message)
  }
  if (!user) return failed('unknown_user', BAD_CREDENTIALS)
  if (!passwordOk) return failed('wrong_password', BAD_CREDENTIALS)
  if (user.active !== 1) return failed('inactive', '该账号已停用，请联系管理员')

  const now = clock().toISOString()
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ last_login_at: now }).where('id', '=', user.id).execute()
    await appendAudit(
      trx,
      {
        actor: { id: user.id, name: user.display_name },
        action: 'auth.login',
        target: `user:${user.id}`,
      },
      clock,
    )
    return toUserView({ ...user, last_login_at: now }, await rolesOf(trx, user.id))
  })
}

/** Checks the locked session's own password; records unlock or the failed attempt. */
export async function unlock(
  db: Kysely<DB>,
  actor: Actor,
  password: string,
  clock: Clock,
): Promise<void> {
  const user = await findUserById(db, actor.id)
  const ok = user !== undefined && (await verifyPassword(password, user.password_hash))
  await appendAudit(
    db,
    ok
      ? {
          actor: { id: actor.id, name: actor.displayName },
          action: 'auth.unlock',
          target: `user:${actor.id}`,
        }
      : {
          actor: { id: actor.id, name: actor.displayName },
          action: 'auth.login_failed',
          target: `user:${actor.id}`,
          detail: { username: actor.username, reason: 'unlock_wrong_password' },
        },
    clock,
  )
  if (!ok) throw new AppError('UNAUTHENTICATED', '密码错误，请重新输入')
}

/** Changes the actor's own password after checking the old one. */
export async function changePassword(
  db: Kysely<DB>,
  actor: Actor,
  input: { oldPassword: string; newPassword: string },
  clock: Clock,
): Promise<void> {
  const user = await findUserById(db, actor.id)
  if (!user || !(await verifyPassword(input.oldPassword, user.password_hash))) {
    throw new AppError('VALIDATION', '原密码不正确，请重新输入', [
      { path: 'oldPassword', message: '原密码不正确' },
    ])
  }
  if (input.oldPassword === input.newPassword) {
    throw new AppError('VALIDATION', '新密码不能与原密码相同')
  }
  const passwordHash = await hashPassword(input.newPassword)
  await db.transaction().execute(async (trx) => {
    const now = clock().toISOString()
    await trx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        updated_at: now,
      })
      .where('id', '=', actor.id)
      .execute()
    await appendAudit(
      trx,
      {
        actor: { id: actor.id, name: actor.displayName },
        action: 'auth.password_changed',
        target: `user:${actor.id}`,
      },
      clock,
    )
  })
}
