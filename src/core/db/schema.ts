import type { DepartmentTable, UserRolesTable, UsersTable } from './tables/accounts'
import type { AuditLogTable } from './tables/audit'
import type { MetaTable } from './tables/meta'
import type { SettingsTable } from './tables/settings'

/** The kysely database interface: every table the app owns, by its SQL name. */
export interface DB {
  meta: MetaTable
  department: DepartmentTable
  users: UsersTable
  user_roles: UserRolesTable
  audit_log: AuditLogTable
  settings: SettingsTable
}
