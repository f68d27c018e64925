import { afterEach, describe, expect, it } from 'vitest'
import { receiveComments } from '../../../src/core/engagement/comments'
import { engagementFigures } from '../../../src/core/engagement/figures'
import { adoptionFigures, commentRows } from '../../../src/core/engagement/result-basis'
import type { TestCore } from '../../helpers/test-core'
import { mayOpenConsultationFrom } from '../../../src/shared/engagement/rules'
import {
  consultationInput,
  districtHolds,
  draftPolicy,
  loginAs,
  OFFICER,
  openStore,
  passReview,
  received,
  reviewCore,
} from './helpers'

let t: TestCore
afterEach(async () => {
  await t.cleanup()
})

describe('意见征集: period rules', () => {
  it('warns when a 重大行政决策 period is under 30 days (重大行政决策程序暂行条例第十五条) and asks for the reason', async () => {
    t = await reviewCore()
    const short = await t.call('engagement:period-check', {
      decisionType: 'major',
      startDate: '2026-12-01',
      endDate: '2026-12-20',
      shortReason: '',
    })
    expect(short.calendarDays).toBe(20)
    expect(short.warnings.map((w) => w.code)).toEqual(['major_short', 'short_unexplained'])
    const explained = await t.call('engagement:period-check', {
      decisionType: 'major',
      startDate: '2026-12-01',
      endDate: '2026-12-20',
      shortReason: '上级要求年底前出台',
    })
    expect(explained.warnings.map((w) => w.code)).toEqual(['major_short'])
    const full = await t.call('engagement:period-check', {
      decisionType: 'major',
      startDate: '2026-12-01',
      endDate: '2026-12-30',
      shortReason: '',
    })
    expect(full.calendarDays).toBe(30)
    expect(full.warnings).toEqual([])
  })

  it('counts 行政规范性文件 periods in working days from the calendar (国办发〔2018〕37号: ≥7)', async () => {
    t = await reviewCore()
    // 2026-12-01 (Tue) … 12-09 (Wed): 7 working days; to 12-08: 6.
    const seven = await t.call('engagement:period-check', {
      decisionType: 'normative',
      startDate: '2026-12-01',
      endDate: '2026-12-09',
      shortReason: '',
    })
    expect(seven.workingDays).toBe(7)
    expect(seven.warnings).toEqual([])
    const six = await t.call('engagement:period-check', {
      decisionType: 'normative',
      startDate: '2026-12-01',
      endDate: '2026-12-08',
      shortReason: '',
    })
    expect(six.workingDays).toBe(6)
    expect(six.warnings[0]!.message).toContain('不少于 7 个工作日')
    // Over the 2026 National Day holiday (10-01…10-07 off, 09-20 and 10-10 make-up days).
    const holiday = await t.call('engagement:period-check', {
      decisionType: 'normative',
      startDate: '2026-09-30',
      endDate: '2026-10-12',
      shortReason: '',
    })
    expect(holiday.calendarDays).toBe(13)
    expect(holiday.warnings.map((w) => w.code)).toContain('normative_short')
  })
})

