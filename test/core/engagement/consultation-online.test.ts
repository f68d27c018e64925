import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { noticeHtml } from '../../../src/core/engagement/notice'
import {
  noticeMismatchNotice,
  shownInNotice,
  syncEngagement,
} from '../../../src/core/engagement/sync-extension'
import { createEventBus } from '../../../src/core/events/bus'
import { silentLogger } from '../../../src/core/logger'
import { parseOrThrow } from '../../../src/server/items/item-schemas'
import type { ApiError } from '../../../src/server/errors'
import { commentsPageSchema, consultationWireSchema } from '../../../src/shared/engagement/wire'
import { sanitiseHtml } from '../../../src/core/html/sanitise'
import type { ConsultationWire } from '../../../src/shared/engagement/wire'
import { publishItem } from '../../../src/server/changes/district-actions'
import { deterministicBytes } from '../../helpers/deterministic-bytes'
import { FIXED_NOW } from '../../helpers/test-clock'
import type { TestCore } from '../../helpers/test-core'
import type { TestServer } from '../sync/helpers'
import { consultationInput, draftPolicy, loginAs, OFFICER, openStore, passReview } from './helpers'
import { deskWithServer } from './desk-server'

/**
 * What the district's public page shows comes from what passed review (issue 14): the desk puts a
 * consultation online only when its approved notice states every fact the page shows;
 * the 身份 a commenter chose comes down with the comment; the closed page links the published
 * adoption result.
 */
let server: TestServer
let t: TestCore
let serverNow = FIXED_NOW
let started = false
afterEach(async () => {
  if (!started) return
  started = false
  await t.cleanup()
  await server.destroy()
})

async function desk(): Promise<void> {
  serverNow = FIXED_NOW
  started = true
  ;({ server, t } = await deskWithServer({ clock: () => serverNow, seed: 7 }))
}

/** Open from 2026-11-26 (the servers' "today") to 2026-12-10. */
async function openOnline() {
  const draft = await draftPolicy(t)
  const opened = await t.call(
    'engagement:consultation-open',
    consultationInput(draft.id, { startDate: '2026-11-26', endDate: '2026-12-10' }),
  )
  return { draft, opened, noticeId: opened.notice!.id }
}

/** The officer edits the notice's text by hand (a 修订稿 of the approved notice, or the draft). */
async function editNoticeByHand(noticeId: string, from: string, to: string): Promise<void> {
  const n = await t.call('items:get', { id: noticeId })
  expect(n.bodyHtml).toContain(from)
  await t.call('items:save', {
    id: n.id,
    baseRevision: n.revision,
    kind: n.kind,
    title: n.title,
    bodyHtml: n.bodyHtml.replace(from, to),
    issuer: n.issuer,
    docNumber: n.docNumber,
    signedDate: n.signedDate,
    plannedPublishDate: n.plannedPublishDate,
    topicId: n.topicId,
    genreId: n.genreId,
    catalogueEntryId: n.catalogueEntryId,
    confirmRevision: true,
  })
}

const engagementNotice = async () =>
  (await t.call('sync:status', {})).extensions.find((e) => e.name === 'engagement')?.notice ?? null

const publicPage = (id: string) => fetch(`${server.url}/consultations/${id}`)

