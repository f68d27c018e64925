import type { Kysely } from 'kysely'
import type { ServerDB } from '../db/schema'
import {
  createDepartment,
  revokeDepartmentToken,
  rotateDepartmentToken,
} from '../departments/departments-service'
import { districtAudit, type DistrictActor } from './accounts'

/**
 * The district's department administration as its actors do it — the 部门 page (管理员) and
 * `server:admin`: each action and its audit row are written in one transaction, so a department
 * or a token never comes into being (or stops working) without the record of who did it.
 */

/** Creates a department (its token shown once), audited as `department.create`. */
export function createDepartmentAs(
  db: Kysely<ServerDB>,
  input: { code: string; name: string; expiresAt?: string },
  actor: DistrictActor,
  now: string,
) {
  return db.transaction().execute(async (trx) => {
    const created = await createDepartment(trx, input, now)
    await districtAudit(
      trx,
      {
        actor,
        action: 'department.create',
        target: `department:${created.code}`,
        detail: { name: created.name },
      },
      now,
    )
    return created
  })
}

/** Replaces a department's token (the old one stops at once), audited as `department.rotate-token`. */
export function rotateDepartmentTokenAs(
  db: Kysely<ServerDB>,
  code: string,
  actor: DistrictActor,
  now: string,
  options: { expiresAt?: string } = {},
) {
  return db.transaction().execute(async (trx) => {
    const rotated = await rotateDepartmentToken(trx, code, now, options)
    await districtAudit(
      trx,
      { actor, action: 'department.rotate-token', target: `department:${rotated.code}` },
      now,
    )
    return rotated
  })
}

/** Removes a department's token, audited as `department.revoke-token`. */
export function revokeDepartmentTokenAs(
  db: Kysely<ServerDB>,
  code: string,
  actor: DistrictActor,
  now: string,
) {
  return db.transaction().execute(async (trx) => {
    const revoked = await revokeDepartmentToken(trx, code, now)
    await districtAudit(
      trx,
      { actor, action: 'department.revoke-token', target: `department:${revoked.code}` },
      now,
    )
    return revoked
  })
}
