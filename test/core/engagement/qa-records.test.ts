import { afterEach, describe, expect, it } from 'vitest'
import type { TestCore } from '../../helpers/test-core'
import { draftPolicy, LEADER, loginAs, OFFICER, passReview, REVIEWER, reviewCore } from './helpers'
import { qaApprove, qaDecision } from './qa-helpers'

let t: TestCore
afterEach(async () => {
  await t.cleanup()
})

const qaInput = (policyItemId: string) => ({
  question: '小微企业补贴需要哪些材料？',
  answer: '营业执照、社保缴纳证明和申请表。',
  policyItemId,
  interpretationItemId: null,
  keywords: '补贴,材料',
  validFrom: '2026-12-01',
  validTo: null,
})

describe('政策问答库: reviewed like items, valid only while its policy is', () => {
  it('passes the 保密审查 chain (people who did not write it), and is flagged when its policy is repealed (立改废)', async () => {
    t = await reviewCore()
    const policy = await draftPolicy(t)
    await passReview(t, policy.id)
    const qa = await t.call('engagement:qa-save', qaInput(policy.id))
    expect(qa.state).toBe('draft')
    expect(qa.flag).toBeNull()
    await t.call('engagement:qa-submit', { id: qa.id })
    // The author never decides (separation of duties).
    expect((await t.send('engagement:qa-review', await qaDecision(t, qa.id))).ok).toBe(false)
    await loginAs(t, REVIEWER)
    // 退回 needs a written note.
    const returned = await t.send(
      'engagement:qa-review',
      await qaDecision(t, qa.id, { decision: 'return' }),
    )
    expect(returned.ok).toBe(false)
    expect((await qaApprove(t, qa.id)).state).toBe('pending')
    await loginAs(t, LEADER)
    const approved = await qaApprove(t, qa.id)
    expect(approved.state).toBe('approved')
    expect(approved.reviewedByName).toBe('刘签发')

    await loginAs(t, OFFICER)
    const newer = await draftPolicy(t)
    await t.call('items:set-validity', {
      id: policy.id,
      validity: 'repealed',
      byItemId: newer.id,
      confirmRevision: true,
    })
    // 修订稿 (issue 10): the repeal is a working revision; until it passes review the approved,
    // valid revision stays in force — the answer is not flagged, and the figures count it.
    const [pending] = await t.call('engagement:qa-list', {})
    expect(pending!.flag).toBeNull()
    expect((await t.call('engagement:figures', { year: 2026 })).qa).toEqual({
      approved: 1,
      flagged: 0,
    })
    await passReview(t, policy.id)
    const [flagged] = await t.call('engagement:qa-list', {})
    expect(flagged!.flag).toBe('所依据的政策已废止（立改废），答复须重新审核')
    expect((await t.call('engagement:home', {})).flaggedQa).toBe(1)
    const figures = await t.call('engagement:figures', { year: 2026 })
    expect(figures.qa).toEqual({ approved: 0, flagged: 1 })
    // A flagged answer cannot be approved again until it is changed to rest on a valid policy.
    await t.call('engagement:qa-save', { ...qaInput(policy.id), id: qa.id })
    await t.call('engagement:qa-submit', { id: qa.id })
    await loginAs(t, REVIEWER)
    const again = await t.send('engagement:qa-review', await qaDecision(t, qa.id))
    expect(again.ok).toBe(false)
    if (!again.ok) expect(again.error.message).toContain('废止')
  })

  it('refuses a policy that is not a 政策文件 and an interpretation not linked to it', async () => {
    t = await reviewCore()
    const notice = await t.call('items:save', {
      kind: 'notice',
      title: '通知',
      bodyHtml: '<p>x</p>',
      issuer: '办公室',
      docNumber: '无文号',
      signedDate: null,
      plannedPublishDate: null,
      topicId: null,
      genreId: null,
      catalogueEntryId: null,
    })
    const r = await t.send('engagement:qa-save', qaInput(notice.id))
    expect(r.ok).toBe(false)
    const policy = await draftPolicy(t)
    const interp = await t.call('items:save', {
      kind: 'interpretation',
      title: '解读',
      bodyHtml: '<p>x</p>',
      issuer: '办公室',
      docNumber: '无文号',
      signedDate: null,
      plannedPublishDate: null,
      topicId: null,
      genreId: null,
      catalogueEntryId: null,
    })
    const unlinked = await t.send('engagement:qa-save', {
      ...qaInput(policy.id),
      interpretationItemId: interp.id,
    })
    expect(unlinked.ok).toBe(false)
    if (!unlinked.ok) expect(unlinked.error.message).toContain('未关联')
  })
})