describe('shownInNotice: every fact the public page shows is in the approved notice', () => {
  const wire: ConsultationWire = {
    noticeItemId: '0e9b7d4c-4f55-4b8e-9a41-3b7c2f1d9a10',
    noticeRevision: 1,
    title: '《高新区小微企业补贴办法（征求意见稿）》公开征求意见',
    draftTitle: '高新区小微企业补贴办法（征求意见稿）',
    decisionType: 'normative',
    startDate: '2026-11-26',
    endDate: '2026-12-10',
    shortReason: '',
    questions: '一、补贴申请条件是否合理？\n\n二、审核时限是否合适？',
    contact: '区科技局综合科，联系电话 0533-3580000',
    channels: ['online', 'email'],
    paragraphs: [
      { no: 1, text: '第一条 为支持小微企业发展，制定本办法。' },
      { no: 2, text: '第二条 申请补贴须连续缴纳社会保险满一年。' },
    ],
    attachments: [],
  }
  const notice = sanitiseHtml(noticeHtml({ ...wire, calendarDays: 15 }))

  it('matches the notice generated from the consultation, also in an earlier wording', () => {
    expect(shownInNotice(notice, wire)).toBe(true)
    // Another version of the desk worded the frame differently; the facts are the same.
    const older = notice
      .replace('为广泛听取社会各界意见', '为听取意见')
      .replace('<h2>征集说明</h2>', '<h2>需要征求意见的问题</h2>')
    expect(older).not.toBe(notice)
    expect(shownInNotice(older, wire)).toBe(true)
  })

  it('does not match once a fact the page shows was edited by hand in the notice', () => {
    const edits: [string, string][] = [
      ['0533-3580000', '0533-3589999'],
      ['满一年', '满六个月'],
      ['2026年12月10日', '2026年12月20日'],
      ['审核时限是否合适？', '审核时限是否合适？是否需要公示？'],
      ['公开征求意见</p>', '公开征求意见（第二次）</p>'],
      ['行政规范性文件', '重大行政决策'],
    ]
    for (const [from, to] of edits) {
      expect(notice).toContain(from)
      expect(shownInNotice(notice.replace(from, to), wire), `${from} → ${to}`).toBe(false)
    }
    // A paragraph added to the notice only, or one removed from it.
    expect(
      shownInNotice(
        notice.replace('</p><p>【第2段】', '</p><p>【第3段】另加的一条</p><p>【第2段】'),
        wire,
      ),
    ).toBe(false)
    expect(
      shownInNotice(notice, {
        ...wire,
        paragraphs: [...wire.paragraphs, { no: 3, text: '第三条' }],
      }),
    ).toBe(false)
    // The consultation changed after the notice was approved.
    expect(shownInNotice(notice, { ...wire, contact: '区科技局 0533-3581111' })).toBe(false)
    expect(shownInNotice(notice, { ...wire, channels: ['online', 'fax'] })).toBe(false)
  })
})

