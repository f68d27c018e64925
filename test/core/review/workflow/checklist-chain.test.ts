import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestCore } from '../../../helpers/test-core'
import {
  approve,
  auditActions,
  cleanAnswers,
  LEADER,
  loginAdmin,
  loginAs,
  newItem,
  OFFICER,
  query,
  REVIEWER,
  REVIEWER2,
  reviewCore,
  submit,
} from './helpers'

let t: TestCore
beforeEach(async () => {
  t = await reviewCore()
})
afterEach(async () => t.cleanup())

describe('the self-check (审查清单) on submission', () => {
  it('ships the 11 questions; notes are required for 是 on Q1–Q7 and 否 on Q8–Q11', async () => {
    const checklist = await t.call('review:checklist-get', {})
    expect(checklist.version).toBe(1)
    expect(checklist.questions).toHaveLength(11)
    expect(checklist.questions.slice(0, 7).every((q) => q.noteRequiredOn.includes('yes'))).toBe(
      true,
    )
    expect(checklist.questions.slice(7).every((q) => q.noteRequiredOn.includes('no'))).toBe(true)
  })

  it('refuses a submission with a missing answer or a risk answer without a note', async () => {
    const item = await newItem(t)
    const answers = await cleanAnswers(t)
    const missing = await t.send('review:submit', {
      itemId: item.id,
      revision: item.revision,
      contentHash: item.contentHash,
      checklistVersion: 1,
      selfCheck: answers.slice(1),
      carrier: 'official',
      channels: ['website'],
    })
    expect(missing.ok ? null : missing.error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('第 1 项'),
    })
    const flagged = answers.map((a, i) => (i === 4 ? { ...a, answer: 'yes' as const } : a))
    const noNote = await t.send('review:submit', {
      itemId: item.id,
      revision: item.revision,
      contentHash: item.contentHash,
      checklistVersion: 1,
      selfCheck: flagged,
      carrier: 'official',
      channels: ['website'],
    })
    expect(noNote.ok ? '' : noNote.error.message).toContain('第 5 项回答“是”时须填写说明')
    const withNote = flagged.map((a, i) => (i === 4 ? { ...a, note: '第三方已书面同意' } : a))
    const view = await submit(t, item, { selfCheck: withNote })
    expect(view.selfCheck[4]).toMatchObject({ answer: 'yes', note: '第三方已书面同意' })
    expect(view.selfCheck[4]?.question).toContain('商业秘密或个人隐私')
  })
})

describe('checklist versioning', () => {
  it('an admin edit makes a new version; open reviews keep the version they used; stale forms are refused', async () => {
    const item = await newItem(t)
    await submit(t, item)
    await loginAs(t, REVIEWER)
    const forbidden = await t.send('review:checklist-update', {
      questions: [{ text: '问题', noteRequiredOn: [] }],
    })
    expect(forbidden.ok ? null : forbidden.error.code).toBe('FORBIDDEN')

    await loginAdmin(t)
    const v1 = await t.call('review:checklist-get', {})
    const v2 = await t.call('review:checklist-update', {
      questions: [
        ...v1.questions.map((q) => ({ id: q.id, text: q.text, noteRequiredOn: q.noteRequiredOn })),
        { text: '是否涉及未成年人信息？', noteRequiredOn: ['yes'] },
      ],
    })
    expect(v2).toMatchObject({ version: 2, current: true })
    expect(v2.questions[11]).toMatchObject({ id: 'q12', text: '是否涉及未成年人信息？' })
    expect((await t.call('review:checklist-get', { version: 1 })).current).toBe(false)
    expect(auditActions(t, item.id)).not.toContain('review.checklist_update')
    expect(
      query<{ action: string }>(
        t,
        "SELECT action FROM audit_log WHERE target = 'review_checklist'",
      ),
    ).toHaveLength(1)

    // The open review still uses version 1 and its 11 answers.
    const view = await t.call('review:get', { itemId: item.id })
    expect(view.checklist.version).toBe(1)
    expect(view.review?.checklistVersion).toBe(1)
    await loginAs(t, REVIEWER)
    await approve(t, item.id)

    // A new submission must use version 2.
    await loginAs(t, OFFICER)
    const other = await newItem(t, { title: '另一条信息' })
    const stale = await t.send('review:submit', {
      itemId: other.id,
      revision: other.revision,
      contentHash: other.contentHash,
      checklistVersion: 1,
      selfCheck: [],
      carrier: 'non_official',
      channels: ['website'],
    })
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT')
    const fresh = await submit(t, other)
    expect(fresh.review?.checklistVersion).toBe(2)
    expect(fresh.selfCheck).toHaveLength(12)
  })
})

describe('the configurable chain', () => {
  it('a three-step chain 科室负责人审核 → 保密审核 → 领导签发 runs in order; open reviews keep their chain', async () => {
    await loginAdmin(t)
    const before = await t.call('review:chain-get', {})
    expect(before.steps).toEqual([
      { name: '保密审核', role: 'reviewer' },
      { name: '领导签发', role: 'leader' },
    ])
    const chain = await t.call('review:chain-update', {
      steps: [
        { name: '科室负责人审核', role: 'reviewer' },
        { name: '保密审核', role: 'reviewer' },
        { name: '领导签发', role: 'leader' },
      ],
    })
    expect(chain.version).toBe(2)
    await loginAs(t, OFFICER)
    const item = await newItem(t)
    const view = await submit(t, item)
    expect(view.steps.map((s) => s.name)).toEqual(['科室负责人审核', '保密审核', '领导签发'])

    await loginAs(t, REVIEWER)
    expect((await approve(t, item.id)).review?.currentStep).toBe(1)
    await loginAs(t, REVIEWER2)
    expect((await approve(t, item.id)).review?.currentStep).toBe(2)
    // Changing the chain now does not change the open review.
    await loginAdmin(t)
    await t.call('review:chain-update', { steps: [{ name: '领导签发', role: 'leader' }] })
    await loginAs(t, LEADER)
    const done = await approve(t, item.id)
    expect(done.item.status).toBe('approved')
    expect(done.steps).toHaveLength(3)
    expect(
      query<{ n: number }>(
        t,
        "SELECT count(*) AS n FROM audit_log WHERE action = 'review.chain_update'",
      )[0]?.n,
    ).toBe(2)
  })

  it('refuses chain edits by non-administrators and an empty chain', async () => {
    const forbidden = await t.send('review:chain-update', {
      steps: [{ name: '保密审核', role: 'reviewer' }],
    })
    expect(forbidden.ok ? null : forbidden.error.code).toBe('FORBIDDEN')
    await loginAdmin(t)
    const empty = await t.send('review:chain-update', { steps: [] })
    expect(empty.ok ? null : empty.error.code).toBe('VALIDATION')
  })
})
