import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ExtractError, extractText, scanDocument } from '../../../src/core/review'
import { buildDocx, buildPdf, buildXlsx, p } from './helpers/build-files'

// Checklist item 10 (confidentiality-review.md): attachments, metadata, tracked changes and comments.
describe('docx extraction (what Word hides)', () => {
  const docx = () =>
    buildDocx(
      [
        p('关于某事项的处理意见'),
        '<w:p><w:r><w:t>当事人已整改。</w:t></w:r><w:del w:author="王科员"><w:r><w:delText>身份证号370303198503122153</w:delText></w:r></w:del><w:ins w:author="王科员"><w:r><w:t>手机13905331234</w:t></w:r></w:ins></w:p>',
        '<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏备注：车牌鲁C·12345</w:t></w:r></w:p>',
        '<w:p><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>可见文字</w:t></w:r></w:p>',
      ].join(''),
      {
        comments:
          '<w:comment w:id="0" w:author="赵审核"><w:p><w:r><w:t>当事人：孙明，请核实</w:t></w:r></w:p></w:comment>',
        core: '<dc:creator>刘起草</dc:creator><cp:lastModifiedBy>钱修改</cp:lastModifiedBy>',
        app: '<Company>某区市场监督管理局</Company>',
      },
    )

  it('returns labelled segments for body, tracked changes, hidden text, comments and properties', async () => {
    const doc = await extractText(await docx(), '处理意见.docx')
    const by = Object.fromEntries(doc.segments.map((s) => [s.source, s.text]))
    expect(by.body).toContain('当事人已整改。')
    expect(by.body).toContain('可见文字')
    expect(by.body).not.toContain('370303198503122153')
    expect(by['tracked-delete']).toBe('身份证号370303198503122153')
    expect(by['tracked-insert']).toBe('手机13905331234')
    expect(by.hidden).toBe('隐藏备注：车牌鲁C·12345')
    expect(by.comment).toBe('批注（赵审核）：当事人：孙明，请核实')
    expect(by.properties).toContain('作者：刘起草')
    expect(by.properties).toContain('最后修改者：钱修改')
    expect(by.properties).toContain('单位：某区市场监督管理局')
    expect(by.properties).toContain('修订作者：王科员')
    for (const s of doc.segments)
      expect(doc.text.slice(s.start, s.start + s.text.length)).toBe(s.text)
  })

  it('reports findings in hidden content with where they came from', async () => {
    const doc = await extractText(await docx(), '处理意见.docx')
    const found = scanDocument(doc)
    const at = (kind: string) => found.find((f) => f.kind === kind)
    expect(at('id-card')).toMatchObject({ source: 'tracked-delete', severity: 'high' })
    expect(at('mobile')).toMatchObject({ source: 'tracked-insert' })
    expect(at('license-plate')).toMatchObject({ source: 'hidden' })
    expect(at('person-name')).toMatchObject({ source: 'comment', text: '孙明' })
    expect(found.filter((f) => f.kind === 'document-metadata').map((f) => f.text)).toEqual(
      expect.arrayContaining(['刘起草', '钱修改', '王科员', '赵审核']),
    )
    for (const f of found) expect(doc.text.slice(f.start, f.end)).toBe(f.text)
  })

  it('a marking in the body head is still a blocker after extraction', async () => {
    const doc = await extractText(await buildDocx(p('秘密★1年') + p('关于某事的通知')), 'a.docx')
    expect(scanDocument(doc)[0]).toMatchObject({
      kind: 'classification-marking',
      severity: 'blocker',
    })
  })

  it('a corrupt .docx gives a Chinese ExtractError, not a crash', async () => {
    const bad = Buffer.from('PK\u0003\u0004 this is not really a zip')
    await expect(extractText(bad, '坏文件.docx')).rejects.toBeInstanceOf(ExtractError)
    await expect(extractText(bad, '坏文件.docx')).rejects.toThrow(/已损坏/)
  })

  it('a zip without word/document.xml is not a Word document', async () => {
    const { default: JSZip } = await import('jszip')
    const zip = new JSZip().file('hello.txt', 'x')
    const buf = await zip.generateAsync({ type: 'nodebuffer' })
    await expect(extractText(buf, 'x.docx')).rejects.toMatchObject({ code: 'CORRUPT' })
  })

  it('an encrypted (OLE) file is reported as such', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    await expect(extractText(ole, '加密.docx')).rejects.toMatchObject({ code: 'ENCRYPTED' })
  })
})

