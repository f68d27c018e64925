import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestCore, TEST_ADMIN_LOGIN, type TestCore } from '../../helpers/test-core'
import { loginAs } from '../items/helpers'
import { APPLICANT, register } from './helpers'

/**
 * 条例第二十九条: the applicant's 姓名、身份证明、联系方式 are personal data. Only officers (who handle
 * requests) and administrators see them in full; every other role sees the masked form, and every
 * detail view is audited by request number only.
 */
const REVIEWER = { username: 'li', displayName: '李审核', password: 'Review1234' }
const OFFICER = { username: 'zhang', displayName: '张起草', password: 'Officer123' }

let t: TestCore
beforeEach(async () => {
  t = await createTestCore()
  await t.call('users:create', { ...REVIEWER, roles: ['reviewer'] })
  await t.call('users:create', { ...OFFICER, roles: ['officer'] })
})
afterEach(async () => {
  await t.cleanup()
})

describe('who sees the applicant in full (条例第二十九条)', () => {
  it('a reviewer gets the detail view with the applicant masked', async () => {
    const v = await register(t)
    await loginAs(t, REVIEWER)
    const seen = await t.call('requests:get', { id: v.id })
    expect(seen.no).toBe(v.no)
    expect(seen.applicantName).toBe('张某')
    expect(seen.applicantIdNo).toBe('330106********1234')
    expect(seen.applicantContact).toBe('138****5678')
    expect(seen.applicantAddress).not.toContain('文三路 100 号')
    expect(JSON.stringify(seen)).not.toContain(APPLICANT.idNo)
    expect(JSON.stringify(seen)).not.toContain(APPLICANT.name)
  })

  it('an officer and an administrator get the applicant in full', async () => {
    const v = await register(t)
    expect((await t.call('requests:get', { id: v.id })).applicantIdNo).toBe(APPLICANT.idNo)
    await loginAs(t, OFFICER)
    const seen = await t.call('requests:get', { id: v.id })
    expect(seen.applicantName).toBe(APPLICANT.name)
    expect(seen.applicantContact).toBe(APPLICANT.contact)
  })

  it('audits every detail view by request number, never with the applicant data', async () => {
    const v = await register(t)
    await loginAs(t, REVIEWER)
    await t.call('requests:get', { id: v.id })
    await loginAs(t, TEST_ADMIN_LOGIN)
    await t.call('requests:get', { id: v.id })
    const audit = await t.call('audit:list', { offset: 0, limit: 100 })
    const views = audit.entries.filter((e) => e.action === 'request.view')
    expect(views.map((e) => e.actorName).sort()).toEqual(['李审核', '王管理'].sort())
    const text = JSON.stringify(views)
    expect(text).toContain(v.no)
    for (const s of Object.values(APPLICANT)) expect(text).not.toContain(s)
  })
})

describe('file dialogs of the register open only for those who may use them', () => {
  it('refuses a reviewer a letter or a ledger import before any dialog opens', async () => {
    const v = await register(t)
    await t.call('requests:add-event', {
      requestId: v.id,
      kind: 'answer',
      date: '2025-03-10',
      answerType: 'disclose',
      outcome: '1',
    })
    await loginAs(t, REVIEWER)
    const before = t.platform.dialogs.length
    const letter = await t.send('requests:letter', { requestId: v.id, kind: 'answer' })
    expect(letter.ok ? null : letter.error.code).toBe('FORBIDDEN')
    const ledger = await t.send('requests:import-preview', {})
    expect(ledger.ok ? null : ledger.error.code).toBe('FORBIDDEN')
    expect(t.platform.dialogs.length).toBe(before)
  })

  it('suggests the letter by file name only, so the save dialog starts in 文档', async () => {
    const v = await register(t)
    await t.call('requests:add-event', {
      requestId: v.id,
      kind: 'answer',
      date: '2025-03-10',
      answerType: 'disclose',
      outcome: '1',
    })
    await t.send('requests:letter', { requestId: v.id, kind: 'answer' })
    const dialog = t.platform.dialogs.at(-1)
    expect(dialog?.defaultPath).toMatch(/^[^/\\]+\.docx$/)
    expect(dialog?.defaultPath).not.toContain(t.dataDir)
  })
})
