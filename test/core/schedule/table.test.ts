import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { evidenceState } from '../../../src/core/schedule/status'
import type { TestCore } from '../../helpers/test-core'
import {
  approve,
  LEADER,
  loginAs,
  newItem,
  OFFICER,
  query,
  REVIEWER,
  reviewCore,
  submit,
} from '../review/workflow/helpers'
import { breakdownXlsx } from './breakdown-fixtures'
import { importThroughUi } from './schedule-helpers'

// The test clock stands at 2026-11-26 (a Thursday); the table is 2026's.
let t: TestCore
let ids: string[]
beforeEach(async () => {
  t = await reviewCore()
  const bytes = await breakdownXlsx((rows) => {
    rows[5]![5] = '2026年11月20日' // task 1: past → 逾期 unless done
    rows[6]![5] = '2026年11月29日' // task 2: Sunday of this week
    rows[7]![5] = '2026年12月底前' // task 3
    rows[9]![5] = '持续推进' // tasks 4, 5 (merged)
  })
  const { result } = await importThroughUi(t, '分解表.xlsx', bytes, 2026)
  if (!result?.ok) throw new Error('import failed')
  ids = (await t.call('schedule:list', { year: 2026 })).map((x) => x.id)
})
afterEach(async () => {
  await t.cleanup()
})

