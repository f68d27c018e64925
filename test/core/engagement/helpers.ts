import { closeDatabase, openDatabase, type Store } from '../../../src/core/db/database'
import type { ReceivedComment } from '../../../src/core/engagement/comments'
import type { ChannelInput } from '../../../src/shared/contract'
import type { ItemView } from '../../../src/shared/items/types'
import type { TestCore } from '../../helpers/test-core'
import {
  approve,
  LEADER,
  loginAs,
  newItem,
  OFFICER,
  REVIEWER,
  reviewCore,
  submit,
} from '../review/workflow/helpers'

export { approve, LEADER, loginAs, newItem, OFFICER, REVIEWER, reviewCore, submit }

export const DRAFT_BODY =
  '<p>第一条 为支持小微企业发展，制定本办法。</p>' +
  '<p>第二条 本办法适用于在本区登记注册的小微企业。</p>' +
  '<p>第三条 申请补贴须连续缴纳社会保险满一年。</p>' +
  '<p>第四条 本办法自发布之日起施行。</p>'

/** The consultation fields as the form sends them (a 行政规范性文件, 10 working days). */
export function consultationInput(
  draftItemId: string,
  fields: Partial<ChannelInput<'engagement:consultation-open'>> = {},
): ChannelInput<'engagement:consultation-open'> {
  return {
    draftItemId,
    title: '《高新区小微企业补贴办法（征求意见稿）》公开征求意见',
    decisionType: 'normative',
    startDate: '2026-11-27',
    endDate: '2026-12-10',
    shortReason: '',
    questions: '一、补贴申请条件是否合理？\n二、审核时限是否合适？',
    contact: '区科技局综合科，联系电话 0533-3580000，邮箱 kjj@zbgx.gov.cn',
    channels: ['online', 'email'],
    ...fields,
  }
}

/** A draft policy, as the officer writes it. */
export const draftPolicy = (t: TestCore): Promise<ItemView> =>
  newItem(t, {
    title: '高新区小微企业补贴办法（征求意见稿）',
    bodyHtml: DRAFT_BODY,
    docNumber: '无文号',
  })

/** Submits the item as the officer, approves both steps (审核人, 签发人), logs back in as the officer. */
export async function passReview(t: TestCore, itemId: string): Promise<void> {
  await loginAs(t, OFFICER)
  await submit(t, await t.call('items:get', { id: itemId }))
  await loginAs(t, REVIEWER)
  await approve(t, itemId)
  await loginAs(t, LEADER)
  await approve(t, itemId)
  await loginAs(t, OFFICER)
}

/** A second connection to the desk's database (what the sync extension writes through). */
export async function openStore(t: TestCore): Promise<Store & { close(): Promise<void> }> {
  const store = await openDatabase(t.dbPath, { appVersion: '0.1.0' })
  return Object.assign(store, { close: () => closeDatabase(store) })
}

let n = 0
export function received(
  consultationId: string,
  body: string,
  extra: Partial<ReceivedComment> = {},
): ReceivedComment {
  n++
  return {
    id: `c-${String(n).padStart(5, '0')}`,
    consultationId,
    receiptNo: `YJ20261201${String(n).padStart(6, '0')}`,
    paragraphNo: null,
    body,
    name: '',
    contactMasked: '',
    receivedAt: `2026-11-28T0${n % 10}:00:00.000Z`,
    ...extra,
  }
}

/** The district's word that it holds the item (what a sync's status pull records): online. */
export async function districtHolds(t: TestCore, itemId: string, revision: number): Promise<void> {
  const store = await openStore(t)
  await store.db
    .insertInto('sync_items')
    .values({
      item_id: itemId,
      server_status: 'received',
      server_revision: revision,
      published_url: null,
      published_at: null,
      returned_reason: null,
      status_at: '2026-11-27T01:00:00.000Z',
      updated_at: '2026-11-27T01:00:00.000Z',
    })
    .execute()
  await store.close()
}
