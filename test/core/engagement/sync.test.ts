import { afterEach, describe, expect, it } from 'vitest'
import { TEST_ADMIN_LOGIN, type TestCore } from '../../helpers/test-core'
import type { TestServer } from '../sync/helpers'
import { xlsxCells } from './xlsx-cells'
import { consultationInput, draftPolicy, loginAs, passReview } from './helpers'
import { deskWithServer } from './desk-server'
import { passQaReview } from './qa-helpers'

let server: TestServer
let t: TestCore
afterEach(async () => {
  await t.cleanup()
  await server.destroy()
})

/** A desk with officer, reviewer and leader, wired to a real district server. */
async function desk(): Promise<{ token: string }> {
  const made = await deskWithServer({ seed: 3 })
  ;({ server, t } = made)
  return { token: made.token }
}

async function postComment(
  id: string,
  fields: Record<string, string>,
): Promise<{ status: number; text: string }> {
  const res = await fetch(`${server.url}/consultations/${id}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
  return { status: res.status, text: await res.text() }
}

describe('意见征集 through sync: the approved notice goes online, comments come down masked', () => {
  it('puts the consultation online after its notice syncs, and brings the public comments down', async () => {
    await desk()
    const draft = await draftPolicy(t)
    const opened = await t.call(
      'engagement:consultation-open',
      consultationInput(draft.id, { startDate: '2026-11-26', endDate: '2026-12-10' }),
    )
    // Not online before review: the page does not exist.
    await t.core.sync.runOnce(true)
    expect((await fetch(`${server.url}/consultations/${opened.id}`)).status).toBe(404)

    await passReview(t, opened.notice!.id)
    expect(await t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    const page = await fetch(`${server.url}/consultations/${opened.id}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('第三条 申请补贴须连续缴纳社会保险满一年。')
    expect((await t.call('engagement:consultation-get', { id: opened.id })).state).toBe('open')

    const payload = '<script>alert("x")</script>=HYPERLINK("http://evil.example","点")'
    expect(
      (
        await postComment(opened.id, {
          body: payload,
          paragraph: '3',
          name: '李女士',
          contact: '13912345678',
        })
      ).status,
    ).toBe(201)
    expect(
      (await postComment(opened.id, { body: '建议放宽到六个月。', contact: 'li.si@example.com' }))
        .status,
    ).toBe(201)

    expect(await t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    const list = await t.call('engagement:comments', { id: opened.id })
    expect(list.comments).toHaveLength(2)
    const first = list.comments.find((c) => c.paragraphNo === 3)!
    expect(first.body).toBe(payload)
    expect(first.commenterName).toBe('李女士')
    expect(first.contactMasked).toBe('139****5678')
    expect(list.comments.find((c) => c.paragraphNo === null)!.contactMasked).not.toContain('li.si')
    // Again: nothing new, nothing doubled.
    await t.core.sync.runOnce(true)
    expect((await t.call('engagement:comments', { id: opened.id })).comments).toHaveLength(2)

    // The comment export keeps the payload as a text cell, never a formula.
    const file = `${t.dataDir}/comments.xlsx`
    t.platform.saveAnswers.push(file)
    const exported = await t.call('engagement:comments-export', { consultationId: opened.id })
    expect(exported?.rows).toBe(2)
    const { readFile } = await import('node:fs/promises')
    const cells = await xlsxCells(await readFile(file))
    expect(cells.map((c) => c.text)).toContain(payload)
    expect(cells.filter((c) => c.formula)).toEqual([])
    expect(cells.map((c) => c.text).join('')).not.toContain('13912345678')
  })

  it('sends approved Q&A entries to the knowledge base and marks them not valid once the policy is repealed', async () => {
    await desk()
    const policy = await draftPolicy(t)
    await passReview(t, policy.id)
    const qa = await t.call('engagement:qa-save', {
      question: '小微企业补贴怎么申请？',
      answer: '在区政务服务网提交申请。',
      policyItemId: policy.id,
      interpretationItemId: null,
      keywords: '补贴',
      validFrom: null,
      validTo: null,
    })
    await passQaReview(t, qa.id)
    expect(await t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    const kb = async () =>
      (await (await fetch(`${server.url}/district/qa.json`)).json()) as {
        entries: { id: string; valid: boolean; flag: string | null }[]
      }
    expect((await kb()).entries).toEqual([expect.objectContaining({ id: qa.id, valid: true })])

    // 立改废: a new policy repeals the old one.
    const repealer = await draftPolicy(t)
    await t.call('items:set-validity', {
      id: policy.id,
      validity: 'repealed',
      byItemId: repealer.id,
      confirmRevision: true,
    })
    // 修订稿 (issue 10): the repeal is not in force until it passes review — the district keeps
    // the answer valid until then.
    const pending = (await t.call('engagement:qa-list', {})).find((q) => q.id === qa.id)!
    expect(pending.flag).toBeNull()
    expect(await t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    expect((await kb()).entries).toEqual([expect.objectContaining({ id: qa.id, valid: true })])
    await passReview(t, policy.id)
    const flagged = (await t.call('engagement:qa-list', {})).find((q) => q.id === qa.id)!
    expect(flagged.flag).toContain('废止')
    expect(await t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    expect((await kb()).entries).toEqual([expect.objectContaining({ id: qa.id, valid: false })])

    // Removed at the desk: removed from the knowledge base.
    await t.call('engagement:qa-remove', { id: qa.id })
    await t.core.sync.runOnce(true)
    expect((await kb()).entries).toEqual([])
    await loginAs(t, TEST_ADMIN_LOGIN)
  })
})
