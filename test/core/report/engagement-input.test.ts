import { afterEach, describe, expect, it } from 'vitest'
import { receiveComments } from '../../../src/core/engagement/comments'
import { engagementInputs } from '../../../src/core/report/engagement-input'
import type { TestCore } from '../../helpers/test-core'
import {
  consultationInput,
  districtHolds,
  draftPolicy,
  openStore,
  passReview,
  received,
  reviewCore,
} from '../engagement/helpers'

let t: TestCore
afterEach(async () => {
  await t.cleanup()
})

describe('年度报告 section 一: the engagement figures feed the narrative as live fields', () => {
  it('states the consultations whose notice went online, their comments and decisions, in the generated 总体情况 — a consultation never online is not counted', async () => {
    t = await reviewCore()
    const online = await t.call(
      'engagement:consultation-open',
      consultationInput((await draftPolicy(t)).id),
    )
    await passReview(t, online.notice!.id)
    const notice = await t.call('items:get', { id: online.notice!.id })
    await districtHolds(t, notice.id, notice.revision)
    // Approved, with letters registered, but its notice never reached the district.
    const never = await t.call(
      'engagement:consultation-open',
      consultationInput((await draftPolicy(t)).id, { title: '从未上线的征集' }),
    )
    await passReview(t, never.notice!.id)

    const store = await openStore(t)
    const feed = [
      received(online.id, '建议把社保年限改为六个月。'),
      received(online.id, '第二条应写明是否包括个体工商户。'),
      received(online.id, '建议增加对外卖平台骑手的就业补贴。'),
      received(never.id, '此意见不应计入。'),
      received(never.id, '此意见也不应计入。'),
    ]
    await receiveComments(store.db, feed, t.clock.clock)
    await store.close()
    const decisions = ['adopted', 'partly', 'rejected'] as const
    for (const [i, d] of decisions.entries()) {
      await t.call('engagement:comment-decide', {
        consultationId: online.id,
        commentId: feed[i]!.id,
        wholeGroup: false,
        decision: d,
        reason: d === 'adopted' ? '' : '理由',
        paragraphNo: null,
        changedRevision: null,
      })
    }
    for (const c of feed.slice(3)) {
      await t.call('engagement:comment-decide', {
        consultationId: never.id,
        commentId: c.id,
        wholeGroup: false,
        decision: 'adopted',
        reason: '',
        paragraphNo: null,
        changedRevision: null,
      })
    }

    const report = await t.call('report:get', { year: 2026 })
    const field = (key: string) => report.fields.find((f) => f.key === `engagement.${key}`)
    expect(field('consultations')?.value).toBe('1')
    expect(field('comments')?.value).toBe('3')
    expect(field('adopted')?.value).toBe('2')
    expect(field('resultsPublished')?.value).toBe('0')
    // The generated 总体情况 names them in words, filled in from the live fields.
    expect(report.generated.overview).toBe(true)
    expect(report.sections.overview).toContain('开展意见征集 {{engagement.consultations}} 次')
    expect(report.rendered.overview).toContain(
      '公众参与方面，开展意见征集 1 次，收到意见 3 条，采纳和部分采纳意见 2 条，公开采纳情况 0 次',
    )
    // The same reader the report uses, straight.
    const reader = await openStore(t)
    const inputs = await engagementInputs(reader.db, 2026)
    expect(inputs.find((x) => x.key === 'comments')?.value).toBe(3)
    await reader.close()
  })
})
