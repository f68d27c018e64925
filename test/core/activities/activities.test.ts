import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readSpreadsheet } from '../../../src/core/spreadsheet'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { query } from '../review/workflow/helpers'

let t: TestCore
beforeEach(async () => {
  t = await createTestCore()
})
afterEach(async () => {
  await t.cleanup()
})

const plan = {
  year: 2026,
  title: '走进政务服务中心',
  plannedDate: '2026-10-18',
  plannedTimeText: '上午 9:00',
  location: '区政务服务中心',
  form: '进机关',
  channel: 'offline' as const,
  content: '参观政务公开专区，现场解读惠企政策',
  invitees: '人大代表、政协委员、企业和群众代表',
  inviteeCount: 30,
  signup: '电话报名',
  contact: '李明',
  phone: '0533-1234567',
}

const record = (id: string) => ({
  id,
  heldOn: '2026-10-18',
  summary: '参观政务公开专区。\n现场解读惠企政策 3 项。',
  participants: '人大代表 3 名、企业代表 12 名、群众代表 10 名',
  participantCount: 25,
  opinions: [
    {
      opinion: '希望增加夜间办事窗口',
      adoption: 'adopted' as const,
      response: '自 11 月起周三延时至 19:00',
    },
    { opinion: '建议开通线上预约', adoption: 'partly' as const, response: '先在不动产登记试点' },
    {
      opinion: '取消所有纸质材料',
      adoption: 'not_adopted' as const,
      response: '部分事项法定须提交原件',
    },
  ],
})

describe('政府开放活动', () => {
  it('plans an activity with the 报送表 columns (单位名称 defaults to the department)', async () => {
    const a = await t.call('activities:save', plan)
    expect(a).toMatchObject({ ...plan, unitName: '杭州市示范局', state: 'planned', heldOn: null })
    const edited = await t.call('activities:save', { ...plan, id: a.id, location: '区档案馆' })
    expect(edited.location).toBe('区档案馆')
    expect(await t.call('activities:list', { year: 2026 })).toHaveLength(1)
    await t.call('activities:save', { ...plan, year: 2025, plannedDate: '2025-05-01' })
    expect(await t.call('activities:years', {})).toEqual([2026, 2025])
    await t.call('activities:remove', { id: a.id })
    expect(await t.call('activities:list', { year: 2026 })).toHaveLength(0)
    expect(await t.call('activities:years', {})).toEqual([2025])
  })

  it('refuses a planned date outside the year', async () => {
    const r = await t.send('activities:save', { ...plan, plannedDate: '2025-10-18' })
    expect(r.ok).toBe(false)
  })

  it('records what happened, who took part, the opinions and the answers (采纳情况)', async () => {
    const a = await t.call('activities:save', plan)
    const v = await t.call('activities:record', record(a.id))
    expect(v).toMatchObject({ state: 'held', heldOn: '2026-10-18', participantCount: 25 })
    expect(v.opinions.map((o) => o.adoption)).toEqual(['adopted', 'partly', 'not_adopted'])
    // Recording again replaces the opinions.
    const again = await t.call('activities:record', { ...record(a.id), opinions: [] })
    expect(again.opinions).toEqual([])
  })

  it('creates a disclosure draft prefilled from the record, through the items service, once', async () => {
    const a = await t.call('activities:save', plan)
    const early = await t.send('activities:create-draft', { id: a.id })
    expect(early.ok).toBe(false)
    await t.call('activities:record', record(a.id))
    const item = await t.call('activities:create-draft', { id: a.id })
    expect(item).toMatchObject({
      kind: 'news',
      status: 'draft',
      issuer: '杭州市示范局',
      signedDate: '2026-10-18',
    })
    expect(item.title).toBe('杭州市示范局开展“走进政务服务中心”政府开放活动')
    expect(item.bodyHtml).toContain('希望增加夜间办事窗口')
    expect(item.bodyHtml).toContain('部分采纳')
    expect(item.bodyHtml).toContain('采纳 1 条，部分采纳 1 条，未采纳 1 条')
    const again = await t.call('activities:create-draft', { id: a.id })
    expect(again.id).toBe(item.id)
    const v = await t.call('activities:get', { id: a.id })
    expect(v.item).toMatchObject({ id: item.id, status: 'draft' })
    const actions = query<{ action: string }>(
      t,
      "SELECT action FROM audit_log WHERE action LIKE 'activity.%' OR action = 'item.create' ORDER BY seq",
    ).map((r) => r.action)
    expect(actions).toEqual(['activity.create', 'activity.record', 'item.create', 'activity.draft'])
  })

  it('exports the 报送表 (.xlsx) with the plan and the record', async () => {
    const a = await t.call('activities:save', plan)
    await t.call('activities:save', {
      ...plan,
      title: '政策解读进社区',
      plannedDate: '2026-12-05',
      form: '讲座',
      channel: 'both',
    })
    await t.call('activities:record', record(a.id))
    const out = join(t.dataDir, '报送表.xlsx')
    t.platform.saveAnswers.push(out)
    expect(await t.call('activities:export', { year: 2026 })).toEqual({ file: out, count: 2 })
    const book = readSpreadsheet({ bytes: readFileSync(out), fileName: '报送表.xlsx' })
    const [planSheet, recordSheet] = book.sheets
    expect(planSheet?.rows[0]?.[0]).toBe('2026年政府开放活动计划安排报送表')
    expect(planSheet?.rows[2]).toEqual([
      '序号',
      '单位名称',
      '活动名称/主题',
      '计划时间',
      '地点',
      '形式',
      '主要内容',
      '邀请对象及人数',
      '报名方式',
      '联系人',
      '联系电话',
      '备注',
    ])
    expect(planSheet?.rows[3]?.slice(0, 6)).toEqual([
      '1',
      '杭州市示范局',
      '走进政务服务中心',
      '2026年10月18日 上午 9:00',
      '区政务服务中心',
      '进机关（线下）',
    ])
    expect(planSheet?.rows[4]?.[5]).toBe('讲座（线上线下）')
    // One row per opinion; the activity's cells merged down over them.
    expect(recordSheet?.rows.slice(2, 5).map((r) => r[6])).toEqual(['采纳', '部分采纳', '未采纳'])
    expect(recordSheet?.merges).toContainEqual({ top: 2, left: 1, bottom: 4, right: 1 })
  })

  it('gives the year’s figures for the report’s section 一', async () => {
    const { activityYearFigures } = await import('../../../src/core/activities/activities-service')
    const { openDatabase, closeDatabase } = await import('../../../src/core/db/database')
    const a = await t.call('activities:save', plan)
    await t.call('activities:save', { ...plan, title: '第二场' })
    await t.call('activities:record', record(a.id))
    const store = await openDatabase(t.dbPath, { appVersion: '0.1.0', readonly: true })
    try {
      expect(await activityYearFigures(store.db, 2026)).toEqual({
        year: 2026,
        planned: 2,
        held: 1,
        participants: 25,
        opinions: 3,
        adopted: 1,
        partlyAdopted: 1,
        notAdopted: 1,
        disclosed: 0,
      })
    } finally {
      await closeDatabase(store)
    }
  })
})
