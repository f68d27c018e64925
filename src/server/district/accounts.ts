import { createHash, randomBytes } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../core/accounts/password'
import { newId } from '../../core/ids'
import { displayNameSchema, passwordSchema } from '../../shared/accounts/schemas'
import type { DistrictRole, ServerDB } from '../db/schema'
import { AdminError } from '../departments/departments-service'

/**
 * District accounts (issue 15): district staff log in to the district pages with a username and a
 * password (scrypt, the desk's own format and parameters), get a session (cookie, stored as its
 * SHA-256, idle and absolute expiry), are locked out after repeated wrong passwords, and act with
 * a role: 查看 reads and exports, 审核发布 also publishes breakdowns and publishes / returns items,
 * 管理员 also manages accounts and departments (create, rotate token). Every action is audited.
 */

export const DISTRICT_ROLES: readonly DistrictRole[] = ['viewer', 'publisher', 'admin']

export const ROLE_LABEL: Record<DistrictRole, string> = {
  viewer: '查看',
  publisher: '审核发布',
  admin: '管理员',
}

/** What a role may do. */
export type DistrictPermission = 'view' | 'publish' | 'admin'

export function roleAllows(role: DistrictRole, permission: DistrictPermission): boolean {
  if (permission === 'view') return true
  if (permission === 'publish') return role === 'publisher' || role === 'admin'
  return role === 'admin'
}

/** Wrong passwords in a row before the account locks, and for how long. */
export const MAX_FAILED_LOGINS = 5
export const LOCKOUT_MINUTES = 15
/** A session ends after this long without a request, and at the latest after SESSION_HOURS. */
export const IDLE_MINUTES = 60
export const SESSION_HOURS = 12

/** The session cookie's name. */
export const SESSION_COOKIE = 'dd_district'

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')
const minutes = (n: number) => n * 60_000

/** A logged-in district user, as the pages need them. */
export interface DistrictUser {
  id: string
  username: string
  displayName: string
  role: DistrictRole
}

export interface DistrictSession {
  user: DistrictUser
  csrf: string
}

/** Who did a district action: a user, or the command line. */
export interface DistrictActor {
  id: string | null
  name: string
}

export const CLI_ACTOR: DistrictActor = { id: null, name: '命令行（server:admin）' }

/** Appends one entry to the district's audit trail. */
export async function districtAudit(
  db: Kysely<ServerDB>,
  entry: {
    actor: DistrictActor
    action: string
    target?: string | null
    detail?: Record<string, unknown>
  },
  now: string,
): Promise<void> {
  await db
    .insertInto('district_audit')
    .values({
      at: now,
      actor_id: entry.actor.id,
      actor_name: entry.actor.name,
      action: entry.action,
      target: entry.target ?? null,
      detail_json: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    })
    .execute()
}

/** The newest audit entries first. */
export async function listDistrictAudit(db: Kysely<ServerDB>, limit = 200) {
  const rows = await db
    .selectFrom('district_audit')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    actorName: r.actor_name,
    action: r.action,
    target: r.target,
    detail: r.detail_json ? (JSON.parse(r.detail_json) as Record<string, unknown>) : null,
  }))
}

/** True once a district account exists: the pages then require a login. */
export async function hasDistrictAccounts(db: Kysely<ServerDB>): Promise<boolean> {
  const row = await db.selectFrom('district_users').select('id').limit(1).executeTakeFirst()
  return row !== undefined
}

const USERNAME = /^[A-Za-z0-9._-]{2,40}$/

function firstIssue(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.error?.issues[0]?.message ?? '格式不正确'
}

/** A random password for the first account the CLI creates (shown once). */
export function generatePassword(): string {
  // 12 base64url characters plus a digit and a letter, so the desk's strength rule holds.
  return `${randomBytes(9).toString('base64url')}7a`
}

