import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import {
  buildDocx,
  chineseDate,
  fitWidths,
  MARGINS,
  TEXT_WIDTH,
  type OfficialDocument,
} from '../../../src/core/documents'
import { RENDER_ROOT, renderDocxToPng, renderedText } from '../../helpers/render-docx'

/** A letter with every kind of block the layout offers. */
const LETTER: OfficialDocument = {
  title: '政府信息公开申请答复书',
  docNumber: '淄高新公开〔2025〕3号',
  blocks: [
    { kind: 'addressee', text: '王小明：' },
    {
      kind: 'paragraph',
      text: '本机关于2025年2月20日收到您提交的政府信息公开申请，要求获取“某小区规划许可证及附图”。经审查，现答复如下：',
    },
    { kind: 'heading', text: '一、申请内容及处理结果' },
    { kind: 'heading', text: '（一）已公开的信息', level: 2 },
    {
      kind: 'paragraph',
      text: '您申请的信息已于2024年12月1日在淄博高新区政府网站主动公开，依据《中华人民共和国政府信息公开条例》第三十六条第（一）项，告知您获取该信息的方式和途径。',
    },
    {
      kind: 'fields',
      rows: [
        ['申请人', '王小明', '收到日期', '2025-02-20'],
        ['申请内容', '某小区规划许可证及附图（含总平面图、建筑单体图）'],
        ['答复期限', '2025-03-13', '答复方式', '邮寄'],
      ],
    },
    {
      kind: 'table',
      columns: [
        { header: '序号', weight: 0.6, align: 'center' },
        { header: '信息名称', weight: 4 },
        { header: '公开日期', weight: 1.4, align: 'center' },
        { header: '获取途径', weight: 2 },
      ],
      rows: [
        [
          '1',
          '某小区建设工程规划许可证（建字第370300202400012号）',
          '2024-12-01',
          '政府网站“规划许可”栏目',
        ],
        ['2', '某小区总平面图', '2024-12-01', '政府信息公开查阅点'],
        { full: '以下信息不予公开：' },
        ['3', '施工图审查意见（含设计单位商业秘密）', '—', '不予公开，依据条例第十五条'],
      ],
    },
    {
      kind: 'paragraph',
      text: '如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。',
    },
    { kind: 'signature', lines: ['经办人（签字）：', '审核人（签字）：'] },
    { kind: 'sender', name: '淄博高新区管委会办公室', date: '2025-03-07' },
    { kind: 'paragraph', text: '（联系人：李红，电话：0533-1234567）', small: true, indent: false },
  ],
}

async function parts(docx: Buffer) {
  const zip = await JSZip.loadAsync(docx)
  const read = async (p: string) => (await zip.file(p)?.async('string')) ?? ''
  return {
    document: await read('word/document.xml'),
    fonts: await read('word/fontTable.xml'),
    footers: (
      await Promise.all(
        Object.keys(zip.files)
          .filter((f) => /^word\/footer\d*\.xml$/.test(f))
          .map((f) => read(f)),
      )
    ).join('\n'),
  }
}

describe('buildDocx — the one document layout (GB/T 9704)', () => {
  it('lays out A4 with GB/T 9704 margins, East Asian fonts on every run, no Word heading styles', async () => {
    const { document, fonts, footers } = await parts(await buildDocx(LETTER))
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(MARGINS).toMatchObject({ top: 2098, bottom: 1984, left: 1587, right: 1474 })
    expect(document).toContain(`w:top="${MARGINS.top}"`)
    expect(document).toContain(`w:left="${MARGINS.left}"`)
    // 22 lines to the page: body lines exactly 28.95 pt apart.
    expect(document).toMatch(/<w:spacing [^>]*w:line="579" w:lineRule="exact"/)
    // Every run names its East Asian font; body 仿宋_GB2312, title 方正小标宋简体, headings 黑体/楷体.
    const runs = [...document.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map((m) => m[1] ?? '')
    const textRuns = runs.filter((r) => r.includes('<w:t'))
    expect(textRuns.length).toBeGreaterThan(20)
    for (const r of textRuns) expect(r).toMatch(/w:eastAsia="[^"]+"/)
    expect(document).toContain('w:eastAsia="仿宋_GB2312"')
    expect(document).toContain('w:eastAsia="方正小标宋简体"')
    expect(document).toContain('w:eastAsia="黑体"')
    expect(document).toContain('w:eastAsia="楷体_GB2312"')
    expect(document).not.toMatch(/w:pStyle w:val="(Heading|Title)/)
    // 三号 body, 二号 title.
    expect(document).toContain('<w:sz w:val="32"/>')
    expect(document).toContain('<w:sz w:val="44"/>')
    // Word gets an alternative for each font a machine may lack.
    expect(fonts).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/)
    expect(fonts).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="黑体"\/>/)
    // 「— 1 —」 page numbers, odd and even.
    expect(footers).toContain('PAGE')
    expect(footers).toContain('— ')
    expect(document).toContain('<w:footerReference w:type="even"')
  })

  it('fits column widths to the text width by weight', async () => {
    const widths = fitWidths([0.6, 4, 1.4, 2])
    expect(widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH)
    expect(widths[1]).toBeGreaterThan(4 * widths[0]!)
    expect(fitWidths([1, 1000])[0]).toBeGreaterThanOrEqual(600)
    const { document } = await parts(await buildDocx(LETTER))
    const grids = [...document.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/gs)].map((m) =>
      [...(m[1] ?? '').matchAll(/w:w="(\d+)"/g)].map((g) => Number(g[1])),
    )
    expect(grids[1]).toEqual(widths)
    expect(document).toContain('<w:tblLayout w:type="fixed"/>')
    // The header row repeats on each page.
    expect(document).toContain('<w:tblHeader/>')
  })

  it('writes Chinese dates', () => {
    expect(chineseDate('2025-03-07')).toBe('2025年3月7日')
    expect(chineseDate('2025-12-31T10:00:00Z')).toBe('2025年12月31日')
    expect(chineseDate('三月')).toBeNull()
  })

  it('renders to PNG pages with every part of the letter on them (test-results/documents/letter)', async () => {
    const out = join(RENDER_ROOT, 'letter')
    const pages = await renderDocxToPng(await buildDocx(LETTER), out)
    expect(pages.length).toBeGreaterThanOrEqual(1)
    expect(pages.length).toBeLessThanOrEqual(2)
    const text = (await renderedText(out)).replace(/\s+/g, '')
    for (const expected of [
      '政府信息公开申请答复书',
      '淄高新公开〔2025〕3号',
      '王小明：',
      '一、申请内容及处理结果',
      '某小区建设工程规划许可证',
      '经办人（签字）：',
      '年月日',
      '2025年3月7日',
      '—1—',
    ]) {
      expect(text).toContain(expected)
    }
  })
})
