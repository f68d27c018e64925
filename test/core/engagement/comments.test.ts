import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, describe, expect, it } from 'vitest'
import { receiveComments } from '../../../src/core/engagement/comments'
import { exportCommentsFile } from '../../../src/core/engagement/export'
import type { TestCore } from '../../helpers/test-core'
import { XSS_PAYLOADS } from '../../helpers/xss-payloads'
import {
  consultationInput,
  draftPolicy,
  openStore,
  passReview,
  received,
  reviewCore,
} from './helpers'
import { xlsxCells } from './xlsx-cells'

let t: TestCore
afterEach(async () => {
  await t.cleanup()
})

describe('comments as typed: XSS and formula payloads stay literal text from the feed to the .xlsx', () => {
  it('stores every payload as received and exports each as a plain string cell — no formula, not altered, no names', async () => {
    t = await reviewCore()
    const draft = await draftPolicy(t)
    const opened = await t.call('engagement:consultation-open', consultationInput(draft.id))
    await passReview(t, opened.notice!.id)
    const store = await openStore(t)
    const feed = XSS_PAYLOADS.map((body, i) =>
      received(opened.id, body, { name: `留名${i}号`, contactMasked: '138****5678' }),
    )
    expect(await receiveComments(store.db, feed, t.clock.clock)).toBe(XSS_PAYLOADS.length)

    // Stored and listed exactly as typed (the renderer shows them as text: e2e engagement).
    const list = await t.call('engagement:comments', { id: opened.id })
    expect(list.comments.map((c) => c.body).sort()).toEqual([...XSS_PAYLOADS].sort())

    const file = join(t.dataDir, '意见汇总表.xlsx')
    const exported = await exportCommentsFile(store.db, null, opened.id, file, t.clock.clock)
    expect(exported.rows).toBe(XSS_PAYLOADS.length)
    const bytes = await readFile(file)
    const cells = await xlsxCells(bytes)
    for (const payload of XSS_PAYLOADS) {
      // The very text, not prefixed or escaped: the sheet is the record of what was said.
      const cell = cells.find((c) => c.text === payload)
      expect(cell, payload).toBeDefined()
      expect(cell!.formula, payload).toBe(false)
    }
    expect(cells.some((c) => c.formula)).toBe(false)
    // In the file itself: no formula element anywhere, the payload cells are shared strings
    // (t="s"; what Excel and WPS open as text, never computing `=HYPERLINK(…)` or `=cmd|…`).
    const zip = await JSZip.loadAsync(bytes)
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    expect(sheets.length).toBeGreaterThan(0)
    for (const name of sheets) {
      const xml = await zip.file(name)!.async('string')
      expect(xml).not.toMatch(/<f[\s>]/)
      expect(xml).not.toContain('t="str"')
    }
    const shared = await zip.file('xl/sharedStrings.xml')!.async('string')
    expect(shared).toContain('=HYPERLINK(&quot;http://evil.example/&quot;,&quot;点击&quot;)')
    // Names and contacts stay in the desk: the sheet travels.
    expect(cells.some((c) => c.text.startsWith('留名'))).toBe(false)
    expect(cells.some((c) => c.text.includes('138****5678'))).toBe(false)
    await store.close()
  })
})
