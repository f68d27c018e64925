import Database from 'better-sqlite3'
import type { ChannelInput } from '../../../../src/shared/contract'
import type { ItemView } from '../../../../src/shared/items/types'
import type { ChecklistAnswerInput, ReviewView } from '../../../../src/shared/review/types'
import { createTestCore, TEST_ADMIN_LOGIN, type TestCore } from '../../../helpers/test-core'
import { fieldsOf, loginAs, newItem } from '../../items/helpers'

export { fieldsOf, loginAs, newItem }

export const OFFICER = { username: 'zhang', displayName: '张起草', password: 'Officer123' }
export const OFFICER2 = { username: 'zhao', displayName: '赵起草', password: 'Officer123' }
export const REVIEWER = { username: 'li', displayName: '李审核', password: 'Review1234' }
export const REVIEWER2 = { username: 'chen', displayName: '陈科长', password: 'Review1234' }
export const LEADER = { username: 'liu', displayName: '刘签发', password: 'Leader1234' }
/** An officer who also reviews: may review others' items, never their own. */
export const OFFICER_REVIEWER = { username: 'sun', displayName: '孙两岗', password: 'Both12345' }

/** A core with the admin (all four roles) plus officers, reviewers and a leader; logged in as 张起草. */
export async function reviewCore(): Promise<TestCore> {
  const t = await createTestCore()
  await t.call('users:create', { ...OFFICER, roles: ['officer'] })
  await t.call('users:create', { ...OFFICER2, roles: ['officer'] })
  await t.call('users:create', { ...REVIEWER, roles: ['reviewer'] })
  await t.call('users:create', { ...REVIEWER2, roles: ['reviewer'] })
  await t.call('users:create', { ...LEADER, roles: ['leader'] })
  await t.call('users:create', { ...OFFICER_REVIEWER, roles: ['officer', 'reviewer'] })
  await loginAs(t, OFFICER)
  return t
}

export const loginAdmin = (t: TestCore) => loginAs(t, TEST_ADMIN_LOGIN)

/** A self-check with no risk flagged (否 on Q1–Q7, 是 on Q8–Q11: no notes needed). */
export async function cleanAnswers(t: TestCore, version?: number): Promise<ChecklistAnswerInput[]> {
  const checklist = await t.call('review:checklist-get', version ? { version } : {})
  return checklist.questions.map((q) => ({
    questionId: q.id,
    answer: q.noteRequiredOn.includes('yes') ? 'no' : 'yes',
  }))
}

/** Submits the item's current revision with a clean self-check (as the logged-in user). */
export async function submit(
  t: TestCore,
  item: Pick<ItemView, 'id' | 'revision' | 'contentHash'>,
  extra: Partial<ChannelInput<'review:submit'>> = {},
): Promise<ReviewView> {
  const checklist = await t.call('review:checklist-get', {})
  return t.call('review:submit', {
    itemId: item.id,
    revision: item.revision,
    contentHash: item.contentHash,
    checklistVersion: checklist.version,
    selfCheck: await cleanAnswers(t),
    carrier: 'official',
    channels: ['website'],
    ...extra,
  })
}

/** The input for deciding the current step of the item's open review, as the UI would send it. */
export async function decision(
  t: TestCore,
  itemId: string,
  fields: Partial<ChannelInput<'review:decide'>> = {},
): Promise<ChannelInput<'review:decide'>> {
  const view = await t.call('review:get', { itemId })
  if (!view.review) throw new Error('no review')
  return {
    itemId,
    reviewId: view.review.id,
    stepIndex: view.review.currentStep ?? 0,
    contentHash: view.item.contentHash,
    decision: 'approve',
    checklist: await cleanAnswers(t, view.review.checklistVersion),
    ...fields,
  }
}

/** Approves the current step as the logged-in user. */
export async function approve(
  t: TestCore,
  itemId: string,
  fields: Partial<ChannelInput<'review:decide'>> = {},
): Promise<ReviewView> {
  return t.call('review:decide', await decision(t, itemId, fields))
}

/** Rows of a read-only query on the test database (committed data; WAL readers see it). */
export function query<T>(t: TestCore, text: string, ...params: unknown[]): T[] {
  const db = new Database(t.dbPath, { readonly: true })
  try {
    return db.prepare(text).all(...params) as T[]
  } finally {
    db.close()
  }
}

/** Audit actions recorded for an item, oldest first. */
export function auditActions(t: TestCore, itemId: string): string[] {
  return query<{ action: string }>(
    t,
    'SELECT action FROM audit_log WHERE target = ? ORDER BY seq',
    `item:${itemId}`,
  ).map((r) => r.action)
}
