import { ExtractError, joinSegments, type ExtractResult, type Segment } from './types'

interface TextItemLike {
  str?: string
  hasEOL?: boolean
}

/**
 * .pdf through pdfjs-dist's legacy (Node) build: the text layer of each page as 'page:<n>', and the
 * document information (Title/Author/Creator/Producer…) as 'metadata'. Pages without a text layer
 * (scans) are listed in warnings, since the scanner cannot see into images.
 */
export async function extractPdf(bytes: Uint8Array): Promise<ExtractResult> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  // pdf.js takes ownership of the buffer it is given; hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  })
  try {
    let doc
    try {
      doc = await task.promise
    } catch (cause) {
      const name = (cause as { name?: string } | null)?.name
      if (name === 'PasswordException') {
        throw new ExtractError(
          'ENCRYPTED',
          '该 PDF 文件设有密码，无法读取：请取得无密码版本后再扫描',
          { cause },
        )
      }
      throw new ExtractError(
        'CORRUPT',
        '该 PDF 文件已损坏或不是有效的 PDF，无法读取：请重新导出后再扫描',
        { cause },
      )
    }
    const parts: Array<Omit<Segment, 'start'>> = []
    const warnings: string[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const content = await page.getTextContent()
      let text = ''
      for (const item of content.items as TextItemLike[]) {
        text += (item.str ?? '') + (item.hasEOL ? '\n' : '')
      }
      if (text.trim() === '')
        warnings.push(`PDF 第 ${n} 页没有可提取的文字（可能是扫描图片），需人工审查`)
      parts.push({ source: `page:${n}`, label: `第 ${n} 页`, text: text.trim() })
      page.cleanup()
    }
    const { info } = (await doc.getMetadata()) as unknown as { info?: Record<string, unknown> }
    const fields: Array<[string, string]> = [
      ['标题', 'Title'],
      ['作者', 'Author'],
      ['主题', 'Subject'],
      ['关键词', 'Keywords'],
      ['创建工具', 'Creator'],
      ['生成工具', 'Producer'],
    ]
    const meta = fields
      .map(([label, key]) => [label, info?.[key]] as const)
      .filter(([, v]) => typeof v === 'string' && v.trim() !== '')
      .map(([label, v]) => `${label}：${String(v).trim()}`)
      .join('\n')
    parts.push({ source: 'metadata', label: 'PDF 文档信息', text: meta })
    return joinSegments(parts, warnings)
  } catch (cause) {
    if (cause instanceof ExtractError) throw cause
    throw new ExtractError('CORRUPT', '读取该 PDF 文件时出错，无法提取文字：请重新导出后再扫描', {
      cause,
    })
  } finally {
    await task.destroy()
  }
}
