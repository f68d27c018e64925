import type { Kysely } from 'kysely'
import { ROLES } from '../../shared/accounts/roles'
import type { DepartmentView, UserView } from '../../shared/accounts/types'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../errors'
import { newId as defaultId, type IdSource } from '../ids'
import { countActiveAdmins, findUserByUsername, setRoles, toUserView } from './users-repo'
import { getDepartment, saveDepartment } from './department'
import { hashPassword } from './password'

/**
 * The first administrator gets all four roles: a small department often starts with one person
 * doing everything, and an administrator can remove roles later. Separation of duties (no one
 * approves their own draft) is enforced per item by the review rules, not by withholding roles.
 */
export const FIRST_ADMIN_ROLES = ROLES

export interface SetupInput {
  department: DepartmentView
  admin: { username: string; displayName: string; password: string }
}

/** True once a department exists and at least one active administrator can log in. */
export async function isInitialised(db: Kysely<DB>): Promise<boolean> {
  return (await getDepartment(db)) !== null && (await countActiveAdmins(db)) > 0
}

const alreadyInitialised = () => new AppError('CONFLICT', '本机已完成初始化，请直接登录')

/**
 * First-run setup: records the department and creates the first administrator, in one transaction
 * with its audit entry. Refused with CONFLICT once initialised. Input is already validated
 * (the org code's GB 32100 check digit included).
 */
export async function completeSetup(
  db: Kysely<DB>,
  input: SetupInput,
  clock: Clock,
  ids: IdSource = defaultId,
): Promise<UserView> {
  if (await isInitialised(db)) throw alreadyInitialised()
  const passwordHash = await hashPassword(input.admin.password)
  return db.transaction().execute(async (trx) => {
    if (await isInitialised(trx)) throw alreadyInitialised()
    if (await findUserByUsername(trx, input.admin.username)) {
      throw new AppError('CONFLICT', '用户名已存在，请换一个')
    }
    const now = clock().toISOString()
    await saveDepartment(trx, input.department, now)
    const row = {
      id: ids(),
      username: input.admin.username,
      display_name: input.admin.displayName,
      password_hash: passwordHash,
      active: 1,
      created_at: now,
      updated_at: now,
      last_login_at: null,
    }
    await trx.insertInto('users').values(row).execute()
    await setRoles(trx, row.id, FIRST_ADMIN_ROLES)
    const view = toUserView(row, [...FIRST_ADMIN_ROLES])
    await appendAudit(
      trx,
      {
        actor: { id: view.id, name: view.displayName },
        action: 'setup.complete',
        target: `user:${view.id}`,
        after: { department: input.department, admin: view },
        detail: {
          department: input.department,
          admin: { username: view.username, displayName: view.displayName, roles: view.roles },
        },
      },
      clock,
    )
    return view
  })
}

/**
 * Records only the department (the CLI's `init` without an administrator); the first administrator
 * is then created by first-run setup in the app. Refused once initialised.
 */
export async function setupDepartment(
  db: Kysely<DB>,
  department: DepartmentView,
  clock: Clock,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (await isInitialised(trx)) throw alreadyInitialised()
    const before = await getDepartment(trx)
    await saveDepartment(trx, department, clock().toISOString())
    await appendAudit(
      trx,
      {
        actor: null,
        action: 'setup.complete',
        target: 'department',
        before: before ?? undefined,
        after: department,
        detail: { step: 'department', via: 'cli', department },
      },
      clock,
    )
  })
}
