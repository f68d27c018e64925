import { describe, expect, it } from 'vitest'
import type { DiffRow } from '../../src/shared/items/types'
import { AUTOSAVE_TIMING, AutosaveScheduler, autosaveDelay } from '../../src/shared/items/autosave'
import {
  contentInput,
  emptyItemForm,
  itemFormSchema,
} from '../../src/renderer/features/drafting/editor/item-form'
import {
  EMPTY_FILTERS,
  extraFilterCount,
  toItemQuery,
} from '../../src/renderer/features/drafting/list/list-query'
import { foldUnchanged } from '../../src/renderer/features/drafting/revisions/diff-rows'
import { validateWith } from '../../src/renderer/lib/zod-form'
import { limitOf } from '../../src/renderer/lib/schema-limits'
import { itemSaveSchema } from '../../src/shared/items/schemas'

describe('autosave timing', () => {
  const timing = { debounceMs: 2000, maxWaitMs: 5000 }

  it('waits two seconds after the last change', () => {
    expect(autosaveDelay(0, 0, 0, timing)).toBe(2000)
    expect(autosaveDelay(0, 1000, 1000, timing)).toBe(2000)
  })

  it('saves at most five seconds after the first change while typing continues', () => {
    expect(autosaveDelay(0, 4000, 4000, timing)).toBe(1000)
    expect(autosaveDelay(0, 4900, 4900, timing)).toBe(100)
    expect(autosaveDelay(0, 6000, 6000, timing)).toBe(0)
  })

  it('the editor saves within 2 s of idle and at least every 2 s of continuous typing (issue 10)', () => {
    expect(AUTOSAVE_TIMING.debounceMs).toBeLessThanOrEqual(2000)
    expect(AUTOSAVE_TIMING.maxWaitMs).toBeLessThanOrEqual(2000)
    // A keystroke every 100 ms for 10 s: saves come at most maxWaitMs apart.
    let now = 0
    const timers: { at: number; fn: () => void; id: number }[] = []
    let next = 1
    const saves: number[] = []
    const scheduler = new AutosaveScheduler(
      () => {
        saves.push(now)
        scheduler.taken()
      },
      {
        now: () => now,
        set: (fn, ms) => {
          timers.push({ at: now + ms, fn, id: next })
          return next++
        },
        clear: (id) => {
          const i = timers.findIndex((t) => t.id === id)
          if (i >= 0) timers.splice(i, 1)
        },
      },
    )
    const advanceTo = (t: number) => {
      for (;;) {
        timers.sort((a, b) => a.at - b.at)
        const due = timers[0]
        if (!due || due.at > t) break
        timers.shift()
        now = due.at
        due.fn()
      }
      now = t
    }
    for (let t = 0; t < 10_000; t += 100) {
      advanceTo(t)
      scheduler.changed()
    }
    advanceTo(20_000)
    expect(saves.length).toBeGreaterThanOrEqual(6)
    const gaps = saves.slice(1).map((s, i) => s - saves[i]!)
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2000)
    // The last keystroke (t = 9.9 s) is saved within the debounce.
    expect(saves.at(-1)! - 9900).toBeLessThanOrEqual(AUTOSAVE_TIMING.debounceMs)
  })
})

describe('item form', () => {
  it('takes its limits from the shared schema and enforces them as you type (issue 10)', () => {
    for (const field of ['title', 'issuer', 'docNumber'] as const) {
      const max = limitOf(itemFormSchema, field).maxLength
      expect(max).toBeGreaterThan(0)
      expect(max).toBe(limitOf(itemSaveSchema, field).maxLength)
    }
    expect(limitOf(itemFormSchema, 'title').maxLength).toBe(300)
    const r = validateWith(itemFormSchema, { ...emptyItemForm(), title: '长'.repeat(5000) })
    expect(!r.ok && r.errors.title).toBe('标题最多 300 个字符')
  })

  it('checks the 发文字号 with the shared validator', () => {
    const r = validateWith(itemFormSchema, {
      ...emptyItemForm('policy'),
      title: '标题',
      docNumber: '淄高新管办字[2023]12号',
    })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.errors.docNumber).toContain('六角括号')
  })

  it('requires a title and accepts 无文号', () => {
    const r = validateWith(itemFormSchema, { ...emptyItemForm(), docNumber: '无文号' })
    expect(!r.ok && r.errors).toEqual({ title: '请填写标题' })
  })

  it('sends dates as YYYY-MM-DD and trims text', () => {
    const input = contentInput(
      { ...emptyItemForm(), title: ' 标题 ', signedDate: '2024-03-15 00:00:00' },
      '<p>正文</p>',
    )
    expect(input).toMatchObject({
      title: '标题',
      signedDate: '2024-03-15',
      bodyHtml: '<p>正文</p>',
    })
  })
})

describe('item list query', () => {
  it('sends only the filters that are set', () => {
    expect(toItemQuery(EMPTY_FILTERS, '  ')).toEqual({ sort: 'updated', order: 'desc' })
  })

  it('turns a one-day range into from = to and late-only into late: true', () => {
    const q = toItemQuery(
      { ...EMPTY_FILTERS, signed: ['2024-03-01', null], lateOnly: true, statuses: ['draft'] },
      '雨污分流',
    )
    expect(q).toMatchObject({
      text: '雨污分流',
      signedFrom: '2024-03-01',
      signedTo: '2024-03-01',
      late: true,
      statuses: ['draft'],
    })
    expect(
      extraFilterCount({ ...EMPTY_FILTERS, signed: ['2024-03-01', null], lateOnly: true }),
    ).toBe(2)
  })
})

describe('diff folding', () => {
  const same = (n: number): DiffRow => ({
    op: 'same',
    left: `第${n}段`,
    right: `第${n}段`,
    leftNo: n,
    rightNo: n,
  })

  it('folds long unchanged runs, keeping two rows of context around a change', () => {
    const rows: DiffRow[] = [...Array.from({ length: 10 }, (_, i) => same(i + 1))]
    rows.splice(8, 0, { op: 'added', left: null, right: '新段', leftNo: null, rightNo: 9 })
    const blocks = foldUnchanged(rows)
    expect(blocks.map((b) => [b.kind, b.rows.length])).toEqual([
      ['gap', 6],
      ['rows', 5],
    ])
  })

  it('keeps short unchanged runs visible', () => {
    const blocks = foldUnchanged([same(1), same(2)])
    expect(blocks).toEqual([{ kind: 'rows', rows: [same(1), same(2)] }])
  })
})