describe('xlsx extraction (hidden sheets and rows included and labelled)', () => {
  it('labels hidden rows, hidden sheets, notes and properties', async () => {
    const doc = await extractText(await buildXlsx(), '名单.xlsx')
    const sources = doc.segments.map((s) => [s.source, s.label])
    expect(sources).toContainEqual(['sheet:公示名单', '工作表“公示名单”'])
    expect(sources).toContainEqual(['hidden', '工作表“公示名单”中的隐藏行/列'])
    expect(sources).toContainEqual(['hidden', '隐藏工作表“原始数据”'])
    const found = scanDocument(doc)
    expect(found.find((f) => f.kind === 'id-card')).toMatchObject({
      source: 'hidden',
      sourceLabel: '工作表“公示名单”中的隐藏行/列',
      severity: 'high',
    })
    expect(found.find((f) => f.text === '13905331234')).toMatchObject({ source: 'hidden' })
    expect(found.find((f) => f.text === '13853312876')).toMatchObject({ source: 'comment' })
    expect(found.filter((f) => f.kind === 'document-metadata').map((f) => f.text)).toEqual([
      '张三',
      '李四',
    ])
  })

  it('a corrupt .xlsx gives a Chinese error', async () => {
    await expect(extractText(Buffer.from('not a workbook'), '表.xlsx')).rejects.toThrow(/Excel/)
  })
})

describe('pdf extraction', () => {
  it('reads page text and the Author metadata', async () => {
    const pdf = buildPdf(['ID 370303198503122153', 'Tel 13853312876'], '张三')
    const doc = await extractText(pdf, 'a.pdf')
    expect(doc.segments.map((s) => s.source)).toEqual(['page:1', 'metadata'])
    expect(doc.segments[1]?.text).toContain('作者：张三')
    const found = scanDocument(doc)
    expect(found.find((f) => f.kind === 'id-card')).toMatchObject({
      source: 'page:1',
      severity: 'high',
    })
    expect(found.find((f) => f.kind === 'mobile')).toMatchObject({ source: 'page:1' })
    expect(found.find((f) => f.kind === 'document-metadata')).toMatchObject({
      text: '张三',
      source: 'metadata',
    })
  })

  it('a corrupt PDF gives a Chinese error', async () => {
    await expect(extractText(Buffer.from('%PDF-1.4 garbage'), 'a.pdf')).rejects.toThrow(/PDF/)
  })
})

describe('txt and html extraction', () => {
  it('decodes GB18030 text and normalises line ends', async () => {
    const gbk = Buffer.from([0xc3, 0xd8, 0xc3, 0xdc, 0x0d, 0x0a, 0xc3, 0xd8]) // 秘密\r\n秘 in GBK
    expect((await extractText(gbk, 'a.txt')).text).toBe('秘密\n秘')
  })

  it('strips scripts and tags, decodes entities and keeps comments apart', async () => {
    const html =
      '<html><head><script>var x="13905331234"</script></head><body><p>当事人：张三&nbsp;</p><!-- 电话13853312876 --><p>&#30005;&#x8BDD;</p></body></html>'
    const doc = await extractText(Buffer.from(html), 'a.html')
    expect(doc.segments[0]?.text).toBe('当事人：张三\n电话')
    expect(doc.segments[1]).toMatchObject({ source: 'comment', text: '电话13853312876' })
  })

  it('reads from a path and reports a missing one in Chinese', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'))
    writeFileSync(join(dir, 'a.txt'), '当事人：张三')
    expect((await extractText(join(dir, 'a.txt'))).text).toBe('当事人：张三')
    await expect(extractText(join(dir, 'none.txt'))).rejects.toThrow(/找不到文件/)
    await expect(extractText(join(dir, 'a.txt').replace('.txt', '.png'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('an unsupported extension is a Chinese UNSUPPORTED error', async () => {
    await expect(extractText(Buffer.from('x'), 'a.png')).rejects.toMatchObject({
      code: 'UNSUPPORTED',
    })
  })
})