describe('监督员、列席和培训 records', () => {
  it('warns on the home page from October when no training is recorded in the year (组织保障 二)', async () => {
    t = await reviewCore()
    // Moving the clock by days locks the session (idle): unlock as the officer each time.
    const at = async (iso: string) => {
      t.clock.set(new Date(iso))
      await t.send('auth:unlock', { password: OFFICER.password })
    }
    await at('2026-09-30T08:00:00Z')
    expect((await t.call('engagement:home', {})).trainingWarning).toBeNull()
    await at('2026-09-30T16:30:00Z') // 10-01 00:30 in Beijing
    const warning = (await t.call('engagement:home', {})).trainingWarning
    expect(warning).toContain('2026 年尚未登记政务公开专题培训')
    // The duty it rests on, as the plan words it (组织领导和工作保障 二).
    expect(warning).toContain('组织领导和工作保障（二）全面开展培训')
    expect(warning).toContain('年内至少组织一次专门业务培训')
    await t.call('engagement:training-save', {
      heldOn: '2026-10-09',
      topic: '政府信息公开条例专题培训',
      organiser: '区政务公开办',
      participantCount: 35,
      participantRoles: '各科室信息员',
      hours: 3,
      materials: '',
    })
    expect((await t.call('engagement:home', {})).trainingWarning).toBeNull()
    // A training of last year does not count for this one.
    await at('2027-10-15T02:00:00Z')
    expect((await t.call('engagement:home', {})).trainingWarning).toContain('2027 年')
  })

  it('records 列席 meetings with attendees by type and feeds the report figures', async () => {
    t = await reviewCore()
    await t.call('engagement:supervisor-save', {
      name: '周监督',
      organisation: '区人大代表',
      appointedOn: '2026-03-01',
      note: '',
    })
    const meeting = await t.call('engagement:attendance-save', {
      meeting: '区政府第 12 次常务会议',
      heldOn: '2026-06-18',
      attendees: [
        { name: '周监督', type: 'supervisor' },
        { name: '赵企业', type: 'stakeholder' },
        { name: '钱记者', type: 'media' },
      ],
      opinions: '建议补贴申请全程网办。',
      handling: '已采纳，纳入办法第五条。',
    })
    expect(meeting.attendees).toHaveLength(3)
    await t.call('engagement:training-save', {
      heldOn: '2026-05-10',
      topic: '主动公开目录编制培训',
      organiser: '',
      participantCount: 20,
      participantRoles: '',
      hours: 2.5,
      materials: '',
    })
    const figures = await t.call('engagement:figures', { year: 2026 })
    expect(figures.attendance).toEqual({
      meetings: 1,
      attendees: 3,
      byType: { stakeholder: 1, public: 0, expert: 0, media: 1, supervisor: 1 },
    })
    expect(figures.supervisors).toBe(1)
    expect(figures.trainings).toEqual({ count: 1, participants: 20, hours: 2.5 })
    expect(figures.sources.trainings).toContain('培训记录')
    // What attendees said and how it was adopted is published: a draft through the items service.
    const draft = await t.call('engagement:attendance-draft', { id: meeting.id })
    expect(draft.kind).toBe('news')
    expect(draft.status).toBe('draft')
    expect(draft.bodyHtml).toContain('监督员：周监督')
    expect(draft.bodyHtml).toContain('建议补贴申请全程网办。')
    expect(draft.bodyHtml).toContain('已采纳，纳入办法第五条。')
    await t.call('engagement:attendance-remove', { id: meeting.id })
    expect((await t.call('engagement:figures', { year: 2026 })).attendance.meetings).toBe(0)
    // Only officers change records.
    await loginAs(t, REVIEWER)
    expect(
      (
        await t.send('engagement:supervisor-save', {
          name: '某',
          organisation: '',
          appointedOn: null,
          note: '',
        })
      ).ok,
    ).toBe(false)
  })
})
