import type { Kysely } from 'kysely'
import type { Role } from '../../shared/accounts/roles'
import type { UserView } from '../../shared/accounts/types'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../errors'
import { newId as defaultId, type IdSource } from '../ids'
import { requireRole, type Actor, auditActor } from './actor'
import { hashPassword } from './password'
import { clearFailures, lockedUsernames, throttleState } from './throttle'
import {
  countActiveAdmins,
  findUserById,
  findUserByUsername,
  loadUserView,
  setRoles,
  sortRoles,
  toUserView,
} from './users-repo'

export interface CreateUserInput {
  username: string
  displayName: string
  password: string
  roles: Role[]
}

export interface UpdateUserInput {
  id: string
  displayName?: string
  roles?: Role[]
  active?: boolean
}

const notFound = () => new AppError('NOT_FOUND', '未找到该用户，请刷新后重试')

/** All users, by username; administrators only. */
export async function listUsers(
  db: Kysely<DB>,
  actor: Actor,
  now: Date = new Date(),
): Promise<UserView[]> {
  requireRole(actor, 'admin')
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute()
  const roles = await db.selectFrom('user_roles').selectAll().execute()
  const locked = await lockedUsernames(db, now)
  return rows.map((row) => ({
    ...toUserView(
      row,
      roles.filter((r) => r.user_id === row.id).map((r) => r.role),
    ),
    lockedUntil: locked.get(row.username.toLowerCase()) ?? null,
  }))
}

/**
 * An administrator unlocks an account locked after too many wrong passwords (the count is
 * cleared too); audited. Nothing to do (and nothing audited) when it is not locked.
 */
export async function unlockUser(
  db: Kysely<DB>,
  actor: Actor,
  input: { id: string },
  clock: Clock,
): Promise<null> {
  requireRole(actor, 'admin')
  const user = await findUserById(db, input.id)
  if (!user) throw notFound()
  const state = await throttleState(db, user.username, clock())
  await db.transaction().execute(async (trx) => {
    await clearFailures(trx, user.username)
    if (!state.locked) return
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'user.unlock',
        target: `user:${user.id}`,
        detail: { username: user.username, lockedUntil: state.lockedUntil },
      },
      clock,
    )
  })
  return null
}

/** Creates a user with the given roles; administrators only; CONFLICT on a taken username. */
export async function createUser(
  db: Kysely<DB>,
  actor: Actor,
  input: CreateUserInput,
  clock: Clock,
  ids: IdSource = defaultId,
): Promise<UserView> {
  requireRole(actor, 'admin')
  const taken = () => new AppError('CONFLICT', `用户名「${input.username}」已存在，请换一个`)
  if (await findUserByUsername(db, input.username)) throw taken()
  const passwordHash = await hashPassword(input.password)
  return db.transaction().execute(async (trx) => {
    if (await findUserByUsername(trx, input.username)) throw taken()
    const now = clock().toISOString()
    const row = {
      id: ids(),
      username: input.username,
      display_name: input.displayName,
      password_hash: passwordHash,
      active: 1,
      created_at: now,
      updated_at: now,
      last_login_at: null,
      created_by: actor.id,
      password_reset_at: null,
      password_reset_by: null,
      password_reset_by_name: null,
      reset_notice_ack_at: null,
      // The administrator chose this password: the owner sets their own at first login.
      must_change_password: 1,
    }
    await trx.insertInto('users').values(row).execute()
    await setRoles(trx, row.id, input.roles)
    const view = toUserView(row, input.roles)
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'user.create',
        target: `user:${view.id}`,
        after: view,
        detail: { username: view.username, displayName: view.displayName, roles: view.roles },
      },
      clock,
    )
    return view
  })
}

/**
 * Changes a user's name, roles or active flag; administrators only. Refuses (CONFLICT) any change
 * that would leave no active administrator, which covers removing one's own admin role or
 * deactivating oneself as the last administrator.
 */
export async function updateUser(
  db: Kysely<DB>,
  actor: Actor,
  input: UpdateUserInput,
  clock: Clock,
): Promise<UserView> {
  requireRole(actor, 'admin')
  return db.transaction().execute(async (trx) => {
    const before = await loadUserView(trx, input.id)
    if (!before) throw notFound()
    const now = clock().toISOString()
    const changes: Record<string, { from: unknown; to: unknown }> = {}
    if (input.displayName !== undefined && input.displayName !== before.displayName) {
      changes.displayName = { from: before.displayName, to: input.displayName }
    }
    if (input.active !== undefined && input.active !== before.active) {
      changes.active = { from: before.active, to: input.active }
    }
    const newRoles = input.roles === undefined ? before.roles : sortRoles(input.roles)
    const rolesChanged = newRoles.join(',') !== before.roles.join(',')
    if (Object.keys(changes).length === 0 && !rolesChanged) return before

    await trx
      .updateTable('users')
      .set({
        display_name: input.displayName ?? before.displayName,
        active: (input.active ?? before.active) ? 1 : 0,
        updated_at: now,
      })
      .where('id', '=', input.id)
      .execute()
    if (rolesChanged) await setRoles(trx, input.id, newRoles)
    if ((await countActiveAdmins(trx)) === 0) {
      throw new AppError(
        'CONFLICT',
        input.id === actor.id
          ? '不能移除自己的管理员角色或停用自己：您是最后一名启用的管理员，请先为其他用户授予管理员角色'
          : '至少需要保留一名启用的管理员',
      )
    }
    const after = (await loadUserView(trx, input.id)) as UserView
    const target = `user:${input.id}`
    if (Object.keys(changes).length > 0) {
      await appendAudit(
        trx,
        {
          actor: auditActor(actor),
          action: 'user.update',
          target,
          before,
          after,
          detail: { username: after.username, changes },
        },
        clock,
      )
    }
    if (rolesChanged) {
      await appendAudit(
        trx,
        {
          actor: auditActor(actor),
          action: 'user.roles_changed',
          target,
          before: before.roles,
          after: after.roles,
          detail: { username: after.username, from: before.roles, to: after.roles },
        },
        clock,
      )
    }
    return after
  })
}

/**
 * Sets another user's password; administrators only (one's own goes through change-password).
 * Records when and by whom, so the account cannot decide on items submitted before the reset (the
 * administrator knew the password: 保密审查 separation of duties) and its owner is told on the
 * home page until they acknowledge it or change the password.
 */
export async function resetPassword(
  db: Kysely<DB>,
  actor: Actor,
  input: { id: string; password: string },
  clock: Clock,
): Promise<void> {
  requireRole(actor, 'admin')
  if (input.id === actor.id) {
    throw new AppError('VALIDATION', '请通过「修改密码」修改自己的密码')
  }
  const user = await findUserById(db, input.id)
  if (!user) throw notFound()
  const passwordHash = await hashPassword(input.password)
  await db.transaction().execute(async (trx) => {
    const now = clock().toISOString()
    await trx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        updated_at: now,
        password_reset_at: now,
        password_reset_by: actor.id,
        password_reset_by_name: actor.displayName,
        reset_notice_ack_at: null,
        must_change_password: 1,
      })
      .where('id', '=', input.id)
      .execute()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'user.password_reset',
        target: `user:${input.id}`,
        detail: { username: user.username },
      },
      clock,
    )
  })
}
