import { afterAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/core/errors'
import { ExtractError } from '../../../src/core/review/extract/types'
import { createKeywordMatcher } from '../../../src/core/review/keyword-matcher'
import { sanitiseHtml } from '../../../src/core/html/sanitise'
import { scanText } from '../../../src/core/review/scan-text'
import JSZip from 'jszip'
import { readSpreadsheet } from '../../../src/core/spreadsheet'
import {
  buildDocxInWorker,
  writeSpreadsheetInWorker,
  closeWorkers,
  extractTextInWorker,
  forgetSanitised,
  INLINE_BELOW_CHARS,
  sanitiseHtmlInWorker,
  sanitiseStats,
  scanTextInWorker,
  workerMode,
} from '../../../src/core/workers'
import {
  runInWorker,
  setWorkerHeapLimit,
  TASK_TIME_LIMIT_MS,
  workerEntry,
} from '../../../src/core/workers/pool'
import { bigTable } from '../html/fixtures'

afterAll(() => closeWorkers())

/** Issue 8, point 7: heavy work runs on a worker thread; results and refusals arrive intact. */
describe('the worker pool', () => {
  it('starts a real worker thread from the TypeScript sources (not the inline fallback)', async () => {
    expect(workerEntry()).toMatch(/bootstrap\.cjs$/)
    expect(await workerMode()).toBe('pool')
  })

  it('sanitises a short well-formed body inline, and a malformed one on the worker', async () => {
    const before = { ...sanitiseStats }
    expect(await sanitiseHtmlInWorker('<p>短正文<a href="https://www.gov.cn/">链接</a></p>')).toBe(
      '<p>短正文<a href="https://www.gov.cn/" rel="noopener noreferrer">链接</a></p>',
    )
    // Unclosed links (parser repairs) go to the worker even when short; the result is the same.
    const malformed = '<p><a href="https://www.gov.cn/">一<a href="https://www.gov.cn/">二'
    expect(await sanitiseHtmlInWorker(malformed)).toBe(sanitiseHtml(malformed))
    expect(sanitiseStats.sanitised - before.sanitised).toBe(2)
  })

  it('sanitises on the worker and brings the Chinese refusal back as an AppError', async () => {
    expect(await sanitiseHtmlInWorker('<p onclick="x()">你好<script>alert(1)</script></p>')).toBe(
      '<p>你好</p>',
    )
    const refused = await sanitiseHtmlInWorker(
      '<blockquote>'.repeat(100_000) + '</blockquote>'.repeat(100_000),
    ).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(AppError)
    expect((refused as AppError).code).toBe('VALIDATION')
    expect((refused as AppError).message).toMatch(/嵌套超过 128 层.*请简化后重试/)
  })

  it('sanitises an unchanged body once: the second save of the same table reuses it', async () => {
    forgetSanitised()
    const html = bigTable(4000)
    const before = { ...sanitiseStats }
    const first = await sanitiseHtmlInWorker(html)
    const second = await sanitiseHtmlInWorker(html)
    expect(second).toBe(first)
    expect(sanitiseStats.sanitised - before.sanitised).toBe(1)
    expect(sanitiseStats.reused - before.reused).toBe(1)
    // A changed body is sanitised again.
    await sanitiseHtmlInWorker(html.replace('<td>1</td>', '<td>一</td>'))
    expect(sanitiseStats.sanitised - before.sanitised).toBe(2)
  }, 60_000)

  it('scans with the keyword list rebuilt on the worker, same findings as inline', async () => {
    const keywords = createKeywordMatcher([
      { word: '内部资料', severity: 'blocker', note: '部门清单' },
    ])
    // Long enough to go to the worker (short texts are scanned inline).
    const text = '政务公开工作要点。'.repeat(2000) + '本文件为内部资料，联系人手机 13800138000。'
    expect(text.length).toBeGreaterThan(INLINE_BELOW_CHARS)
    const inWorker = await scanTextInWorker(text, { keywords, itemKind: '通知公告' })
    expect(inWorker).toEqual(scanText(text, { keywords, itemKind: '通知公告' }))
    expect(inWorker.map((f) => f.kind)).toEqual(expect.arrayContaining(['keyword', 'mobile']))
  })

  it('keeps ExtractError and its code across the thread boundary', async () => {
    const e = await extractTextInWorker(new Uint8Array([1, 2, 3]), '名单.docx').catch(
      (x: unknown) => x,
    )
    expect(e).toBeInstanceOf(ExtractError)
    expect((e as ExtractError).code).toBe('CORRUPT')
    expect((e as ExtractError).message).toMatch(/Word 文档已损坏/)
  })

  it('runs tasks on another thread: the main thread stays free while one works', async () => {
    let ticks = 0
    const timer = setInterval(() => ticks++, 5)
    try {
      forgetSanitised()
      await runInWorker('sanitise', bigTable(4000))
    } finally {
      clearInterval(timer)
    }
    // Inline, the event loop would be blocked for the whole sanitise and the timer never fire.
    expect(ticks).toBeGreaterThan(3)
  }, 60_000)

  it('frees each sanitised document between tasks: many saves fit in a small worker heap', async () => {
    await closeWorkers()
    setWorkerHeapLimit(256)
    try {
      // ~110 MB of DOM per 4,000-row sanitise: kept alive across tasks, the third ran out of memory.
      for (let i = 0; i < 6; i++) {
        const html = bigTable(4000).replace('<td>1</td>', `<td>第${i}版</td>`)
        expect(await runInWorker('sanitise', html)).toContain(`第${i}版`)
      }
    } finally {
      await closeWorkers()
      setWorkerHeapLimit(1536)
    }
  }, 120_000)

  it('stops a task past its time limit, answers with a Chinese refusal, and goes on', async () => {
    const saved = TASK_TIME_LIMIT_MS.sanitise
    TASK_TIME_LIMIT_MS.sanitise = 50
    try {
      const e = await runInWorker('sanitise', bigTable(4000)).catch((x: unknown) => x)
      expect(e).toBeInstanceOf(AppError)
      expect((e as AppError).code).toBe('VALIDATION')
      expect((e as AppError).message).toBe(
        '正文处理超时（超过 0.05 秒），已停止处理，未作任何更改。内容可能过于复杂，请简化后重试。',
      )
    } finally {
      TASK_TIME_LIMIT_MS.sanitise = saved
    }
    // The stopped worker is replaced: the next task runs.
    expect(await runInWorker('sanitise', '<p>仍可用</p>')).toBe('<p>仍可用</p>')
  }, 60_000)

  it('writes the exports on the worker: a styled .xlsx and a .docx that read back', async () => {
    const xlsx = await writeSpreadsheetInWorker({
      sheets: [
        {
          name: '目录',
          title: '政府信息公开目录',
          columns: [{ header: '序号' }, { header: '名称', width: 30 }],
          rows: [
            [1, '关于道路维修的公示'],
            [2, null],
          ],
        },
      ],
    })
    expect(Buffer.isBuffer(xlsx)).toBe(true)
    const book = readSpreadsheet({ bytes: xlsx, fileName: '目录.xlsx' })
    expect(book.sheets[0]?.rows.flat()).toEqual(
      expect.arrayContaining(['序号', '关于道路维修的公示']),
    )
    const docx = await buildDocxInWorker({
      title: '保密审查单',
      blocks: [{ kind: 'paragraph', text: '经审查，同意公开。' }],
    })
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string')
    expect(xml).toContain('保密审查单')
    expect(xml).toContain('经审查，同意公开。')
  }, 60_000)
})