describe('意见征集 online: what the public page shows is what passed review', () => {
  it('does not put a consultation online when its notice was edited by hand before approval', async () => {
    await desk()
    const { opened, noticeId } = await openOnline()
    // The officer "fixes" the contact in the notice, not in the consultation: the reviewers
    // approve the notice with 0533-3589999, the consultation still says 0533-3580000.
    await editNoticeByHand(noticeId, '0533-3580000', '0533-3589999')
    await passReview(t, noticeId)
    expect(await t.core.sync.runOnce(true)).toEqual({ kind: 'done' })

    expect(await engagementNotice()).toContain(noticeMismatchNotice(opened.title))
    expect((await publicPage(opened.id)).status).toBe(404)
    const row = await server
      .db()
      .selectFrom('consultations')
      .select('id')
      .where('id', '=', opened.id)
      .executeTakeFirst()
    expect(row).toBeUndefined()
  })

  it('takes the page down, never showing the old text, when a hand-edited notice revision is approved later', async () => {
    await desk()
    const { draft, opened, noticeId } = await openOnline()
    await passReview(t, noticeId)
    expect(await t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    const before = await publicPage(opened.id)
    expect(before.status).toBe(200)
    expect(await before.text()).toContain('0533-3580000')
    expect(await engagementNotice()).toBeNull()

    // A 修订稿 of the approved notice, edited by hand and approved: the district now holds the
    // notice's revision 2, whose text the consultation's fields do not generate.
    await editNoticeByHand(noticeId, '0533-3580000', '0533-3589999')
    await passReview(t, noticeId)
    expect(await t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    expect(await engagementNotice()).toContain(noticeMismatchNotice(opened.title))
    const after = await publicPage(opened.id)
    expect(after.status).toBe(404)
    expect(await after.text()).not.toContain('0533-3580000')

    // The officer regenerates the notice from the consultation (保存并重新生成公告) and has it
    // approved: the page is back with the reviewed text, the notice gone.
    const { draftItemId: _draftItemId, ...fields } = consultationInput(draft.id, {
      startDate: '2026-11-26',
      endDate: '2026-12-10',
      contact: '区科技局综合科，联系电话 0533-3589999',
    })
    await t.call('engagement:consultation-update', { ...fields, id: opened.id })
    await passReview(t, noticeId)
    expect(await t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    expect(await engagementNotice()).toBeNull()
    const back = await publicPage(opened.id)
    expect(back.status).toBe(200)
    const text = await back.text()
    expect(text).toContain('0533-3589999')
    expect(text).not.toContain('0533-3580000')
  })
})

describe('意见征集 online: 身份 down the wire, the adoption result linked when published', () => {
  it('brings the 身份 chosen on the public form down to the desk, and links the published result on the page', async () => {
    await desk()
    const { opened, noticeId } = await openOnline()
    await passReview(t, noticeId)
    expect(await t.core.sync.runOnce(true)).toEqual({ kind: 'done' })

    const post = (fields: Record<string, string>) =>
      fetch(`${server.url}/consultations/${opened.id}/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      })
    expect(
      (
        await post({
          body: '建议明确企业的申报材料清单。',
          type: 'company',
          contact: '13812345678',
        })
      ).status,
    ).toBe(201)
    expect((await post({ body: '建议缩短审核时限。', type: '' })).status).toBe(201)
    expect(await t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    const list = await t.call('engagement:comments', { id: opened.id })
    const byBody = new Map(list.comments.map((c) => [c.body, c]))
    expect(byBody.get('建议明确企业的申报材料清单。')).toMatchObject({
      commenterType: 'company',
      contactMasked: '138****5678',
    })
    // Not chosen: 社会公众, as before.
    expect(byBody.get('建议缩短审核时限。')?.commenterType).toBe('public')

    for (const c of list.comments) {
      await t.call('engagement:comment-decide', {
        consultationId: opened.id,
        commentId: c.id,
        wholeGroup: false,
        decision: 'rejected',
        reason: '申报材料与审核时限由实施细则规定',
        paragraphNo: null,
        changedRevision: null,
      })
    }
    // The period is over (Beijing 2026-12-11) on both sides.
    const after = new Date('2026-12-11T02:00:00.000Z')
    t.clock.set(after)
    serverNow = after
    await loginAs(t, OFFICER)
    const result = await t.call('engagement:result-generate', { id: opened.id })
    expect(result.bodyHtml).toContain('企业 1 条')
    await passReview(t, result.id)
    expect(await t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    const online = await server
      .db()
      .selectFrom('consultations')
      .select('result_item_id')
      .where('id', '=', opened.id)
      .executeTakeFirstOrThrow()
    expect(online.result_item_id).toBe(result.id)
    // Held but not published yet: no link.
    let page = await (await publicPage(opened.id)).text()
    expect(page).not.toContain('意见采纳情况')

    const url = 'https://www.zbgx.gov.cn/zwgk/yjzj/2026/12/result.html'
    await publishItem(server.db(), result.id, url, after.toISOString())
    page = await (await publicPage(opened.id)).text()
    expect(page).toContain('<h2>意见采纳情况</h2>')
    expect(page).toContain(`<a href="${url}">${result.title}</a>`)
  })
})

describe('意见征集 online: a district server before the result link', () => {
  it('sends the consultation again without resultItemId when the server refuses the field, keeping the file hashes', async () => {
    await desk()
    const { draft, opened, noticeId } = await openOnline()
    const file = join(t.dataDir, '起草说明.pdf')
    writeFileSync(file, deterministicBytes(30_000, 9, '%PDF-1.4\n'))
    t.platform.openAnswers.push(file)
    await t.call('attachments:add', { itemId: noticeId })
    await passReview(t, noticeId)
    expect(await t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    const store = await openStore(t)
    try {
      // Any item of the desk stands in for the generated 采纳情况说明.
      const resultId = draft.id
      await store.db
        .updateTable('consultations')
        .set({ result_item_id: resultId })
        .where('id', '=', opened.id)
        .execute()
      // The server of before: the same wire schema without the field (its real error message).
      const older = consultationWireSchema.omit({ resultItemId: true })
      const bodies: Record<string, unknown>[] = []
      const result = await syncEngagement({
        db: store.db,
        clock: () => FIXED_NOW,
        events: createEventBus(),
        actor: null,
        logger: silentLogger,
        uploadFiles: () => Promise.resolve({ kind: 'done', failed: 0 }),
        request: async (method, path, body, schema) => {
          if (path.startsWith('/consultations/comments'))
            return {
              kind: 'ok',
              status: 200,
              body: schema.parse(
                commentsPageSchema.parse({ comments: [], next: 0, hasMore: false }),
              ),
            }
          bodies.push(body as Record<string, unknown>)
          try {
            parseOrThrow(older, body, '意见征集')
          } catch (e) {
            const err = e as ApiError
            return { kind: 'rejected', status: 400, code: err.code, message: err.message }
          }
          return {
            kind: 'ok',
            status: 200,
            body: schema.parse({ id: opened.id, result: 'updated' }),
          }
        },
      })
      expect(result).toEqual({ kind: 'done' })
      expect(bodies).toHaveLength(2)
      expect(bodies[0]).toMatchObject({ resultItemId: resultId })
      expect(bodies[1]).not.toHaveProperty('resultItemId')
      expect(bodies[1]).toMatchObject({
        noticeItemId: noticeId,
        attachments: [{ name: '起草说明.pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }],
      })
    } finally {
      await store.close()
    }
  })
})