describe('filling the 配档表', () => {
  it('keeps several 具体措施 per task, editable and removable', async () => {
    await t.call('schedule:add-measure', { taskId: ids[0]!, text: '开设投资政策专栏' })
    let v = await t.call('schedule:add-measure', { taskId: ids[0]!, text: '每月更新' })
    expect(v.measures.map((m) => m.text)).toEqual(['开设投资政策专栏', '每月更新'])
    v = await t.call('schedule:update-measure', { id: v.measures[1]!.id, text: '每月 5 日前更新' })
    v = await t.call('schedule:remove-measure', { id: v.measures[0]!.id })
    expect(v.measures.map((m) => m.text)).toEqual(['每月 5 日前更新'])
  })

  it('keeps the dated 进展情况 history, newest first, with who wrote it', async () => {
    await t.call('schedule:add-progress', {
      taskId: ids[2]!,
      date: '2026-10-10',
      text: '完成政策梳理',
    })
    const v = await t.call('schedule:add-progress', {
      taskId: ids[2]!,
      date: '2026-11-20',
      text: '已发布 3 条',
    })
    expect(v.progress.map((p) => [p.date, p.text, p.createdByName])).toEqual([
      ['2026-11-20', '已发布 3 条', '张起草'],
      ['2026-10-10', '完成政策梳理', '张起草'],
    ])
  })

  it('saves 公开内容/载体, 责任科室, 责任人, 备注 and the department’s own 完成时限 (read as a date where it says one)', async () => {
    const v = await t.call('schedule:update-task', {
      id: ids[3]!,
      disclosureContent: '政府网站“政策解读”栏目',
      sectionOffice: '办公室',
      owner: '王五',
      note: '与财政局会商',
      deadlineText: '2026年12月15日前',
    })
    expect(v).toMatchObject({
      disclosureContent: '政府网站“政策解读”栏目',
      sectionOffice: '办公室',
      owner: '王五',
      note: '与财政局会商',
      districtDeadline: '持续推进',
      deadline: { text: '2026年12月15日前', date: '2026-12-15' },
    })
    const back = await t.call('schedule:update-task', { id: ids[3]!, deadlineText: null })
    expect(back.deadline).toEqual({ text: '持续推进', date: null })
  })

  it('derives the status: 未开始 → 推进中 → 已完成; 逾期 once the deadline has passed', async () => {
    const list = await t.call('schedule:list', { year: 2026 })
    expect(list.map((x) => x.status)).toEqual([
      'overdue',
      'not_started',
      'not_started',
      'not_started',
      'not_started',
    ])
    let v = await t.call('schedule:add-progress', {
      taskId: ids[2]!,
      date: '2026-11-25',
      text: '开始',
    })
    expect(v.status).toBe('in_progress')
    v = await t.call('schedule:complete', {
      id: ids[0]!,
      completedOn: '2026-11-25',
      completion: '专栏已上线',
    })
    expect(v).toMatchObject({ status: 'done', completedLate: true, completion: '专栏已上线' })
    v = await t.call('schedule:reopen', { id: ids[0]! })
    expect(v.status).toBe('overdue')
  })

  it('refuses changes from a user without the 起草人 role', async () => {
    await loginAs(t, REVIEWER)
    const r = await t.send('schedule:add-progress', {
      taskId: ids[0]!,
      date: '2026-11-25',
      text: 'x',
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN')
    // Reading stays open to everyone signed in.
    expect(await t.call('schedule:list', { year: 2026 })).toHaveLength(5)
  })

  it('audits every change with the task as target', async () => {
    await t.call('schedule:add-measure', { taskId: ids[0]!, text: 'a' })
    await t.call('schedule:add-progress', { taskId: ids[0]!, date: '2026-11-25', text: 'b' })
    await t.call('schedule:update-task', { id: ids[0]!, owner: '赵六' })
    await t.call('schedule:complete', { id: ids[0]!, completedOn: '2026-11-25', completion: 'c' })
    const actions = query<{ action: string }>(
      t,
      'SELECT action FROM audit_log WHERE target = ? ORDER BY seq',
      `schedule_task:${ids[0]}`,
    ).map((r) => r.action)
    expect(actions).toEqual([
      'schedule.measure_add',
      'schedule.progress_add',
      'schedule.task_update',
      'schedule.complete',
    ])
  })
})

describe('佐证材料 (evidence links)', () => {
  it('shows each linked item’s current state, read when the table is read', async () => {
    const item = await newItem(t, { title: '关于扩大有效投资的若干政策措施' })
    let v = await t.call('schedule:link-evidence', { taskId: ids[0]!, itemId: item.id })
    expect(v.evidence.map((e) => [e.title, e.state])).toEqual([
      ['关于扩大有效投资的若干政策措施', 'draft'],
    ])
    const again = await t.send('schedule:link-evidence', { taskId: ids[0]!, itemId: item.id })
    expect(again.ok).toBe(false)

    await submit(t, item)
    v = await t.call('schedule:get', { id: ids[0]! })
    expect(v.evidence[0]?.state).toBe('in_review')
    await loginAs(t, REVIEWER)
    await approve(t, item.id)
    await loginAs(t, LEADER)
    await approve(t, item.id)
    v = await t.call('schedule:get', { id: ids[0]! })
    expect(v.evidence[0]?.state).toBe('approved')

    await loginAs(t, OFFICER)
    await t.call('sync:withdraw', { id: item.id, reason: '内容有误，需要更正后重新发布' })
    v = await t.call('schedule:get', { id: ids[0]! })
    expect(v.evidence[0]?.state).toBe('withdrawn')

    v = await t.call('schedule:unlink-evidence', { id: v.evidence[0]!.id })
    expect(v.evidence).toEqual([])
  })

  it('maps item statuses to evidence states (已同步 = 已公开)', () => {
    expect(evidenceState('synced')).toBe('published')
    expect(evidenceState('approved')).toBe('approved')
    expect(evidenceState('returned')).toBe('draft')
  })
})

describe('where things stand', () => {
  it('counts by status, lists overdue and due-this-week tasks, and builds the month timeline', async () => {
    await t.call('schedule:complete', {
      id: ids[2]!,
      completedOn: '2026-11-01',
      completion: '已完成',
    })
    const o = await t.call('schedule:overview', { year: 2026 })
    expect(o.total).toBe(5)
    expect(o.counts).toEqual({ not_started: 3, in_progress: 0, done: 1, overdue: 1 })
    expect(o.overdue.map((x) => x.id)).toEqual([ids[0]])
    expect(o.dueThisWeek.map((x) => x.id)).toEqual([ids[1]])
    expect(o.timeline[10]).toMatchObject({ month: 11, due: 2, done: 0, overdue: 1 })
    expect(o.timeline[11]).toMatchObject({ month: 12, due: 1, done: 1 })
    expect(o.undated).toBe(2)
  })

  it('the home card counts the department’s own tasks of the current year', async () => {
    const card = await t.call('schedule:home', {})
    // Own: tasks 1 (市示范局), 3 (各部门单位), 4 (区示范局（牵头）).
    expect(card).toMatchObject({ year: 2026, total: 3 })
    expect(card.overdue.map((x) => x.id)).toEqual([ids[0]])
  })

  it('gives the year’s completion figures for the annual report’s section 六', async () => {
    const { scheduleYearFigures } = await import('../../../src/core/schedule/overview')
    await t.call('schedule:complete', {
      id: ids[0]!,
      completedOn: '2026-11-25',
      completion: '完成',
    })
    await t.call('schedule:complete', {
      id: ids[2]!,
      completedOn: '2026-11-01',
      completion: '完成',
    })
    const { openDatabase, closeDatabase } = await import('../../../src/core/db/database')
    const store = await openDatabase(t.dbPath, { appVersion: '0.1.0', readonly: true })
    try {
      const f = await scheduleYearFigures(store.db, 2026, '2026-12-31')
      expect(f).toMatchObject({
        total: 3,
        done: 2,
        doneOnTime: 1,
        doneLate: 1,
        notStarted: 1,
        overdue: 0,
        completionRate: 2 / 3,
      })
    } finally {
      await closeDatabase(store)
    }
  })

  it('a task added by hand can be removed; an imported one cannot', async () => {
    const v = await t.call('schedule:create-task', {
      year: 2026,
      requirement: '本单位自定任务：更新公开指南',
      districtDeadline: '12月底前',
    })
    expect(v).toMatchObject({ source: 'manual', own: true, deadline: { date: '2026-12-31' } })
    expect((await t.send('schedule:remove-task', { id: ids[0]! })).ok).toBe(false)
    await t.call('schedule:remove-task', { id: v.id })
    expect(await t.call('schedule:list', { year: 2026 })).toHaveLength(5)
  })
})

describe('audit of table changes', () => {
  it('names each changed field with its old and new value', async () => {
    await t.call('schedule:update-task', { id: ids[1]!, owner: '赵六', note: '急' })
    const rows = query<{ detail_json: string }>(
      t,
      "SELECT detail_json FROM audit_log WHERE action = 'schedule.task_update' ORDER BY seq",
    )
    expect(JSON.parse(rows.at(-1)!.detail_json)).toEqual({
      changes: { owner: { from: '', to: '赵六' }, note: { from: '', to: '急' } },
    })
  })
})