/** Creates a district account; refuses a taken username, a weak password, an unknown role. */
export async function createDistrictUser(
  db: Kysely<ServerDB>,
  input: { username: string; displayName: string; role: string; password: string },
  actor: DistrictActor,
  now: string,
): Promise<DistrictUser> {
  const username = input.username.trim()
  if (!USERNAME.test(username)) {
    throw new AdminError('用户名只能包含字母、数字和 ._-，2 至 40 个字符。')
  }
  const name = displayNameSchema.safeParse(input.displayName)
  if (!name.success) throw new AdminError(`姓名：${firstIssue(name)}`)
  if (!DISTRICT_ROLES.includes(input.role as DistrictRole)) {
    throw new AdminError('角色只能是 viewer（查看）、publisher（审核发布）或 admin（管理员）。')
  }
  const password = passwordSchema.safeParse(input.password)
  if (!password.success) throw new AdminError(`密码：${firstIssue(password)}`)
  const taken = await db
    .selectFrom('district_users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst()
  if (taken) throw new AdminError(`用户名「${username}」已被使用。`)
  const user: DistrictUser = {
    id: newId(),
    username,
    displayName: name.data,
    role: input.role as DistrictRole,
  }
  await db
    .insertInto('district_users')
    .values({
      id: user.id,
      username,
      display_name: user.displayName,
      role: user.role,
      password_hash: await hashPassword(password.data),
      failed_attempts: 0,
      locked_until: null,
      disabled_at: null,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  await districtAudit(
    db,
    {
      actor,
      action: 'account.create',
      target: `district-user:${username}`,
      detail: { role: user.role, name: user.displayName },
    },
    now,
  )
  return user
}

export async function listDistrictUsers(db: Kysely<ServerDB>, now: Date) {
  const rows = await db.selectFrom('district_users').selectAll().orderBy('username').execute()
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    locked: r.locked_until !== null && Date.parse(r.locked_until) > now.getTime(),
    disabled: r.disabled_at !== null,
    lastLoginAt: r.last_login_at,
  }))
}

/** The outcome of a login attempt; the message is the same for a wrong password and an unknown user. */
export type LoginOutcome =
  { ok: true; token: string; session: DistrictSession } | { ok: false; message: string }

const WRONG = '用户名或密码错误'

/**
 * Checks a login. An unknown (or disabled) username costs the same time as a real check and gets
 * the same message; a locked account refuses every password until the lock runs out (still
 * spending a check's time, and audited); the 5th wrong password in a row locks it for 15 minutes.
 * Success clears the count and starts a session.
 *
 * The attempt is counted before the password is checked, in one UPDATE that also sets the lock
 * when it reaches the limit, so parallel guesses cannot all read the same count while scrypt runs
 * (both backends: SQLite runs the statement alone, PostgreSQL re-evaluates it on the locked row).
 */
export async function loginDistrictUser(
  db: Kysely<ServerDB>,
  username: string,
  password: string,
  now: Date,
): Promise<LoginOutcome> {
  const at = now.toISOString()
  const typed = password.slice(0, 128)
  const row = await db
    .selectFrom('district_users')
    .selectAll()
    .where('username', '=', username.trim())
    .executeTakeFirst()
  if (!row || row.disabled_at !== null) {
    await burnPasswordCheck(typed)
    await districtAudit(
      db,
      // What was typed is not kept: a password typed into the username field must not be stored.
      { actor: { id: null, name: '（未知用户名）' }, action: 'login.failed' },
      at,
    )
    return { ok: false, message: WRONG }
  }
  const actor = { id: row.id, name: row.display_name }
  const target = `district-user:${row.username}`
  const attempt = await claimLoginAttempt(db, row.id, now)
  if (attempt === null) {
    await burnPasswordCheck(typed)
    await districtAudit(db, { actor, action: 'login.refused-locked', target }, at)
    const lock = await db
      .selectFrom('district_users')
      .select('locked_until')
      .where('id', '=', row.id)
      .executeTakeFirst()
    const until = lock?.locked_until ? Date.parse(lock.locked_until) : now.getTime()
    const left = Math.max(1, Math.ceil((until - now.getTime()) / 60_000))
    return {
      ok: false,
      message: `密码错误次数过多，账户已锁定，请 ${left} 分钟后再试或请管理员解锁`,
    }
  }
  const good = await verifyPassword(typed, row.password_hash)
  if (!good) {
    const locked = attempt >= MAX_FAILED_LOGINS
    await districtAudit(db, { actor, action: locked ? 'login.locked' : 'login.failed', target }, at)
    return {
      ok: false,
      message: locked
        ? `密码错误次数过多，账户已锁定，请 ${LOCKOUT_MINUTES} 分钟后再试或请管理员解锁`
        : `${WRONG}，还可尝试 ${MAX_FAILED_LOGINS - attempt} 次`,
    }
  }
  const token = randomBytes(32).toString('base64url')
  const csrf = randomBytes(24).toString('base64url')
  await db
    .updateTable('district_users')
    .set({ failed_attempts: 0, locked_until: null, last_login_at: at, updated_at: at })
    .where('id', '=', row.id)
    .execute()
  await db
    .insertInto('district_sessions')
    .values({
      id_hash: sha256(token),
      user_id: row.id,
      csrf,
      created_at: at,
      last_seen_at: at,
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
    })
    .execute()
  await districtAudit(db, { actor, action: 'login', target }, at)
  return {
    ok: true,
    token,
    session: {
      user: { id: row.id, username: row.username, displayName: row.display_name, role: row.role },
      csrf,
    },
  }
}

