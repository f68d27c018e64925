import type { ChannelInput } from '../../../src/shared/contract'
import type { ItemView } from '../../../src/shared/items/types'
import { TEST_ADMIN_LOGIN, type TestCore } from '../../helpers/test-core'

export const OFFICER = { username: 'zhang', displayName: '张起草', password: 'Officer123' }
export const OFFICER2 = { username: 'zhao', displayName: '赵起草', password: 'Officer123' }
export const REVIEWER = { username: 'li', displayName: '李审核', password: 'Review1234' }

/** Creates two officers and a reviewer (as the admin) and logs in as the first officer. */
export async function withStaff(t: TestCore): Promise<void> {
  await t.call('users:create', { ...OFFICER, roles: ['officer'] })
  await t.call('users:create', { ...OFFICER2, roles: ['officer'] })
  await t.call('users:create', { ...REVIEWER, roles: ['reviewer'] })
  await loginAs(t, OFFICER)
}

/** Logs out and in as `user`. */
export async function loginAs(t: TestCore, user: { username: string; password: string }) {
  await t.send('auth:logout', {})
  await t.call('auth:login', { username: user.username, password: user.password })
}

/** Logs in as the admin again. */
export const loginAdmin = (t: TestCore) => loginAs(t, TEST_ADMIN_LOGIN)

type SaveInput = ChannelInput<'items:save'>

/** Saves a new policy draft with sensible defaults. */
export function newItem(t: TestCore, fields: Partial<SaveInput> = {}): Promise<ItemView> {
  return t.call('items:save', {
    kind: 'policy',
    title: '关于推进政务公开标准化规范化工作的实施意见',
    bodyHtml: '<p>为深入贯彻落实《中华人民共和国政府信息公开条例》。</p><p>现提出如下意见。</p>',
    issuer: '淄博高新区管委会办公室',
    docNumber: '淄高新管办字〔2023〕12号',
    signedDate: '2026-11-20',
    ...fields,
  })
}

/** The editable fields of a view, for the next save (as the editor would send them). */
export function fieldsOf(v: ItemView): SaveInput {
  return {
    id: v.id,
    baseRevision: v.revision,
    kind: v.kind,
    title: v.title,
    bodyHtml: v.bodyHtml,
    issuer: v.issuer,
    docNumber: v.docNumber,
    signedDate: v.signedDate,
    plannedPublishDate: v.plannedPublishDate,
    topicId: v.topicId,
    genreId: v.genreId,
    catalogueEntryId: v.catalogueEntryId,
  }
}
