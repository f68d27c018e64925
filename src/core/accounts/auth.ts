import type { Kysely } from 'kysely'
import type { UserView } from '../../shared/accounts/types'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../errors'
import type { Actor } from './actor'
import { burnPasswordCheck, hashPassword, verifyPassword } from './password'
import {
  attemptsLeftMessage,
  clearFailures,
  lockedMessage,
  recordFailure,
  throttleState,
} from './throttle'
import { findUserById, findUserByUsername, rolesOf, toUserView } from './users-repo'
import { auditActor } from './actor'

/** The one message for a wrong password and an unknown user, so neither is revealed. */
export const BAD_CREDENTIALS = '用户名或密码错误'

/**
 * Counts one wrong password for `username` and audits it (with the username tried, never the
 * password), plus the lockout when this one reached the limit. Returns the message to show:
 * 「…，还可尝试 3 次」 or 「密码错误次数过多，账户已锁定，请 15 分钟后再试或请管理员解锁」.
 */
async function countFailure(
  db: Kysely<DB>,
  who: { actor: { id: string; name: string } | null; target: string | null; username: string },
  reason: string,
  wrongMessage: string,
  clock: Clock,
): Promise<{ message: string; locked: boolean; details: Record<string, unknown> }> {
  return db.transaction().execute(async (trx) => {
    const outcome = await recordFailure(trx, who.username, clock)
    const audit = (
      action: 'auth.login_failed' | 'auth.account_locked',
      detail: Record<string, unknown>,
    ) => appendAudit(trx, { actor: who.actor, action, target: who.target, detail }, clock)
    await audit('auth.login_failed', {
      username: who.username.slice(0, 32),
      reason,
      failedAttempts: outcome.failedAttempts,
    })
    if (outcome.locked) {
      await audit('auth.account_locked', {
        username: who.username.slice(0, 32),
        failedAttempts: outcome.failedAttempts,
        lockedUntil: outcome.lockedUntil,
      })
      return {
        message: lockedMessage(outcome.minutesLeft),
        locked: true,
        details: { lockedUntil: outcome.lockedUntil, minutesLeft: outcome.minutesLeft },
      }
    }
    return {
      message: `${wrongMessage}，${attemptsLeftMessage(outcome.attemptsLeft)}`,
      locked: false,
      details: { attemptsLeft: outcome.attemptsLeft },
    }
  })
}

/**
 * Checks a username and password and records the login (or the failed attempt, never the
 * password). Unknown user and wrong password give the same UNAUTHENTICATED message and cost the
 * same one hash; both are counted (by username) towards the lockout: after 5 wrong passwords in a
 * row (setting) the account refuses every password for 15 minutes (setting) or until an
 * administrator unlocks it.
 */
export async function login(
  db: Kysely<DB>,
  input: { username: string; password: string },
  clock: Clock,
): Promise<UserView> {
  const throttle = await throttleState(db, input.username, clock())
  const user = await findUserByUsername(db, input.username)
  // One hash whatever happens (locked, unknown or not), so response time tells nothing.
  const passwordOk = user
    ? await verifyPassword(input.password, user.password_hash)
    : (await burnPasswordCheck(input.password), false)
  const who = {
    actor: user ? { id: user.id, name: user.display_name } : null,
    target: user ? `user:${user.id}` : null,
    username: input.username,
  }

  if (throttle.locked) {
    await appendAudit(
      db,
      {
        actor: who.actor,
        target: who.target,
        action: 'auth.login_failed',
        detail: {
          username: input.username.slice(0, 32),
          reason: 'account_locked',
          lockedUntil: throttle.lockedUntil,
        },
      },
      clock,
    )
    throw new AppError('UNAUTHENTICATED', lockedMessage(throttle.minutesLeft), {
      lockedUntil: throttle.lockedUntil,
      minutesLeft: throttle.minutesLeft,
    })
  }
  if (!user || !passwordOk) {
    const failure = await countFailure(
      db,
      who,
      user ? 'wrong_password' : 'unknown_user',
      BAD_CREDENTIALS,
      clock,
    )
    throw new AppError('UNAUTHENTICATED', failure.message, failure.details)
  }
  if (user.active !== 1) {
    await appendAudit(
      db,
      {
        actor: who.actor,
        target: who.target,
        action: 'auth.login_failed',
        detail: { username: input.username.slice(0, 32), reason: 'inactive' },
      },
      clock,
    )
    throw new AppError('UNAUTHENTICATED', '该账号已停用，请联系管理员')
  }

  const now = clock().toISOString()
  return db.transaction().execute(async (trx) => {
    await clearFailures(trx, user.username)
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

/**
 * Checks the locked session's own password; records unlock or the failed attempt. Wrong passwords
 * count towards the same lockout as logins; the error's details say `accountLocked` when the
 * account is (now) locked, and the caller ends the session.
 */
export async function unlock(
  db: Kysely<DB>,
  actor: Actor,
  password: string,
  clock: Clock,
): Promise<void> {
  const throttle = await throttleState(db, actor.username, clock())
  const user = await findUserById(db, actor.id)
  const ok = user !== undefined && (await verifyPassword(password, user.password_hash))
  const who = {
    actor: auditActor(actor),
    target: `user:${actor.id}`,
    username: actor.username,
  }
  if (throttle.locked) {
    await appendAudit(
      db,
      {
        actor: who.actor,
        target: who.target,
        action: 'auth.login_failed',
        detail: {
          username: actor.username,
          reason: 'account_locked',
          lockedUntil: throttle.lockedUntil,
        },
      },
      clock,
    )
    throw new AppError('UNAUTHENTICATED', lockedMessage(throttle.minutesLeft), {
      accountLocked: true,
      lockedUntil: throttle.lockedUntil,
      minutesLeft: throttle.minutesLeft,
    })
  }
  if (!ok) {
    const failure = await countFailure(db, who, 'unlock_wrong_password', '密码错误', clock)
    throw new AppError('UNAUTHENTICATED', failure.message, {
      ...failure.details,
      accountLocked: failure.locked,
    })
  }
  await db.transaction().execute(async (trx) => {
    await clearFailures(trx, actor.username)
    await appendAudit(trx, { actor: who.actor, target: who.target, action: 'auth.unlock' }, clock)
  })
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
        // The owner chose it: the first-login change is done.
        must_change_password: 0,
      })
      .where('id', '=', actor.id)
      .execute()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'auth.password_changed',
        target: `user:${actor.id}`,
      },
      clock,
    )
  })
}
