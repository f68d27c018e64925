import type { Kysely } from 'kysely'
import type { ServerDB } from '../db/schema'
import { lockDepartmentForWrite } from '../departments/departments-repo'
import { ApiError, NOT_FOUND_MESSAGE } from '../errors'
import { findItemForUpdate, insertChange, updateItem } from './items-repo'

/** The answer to a withdrawal: `changed` is false when the item was already withdrawn. */
export interface WithdrawOutcome {
  id: string
  status: 'withdrawn'
  revision: number
  changed: boolean
  withdrawnAt: string
}

/**
 * Withdraws (撤回) an item of `departmentId`. Idempotent: withdrawing again answers 2xx with
 * `changed: false` and keeps the first reason and time. A later, higher revision re-submits it.
 */
export async function withdrawItem(
  db: Kysely<ServerDB>,
  departmentId: string,
  id: string,
  reason: string,
  now: string,
): Promise<WithdrawOutcome> {
  return db.transaction().execute(async (trx) => {
    await lockDepartmentForWrite(trx, departmentId)
    const row = await findItemForUpdate(trx, id)
    if (!row || row.department_id !== departmentId) {
      throw new ApiError('NOT_FOUND', NOT_FOUND_MESSAGE)
    }
    if (row.status === 'withdrawn') {
      return {
        id,
        status: 'withdrawn',
        revision: row.revision,
        changed: false,
        withdrawnAt: row.status_at,
      }
    }
    await updateItem(trx, id, { status: 'withdrawn', status_reason: reason, status_at: now })
    await insertChange(trx, {
      department_id: departmentId,
      item_id: id,
      type: 'withdrawn',
      revision: row.revision,
      reason,
      at: now,
    })
    return { id, status: 'withdrawn', revision: row.revision, changed: true, withdrawnAt: now }
  })
}
