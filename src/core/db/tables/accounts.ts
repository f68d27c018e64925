import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { Role } from '../../../shared/accounts/roles'

/** `department`: the single department this installation belongs to (row id is always 1). */
export interface DepartmentTable {
  id: Generated<number>
  name: string
  org_code: string
  created_at: string
  updated_at: string
}
export type DepartmentRow = Selectable<DepartmentTable>

/** `users`: local accounts. `password_hash` is a self-describing scrypt string, never sent out. */
export interface UsersTable {
  id: string
  username: string
  display_name: string
  password_hash: string
  /** 1 = may log in, 0 = deactivated (users are never deleted: the audit trail names them). */
  active: number
  created_at: string
  updated_at: string
  last_login_at: string | null
  /** The administrator who created the account (null: first-run setup, or before migration 0020). */
  created_by: Generated<string | null>
  /** When an administrator last reset the password (users:reset-password), and who. */
  password_reset_at: Generated<string | null>
  password_reset_by: Generated<string | null>
  password_reset_by_name: Generated<string | null>
  /** When the owner acknowledged the reset notice on the home page (or changed the password). */
  reset_notice_ack_at: Generated<string | null>
  /** 1 after create-user or reset-password: the owner must set their own password first. */
  must_change_password: Generated<number>
}
export type UserRow = Selectable<UsersTable>
export type NewUserRow = Insertable<UsersTable>
export type UserUpdate = Updateable<UsersTable>

/** `user_roles`: one row per (user, role); a user may hold several roles. */
export interface UserRolesTable {
  user_id: string
  role: Role
}
export type UserRoleRow = Selectable<UserRolesTable>

/** `login_failures`: wrong passwords in a row per username (NOCASE), for login throttling. */
export interface LoginFailuresTable {
  username: string
  failed_attempts: number
  last_failed_at: string
  /** ISO time until which every password is refused; null while under the limit. */
  locked_until: string | null
}
export type LoginFailureRow = Selectable<LoginFailuresTable>
