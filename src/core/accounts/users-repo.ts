import type { Kysely } from 'kysely'
import { ROLES, type Role } from '../../shared/accounts/roles'
import type { UserView } from '../../shared/accounts/types'
import type { DB } from '../db/schema'
import type { UserRow } from '../db/tables/accounts'
import type { Actor } from './actor'

/** Roles in the canonical order of ROLES, so views and audit details are stable. */
export const sortRoles = (roles: readonly Role[]): Role[] => ROLES.filter((r) => roles.includes(r))

/** A user row by id, or undefined. */
export function findUserById(db: Kysely<DB>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

/** A user row by username (case-insensitive, the column is COLLATE NOCASE), or undefined. */
export function findUserByUsername(db: Kysely<DB>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst()
}

/** The roles of one user. */
export async function rolesOf(db: Kysely<DB>, userId: string): Promise<Role[]> {
  const rows = await db
    .selectFrom('user_roles')
    .select('role')
    .where('user_id', '=', userId)
    .execute()
  return sortRoles(rows.map((r) => r.role))
}

/** Replaces a user's roles. */
export async function setRoles(
  db: Kysely<DB>,
  userId: string,
  roles: readonly Role[],
): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute()
  if (roles.length === 0) return
  await db
    .insertInto('user_roles')
    .values(sortRoles(roles).map((role) => ({ user_id: userId, role })))
    .execute()
}

/** The number of active users holding the admin role. */
export async function countActiveAdmins(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .where('users.active', '=', 1)
    .where('user_roles.role', '=', 'admin')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** What may leave core about a user: never the password hash. */
export function toUserView(
  row: Pick<
    UserRow,
    'id' | 'username' | 'display_name' | 'active' | 'created_at' | 'last_login_at'
  > &
    Partial<Pick<UserRow, 'must_change_password'>>,
  roles: Role[],
): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: sortRoles(roles),
    active: row.active === 1,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
    mustChangePassword: row.must_change_password === 1,
  }
}

/** The user's view, loaded with roles. */
export async function loadUserView(db: Kysely<DB>, id: string): Promise<UserView | undefined> {
  const row = await findUserById(db, id)
  return row ? toUserView(row, await rolesOf(db, id)) : undefined
}

/** The acting user for services, from a view. */
export function toActor(user: UserView): Actor {
  return { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles }
}
