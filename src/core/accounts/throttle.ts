import type { Kysely } from 'kysely'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { LoginFailureRow } from '../db/tables/accounts'
import { readSettings } from '../settings/settings'

/**
 * Failed-login throttling (issue 10): wrong passwords are counted per username, for login and for
 * unlocking a locked session alike; after `maxFailedLogins` in a row the account refuses every
 * password for `lockoutMinutes` (both settings). Counted by username, not by user row, so an
 * unknown name goes through exactly the same counting and messages and does not reveal that it
 * is unknown. A success, an administrator's unlock, or the lock running out clears the count.
 */

export interface ThrottleLimits {
  maxFailedLogins: number
  lockoutMinutes: number
}

export type ThrottleState =
  | { locked: false; failedAttempts: number }
  | { locked: true; lockedUntil: string; minutesLeft: number }

/** Minutes until `until`, rounded up, at least 1. */
export const minutesUntil = (until: string, now: Date): number =>
  Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 60_000))

/** 「密码错误次数过多，账户已锁定，请 14 分钟后再试或请管理员解锁」 */
export const lockedMessage = (minutesLeft: number): string =>
  `密码错误次数过多，账户已锁定，请 ${minutesLeft} 分钟后再试或请管理员解锁`

/** 「还可尝试 3 次」 after a wrong password. */
export const attemptsLeftMessage = (left: number): string => `还可尝试 ${left} 次`

export async function throttleLimits(db: Kysely<DB>): Promise<ThrottleLimits> {
  const { maxFailedLogins, lockoutMinutes } = await readSettings(db)
  return { maxFailedLogins, lockoutMinutes }
}

function findFailure(db: Kysely<DB>, username: string): Promise<LoginFailureRow | undefined> {
  return db
    .selectFrom('login_failures')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst()
}

/** Where `username` stands now: locked (with the minutes left) or the failures counted so far. */
export async function throttleState(
  db: Kysely<DB>,
  username: string,
  now: Date,
): Promise<ThrottleState> {
  const row = await findFailure(db, username)
  if (!row) return { locked: false, failedAttempts: 0 }
  if (row.locked_until !== null) {
    if (Date.parse(row.locked_until) > now.getTime()) {
      return {
        locked: true,
        lockedUntil: row.locked_until,
        minutesLeft: minutesUntil(row.locked_until, now),
      }
    }
    // The lock ran out: a fresh start.
    return { locked: false, failedAttempts: 0 }
  }
  return { locked: false, failedAttempts: row.failed_attempts }
}

export type FailureOutcome =
  | { locked: false; attemptsLeft: number; failedAttempts: number }
  | { locked: true; lockedUntil: string; minutesLeft: number; failedAttempts: number }

/** Counts one more wrong password for `username`; locks when it reaches the limit. */
export async function recordFailure(
  db: Kysely<DB>,
  username: string,
  clock: Clock,
): Promise<FailureOutcome> {
  const now = clock()
  const limits = await throttleLimits(db)
  const state = await throttleState(db, username, now)
  const failedAttempts = (state.locked ? 0 : state.failedAttempts) + 1
  const lockedUntil =
    failedAttempts >= limits.maxFailedLogins
      ? new Date(now.getTime() + limits.lockoutMinutes * 60_000).toISOString()
      : null
  const at = now.toISOString()
  await db
    .insertInto('login_failures')
    .values({
      username,
      failed_attempts: failedAttempts,
      last_failed_at: at,
      locked_until: lockedUntil,
    })
    .onConflict((oc) =>
      oc.column('username').doUpdateSet({
        failed_attempts: failedAttempts,
        last_failed_at: at,
        locked_until: lockedUntil,
      }),
    )
    .execute()
  // Stale rows of names nobody tried for a day are dropped, so made-up names do not pile up.
  await db
    .deleteFrom('login_failures')
    .where('last_failed_at', '<', new Date(now.getTime() - 86_400_000).toISOString())
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
    .execute()
  return lockedUntil
    ? { locked: true, lockedUntil, minutesLeft: limits.lockoutMinutes, failedAttempts }
    : { locked: false, attemptsLeft: limits.maxFailedLogins - failedAttempts, failedAttempts }
}

/** Clears the count for `username` (a correct password, or an administrator's unlock). */
export async function clearFailures(db: Kysely<DB>, username: string): Promise<void> {
  await db.deleteFrom('login_failures').where('username', '=', username).execute()
}

/** Lock-until times of the locked usernames (the users page shows them). */
export async function lockedUsernames(db: Kysely<DB>, now: Date): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('login_failures')
    .select(['username', 'locked_until'])
    .where('locked_until', '>', now.toISOString())
    .execute()
  return new Map(rows.map((r) => [r.username.toLowerCase(), r.locked_until as string]))
}