describe('意见征集: draft → notice through 保密审查 → comments → decisions → result → final policy', () => {
  it('runs the whole record, and the adoption result counts equal the decisions', async () => {
    t = await reviewCore()
    const draft = await draftPolicy(t)
    const opened = await t.call('engagement:consultation-open', consultationInput(draft.id))
    expect(opened.state).toBe('preparing')
    expect(opened.paragraphs.map((p) => p.no)).toEqual([1, 2, 3, 4])
    expect(opened.notice?.kind).toBe('consultation')
    const notice = await t.call('items:get', { id: opened.notice!.id })
    expect(notice.title).toBe('关于公开征求《高新区小微企业补贴办法（征求意见稿）》意见的公告')
    expect(notice.bodyHtml).toContain('【第3段】第三条 申请补贴须连续缴纳社会保险满一年。')
    expect(notice.bodyHtml).toContain('不会公开')

    // The notice passes the same review chain as any disclosure.
    await passReview(t, notice.id)
    expect((await t.call('engagement:consultation-get', { id: opened.id })).state).toBe('approved')

    // Comments arrive (as the sync extension stores them).
    const store = await openStore(t)
    const form =
      '坚决反对把社保年限定为一年，建议改为六个月，这样刚落户的小微企业也能享受补贴政策。'
    const xss = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    const comments = [
      received(opened.id, form, { paragraphNo: 3 }),
      received(opened.id, `${form}——王某`, { paragraphNo: 3 }),
      received(opened.id, `张三：${form}`, { paragraphNo: 3 }),
      received(opened.id, '第二条应写明是否包括个体工商户。', { paragraphNo: 2 }),
      received(opened.id, xss),
      received(opened.id, '建议增加对外卖平台骑手的就业补贴。'),
    ]
    expect(await receiveComments(store.db, comments, t.clock.clock)).toBe(6)
    // Idempotent: the same feed page again adds nothing.
    expect(await receiveComments(store.db, comments, t.clock.clock)).toBe(0)
    let list = await t.call('engagement:comments', { id: opened.id })
    expect(list.comments).toHaveLength(6)
    expect(list.groups).toHaveLength(1)
    expect(list.groups[0]!.commentIds).toHaveLength(3)
    expect(list.comments.find((c) => c.body === xss)).toBeDefined()

    const [formFirst, , , para2, xssComment, outside] = comments.map((c) =>
      list.comments.find((v) => v.id === c.id)!,
    )
    // A decision other than 采纳 needs its reason.
    const refused = await t.send('engagement:comment-decide', {
      consultationId: opened.id,
      commentId: para2!.id,
      wholeGroup: false,
      decision: 'rejected',
      reason: '',
      paragraphNo: null,
      changedRevision: null,
    })
    expect(refused.ok).toBe(false)
    // The revision named must be one made after the consultation opened.
    const stale = await t.send('engagement:comment-decide', {
      consultationId: opened.id,
      commentId: formFirst!.id,
      wholeGroup: true,
      decision: 'adopted',
      reason: '',
      paragraphNo: 3,
      changedRevision: draft.revision,
    })
    expect(stale.ok).toBe(false)
    if (!stale.ok) expect(stale.error.message).toContain('发起征集')

    // The officer revises the draft because of the form letters, then ties them to that revision.
    const current = await t.call('items:get', { id: draft.id })
    const revised = await t.call('items:save', {
      id: draft.id,
      baseRevision: current.revision,
      kind: current.kind,
      title: current.title,
      bodyHtml: current.bodyHtml.replace('满一年', '满六个月'),
      issuer: current.issuer,
      docNumber: current.docNumber,
      signedDate: current.signedDate,
      plannedPublishDate: current.plannedPublishDate,
      topicId: current.topicId,
      genreId: current.genreId,
      catalogueEntryId: current.catalogueEntryId,
    })
    list = await t.call('engagement:comment-decide', {
      consultationId: opened.id,
      commentId: formFirst!.id,
      wholeGroup: true,
      decision: 'adopted',
      reason: '',
      paragraphNo: 3,
      changedRevision: revised.revision,
    })
    expect(list.comments.filter((c) => c.decision === 'adopted')).toHaveLength(3)
    expect(list.comments.find((c) => c.decision === 'adopted')!.changedRevision).toBe(
      revised.revision,
    )

    const decide = (
      commentId: string,
      decision: 'partly' | 'rejected' | 'out_of_scope',
      reason: string,
    ) =>
      t.call('engagement:comment-decide', {
        consultationId: opened.id,
        commentId,
        wholeGroup: false,
        decision,
        reason,
        paragraphNo: null,
        changedRevision: null,
      })
    await decide(para2!.id, 'partly', '个体工商户参照执行，已在第二条补充')
    // Not while the period runs (it ends 2026-12-10; that day still belongs to it), even with
    // comments in: a late one may still come (713号令第十五条: the opinions of the whole period).
    t.clock.set(new Date('2026-12-10T15:59:00.000Z')) // 23:59 on the 10th in Beijing
    await loginAs(t, OFFICER) // two weeks later: the idle session was locked
    const running = await t.send('engagement:result-generate', { id: opened.id })
    expect(running.ok).toBe(false)
    if (!running.ok) {
      expect(running.error.code).toBe('CONFLICT')
      expect(running.error.message).toBe(
        '征集期至2026年12月10日结束，征集期结束后才能生成意见采纳情况说明',
      )
    }
    expect((await t.call('engagement:consultation-get', { id: opened.id })).periodOver).toBe(false)
    t.clock.set(new Date('2026-12-10T16:00:00.000Z')) // 00:00 on the 11th in Beijing
    await loginAs(t, OFFICER)
    expect((await t.call('engagement:consultation-get', { id: opened.id })).periodOver).toBe(true)
    // The result cannot be generated while comments wait.
    const early = await t.send('engagement:result-generate', { id: opened.id })
    expect(early.ok).toBe(false)
    if (!early.ok) expect(early.error.message).toContain('还有 2 条意见未处理')
    await decide(xssComment!.id, 'rejected', '<b>与本办法无关</b>')
    await decide(outside!.id, 'out_of_scope', '骑手就业补贴另有专项政策')

    const result = await t.call('engagement:result-generate', { id: opened.id })
    expect(result.kind).toBe('consultation')
    expect(result.title).toBe('关于《高新区小微企业补贴办法（征求意见稿）》征求意见采纳情况的说明')
    // Counts equal the decisions.
    const rows = await commentRows(store.db, opened.id)
    const figures = adoptionFigures(rows)
    expect(figures.total).toBe(6)
    expect(figures.byDecision).toEqual({ adopted: 3, partly: 1, rejected: 1, out_of_scope: 1 })
    expect(figures.distinct).toBe(4)
    expect(result.bodyHtml).toContain('共收到意见建议 6 条')
    expect(result.bodyHtml).toContain('归并后共 4 条不同意见')
    expect(result.bodyHtml).toContain(
      '采纳 3 条，部分采纳 1 条，不予采纳 1 条，不属于本次征集范围 1 条',
    )
    expect(result.bodyHtml).toContain('社会公众 6 条')
    // What commenters typed is text in the result, never markup.
    expect(result.bodyHtml).not.toContain('<script')
    expect(result.bodyHtml).not.toContain('<img')
    expect(result.bodyHtml).toContain('&lt;b&gt;与本办法无关&lt;/b&gt;')
    // The table has a line per distinct decision; the group's line counts 3.
    expect(result.bodyHtml).toMatch(
      /第3段<\/td><td>3<\/td><td>采纳<\/td><td>已在修改稿（第 \d+ 版）中采纳/,
    )

    // The result goes through review like any other disclosure.
    await passReview(t, result.id)
    expect((await t.call('items:get', { id: result.id })).status).toBe('approved')
    const view = await t.call('engagement:consultation-final', {
      id: opened.id,
      finalItemId: draft.id,
    })
    expect(view.state).toBe('result_drafted')
    expect(view.draft.id).toBe(draft.id)
    expect(view.result?.id).toBe(result.id)
    expect(view.finalPolicy?.id).toBe(draft.id)
    expect(view.commentCount).toBe(6)
    expect(view.undecidedCount).toBe(0)

    // Editing the consultation after the result exists is refused.
    const { draftItemId: _draftItemId, ...fields } = consultationInput(draft.id)
    const late = await t.send('engagement:consultation-update', { ...fields, id: opened.id })
    expect(late.ok).toBe(false)

    // Section 一 of the annual report counts a consultation once its notice went online: not yet.
    expect((await engagementFigures(store.db, 2026)).consultations).toMatchObject({
      count: 0,
      comments: 0,
    })
    await districtHolds(t, notice.id, (await t.call('items:get', { id: notice.id })).revision)
    const annual = await engagementFigures(store.db, 2026)
    expect(annual.consultations).toMatchObject({
      count: 1,
      comments: 6,
      adopted: 3,
      partly: 1,
      rejected: 1,
      outOfScope: 1,
    })
    await store.close()
  })

  it('regenerates the notice when the consultation changes: a 修订稿 that must pass review, the approved one stays in force', async () => {
    t = await reviewCore()
    const draft = await draftPolicy(t)
    const opened = await t.call('engagement:consultation-open', consultationInput(draft.id))
    await passReview(t, opened.notice!.id)
    await loginAs(t, OFFICER)
    const { draftItemId: _d, ...fields } = consultationInput(draft.id)
    const updated = await t.call('engagement:consultation-update', {
      ...fields,
      id: opened.id,
      endDate: '2026-12-31',
    })
    // The approved notice stays what syncs until the revised one is approved itself.
    expect(updated.state).toBe('approved')
    const notice = await t.call('items:get', { id: opened.notice!.id })
    expect(notice.status).toBe('draft')
    expect(notice.bodyHtml).toContain('2026年12月31日')
    await passReview(t, notice.id)
    expect((await t.call('items:get', { id: notice.id })).status).toBe('approved')
  })

  it('refuses to open a consultation from a consultation notice or an empty draft', async () => {
    t = await reviewCore()
    const empty = await draftPolicy(t).then((d) =>
      t.call('items:save', {
        id: d.id,
        baseRevision: d.revision,
        kind: d.kind,
        title: d.title,
        bodyHtml: '',
        issuer: d.issuer,
        docNumber: d.docNumber,
        signedDate: d.signedDate,
        plannedPublishDate: null,
        topicId: null,
        genreId: null,
        catalogueEntryId: null,
      }),
    )
    const r = await t.send('engagement:consultation-open', consultationInput(empty.id))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain('正文为空')
  })

  it('opens only from a document draft whose 类别 fits (shared rule: the editor button shows the same)', async () => {
    t = await reviewCore()
    const interpretation = await draftPolicy(t).then((d) =>
      t.call('items:save', {
        kind: 'interpretation',
        title: '关于小微企业补贴办法的政策解读',
        bodyHtml: d.bodyHtml,
        issuer: d.issuer,
        docNumber: '无文号',
        signedDate: d.signedDate,
      }),
    )
    expect(mayOpenConsultationFrom(interpretation)).toBe(false)
    const r = await t.send('engagement:consultation-open', consultationInput(interpretation.id))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain('不能发起')
    const policy = await draftPolicy(t)
    expect(mayOpenConsultationFrom(policy)).toBe(true)
    expect((await t.send('engagement:consultation-open', consultationInput(policy.id))).ok).toBe(
      true,
    )
  })
})