/**
 * Counts one login attempt of `userId` atomically and returns its number in the current run of
 * failures, or null while the account is locked. A lock that ran out starts the count again; the
 * attempt that reaches MAX_FAILED_LOGINS sets the lock at once (a right password then clears it).
 */
async function claimLoginAttempt(
  db: Kysely<ServerDB>,
  userId: string,
  now: Date,
): Promise<number | null> {
  const at = now.toISOString()
  const lockUntil = new Date(now.getTime() + minutes(LOCKOUT_MINUTES)).toISOString()
  // Every SET expression reads the row as it was before this statement.
  const count = sql<number>`(case when ${sql.ref('locked_until')} is not null then 1 else ${sql.ref('failed_attempts')} + 1 end)`
  const claimed = await db
    .updateTable('district_users')
    .set({
      failed_attempts: count,
      locked_until: sql<
        string | null
      >`case when ${count} >= ${MAX_FAILED_LOGINS} then cast(${lockUntil} as text) else null end`,
      updated_at: at,
    })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
    .returning('failed_attempts')
    .executeTakeFirst()
  return claimed ? Number(claimed.failed_attempts) : null
}

/** The session a cookie value stands for, or null (unknown, expired, idle too long, user disabled). */
export async function districtSession(
  db: Kysely<ServerDB>,
  token: string | undefined,
  now: Date,
): Promise<DistrictSession | null> {
  if (!token || token.length > 100) return null
  const row = await db
    .selectFrom('district_sessions as s')
    .innerJoin('district_users as u', 'u.id', 's.user_id')
    .select([
      's.id_hash',
      's.csrf',
      's.last_seen_at',
      's.expires_at',
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.disabled_at',
    ])
    .where('s.id_hash', '=', sha256(token))
    .executeTakeFirst()
  if (!row) return null
  const t = now.getTime()
  if (
    row.disabled_at !== null ||
    Date.parse(row.expires_at) <= t ||
    Date.parse(row.last_seen_at) + minutes(IDLE_MINUTES) <= t
  ) {
    await db.deleteFrom('district_sessions').where('id_hash', '=', row.id_hash).execute()
    return null
  }
  // Touch at most once a minute: a page view is not a write each time.
  if (Date.parse(row.last_seen_at) + 60_000 <= t) {
    await db
      .updateTable('district_sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id_hash', '=', row.id_hash)
      .execute()
  }
  return {
    user: { id: row.id, username: row.username, displayName: row.display_name, role: row.role },
    csrf: row.csrf,
  }
}

/** Ends the session of `token` (logout). */
export async function endDistrictSession(
  db: Kysely<ServerDB>,
  token: string | undefined,
  actor: DistrictActor | null,
  now: string,
): Promise<void> {
  if (!token) return
  await db.deleteFrom('district_sessions').where('id_hash', '=', sha256(token)).execute()
  if (actor) await districtAudit(db, { actor, action: 'logout' }, now)
}

/** 管理员: clears a lockout. */
export async function unlockDistrictUser(
  db: Kysely<ServerDB>,
  username: string,
  actor: DistrictActor,
  now: string,
): Promise<void> {
  const done = await db
    .updateTable('district_users')
    .set({ failed_attempts: 0, locked_until: null, updated_at: now })
    .where('username', '=', username)
    .executeTakeFirst()
  if (Number(done.numUpdatedRows) === 0)
    throw new AdminError(`没有用户名为「${username}」的区级账户。`)
  await districtAudit(
    db,
    { actor, action: 'account.unlock', target: `district-user:${username}` },
    now,
  )
}

/** 管理员: disables (or enables again) an account; its sessions end. An admin cannot disable themself. */
export async function setDistrictUserDisabled(
  db: Kysely<ServerDB>,
  username: string,
  disabled: boolean,
  actor: DistrictActor & { username?: string },
  now: string,
): Promise<void> {
  if (disabled && actor.username === username) throw new AdminError('不能停用自己的账户。')
  const row = await db
    .selectFrom('district_users')
    .select(['id', 'role'])
    .where('username', '=', username)
    .executeTakeFirst()
  if (!row) throw new AdminError(`没有用户名为「${username}」的区级账户。`)
  if (disabled && row.role === 'admin') {
    const admins = await db
      .selectFrom('district_users')
      .select('id')
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .execute()
    if (admins.length <= 1) throw new AdminError('这是唯一的管理员账户，不能停用。')
  }
  await db
    .updateTable('district_users')
    .set({ disabled_at: disabled ? now : null, updated_at: now })
    .where('id', '=', row.id)
    .execute()
  if (disabled) await db.deleteFrom('district_sessions').where('user_id', '=', row.id).execute()
  await districtAudit(
    db,
    {
      actor,
      action: disabled ? 'account.disable' : 'account.enable',
      target: `district-user:${username}`,
    },
    now,
  )
}
