import ExcelJS from 'exceljs'
import JSZip from 'jszip'

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

/** A minimal .docx whose document.xml body is `bodyXml` (paragraphs), plus optional parts. */
export async function buildDocx(
  bodyXml: string,
  extra: { comments?: string; core?: string; app?: string } = {},
): Promise<Buffer> {
  const zip = new JSZip()
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  )
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${bodyXml}</w:body></w:document>`,
  )
  if (extra.comments)
    zip.file(
      'word/comments.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:comments ${W}>${extra.comments}</w:comments>`,
    )
  if (extra.core) {
    zip.file(
      'docProps/core.xml',
      `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">${extra.core}</cp:coreProperties>`,
    )
  }
  if (extra.app) {
    zip.file(
      'docProps/app.xml',
      `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">${extra.app}</Properties>`,
    )
  }
  return zip.generateAsync({ type: 'nodebuffer' })
}

/** A paragraph of one plain run. */
export const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`

/** A workbook with a visible sheet (one hidden row, one note), a hidden sheet and a creator. */
export async function buildXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '张三'
  wb.lastModifiedBy = '李四'
  const ws = wb.addWorksheet('公示名单')
  ws.addRow(['姓名', '补贴金额'])
  ws.addRow(['某某', '700'])
  const hiddenRow = ws.addRow(['身份证号', '370303198503122153'])
  hiddenRow.hidden = true
  ws.getCell('B2').note = '联系电话13853312876'
  const secret = wb.addWorksheet('原始数据')
  secret.state = 'hidden'
  secret.addRow(['手机', '13905331234'])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/**
 * A tiny valid PDF written by hand: one page with a Helvetica text object and an Info dictionary
 * whose /Author is UTF-16BE (how PDFs store Chinese), with a correct xref table.
 */
export function buildPdf(lines: string[], author: string): Buffer {
  const utf16 = (s: string) =>
    'FEFF' +
    [...s]
      .map((c) => c.charCodeAt(0).toString(16).padStart(4, '0'))
      .join('')
      .toUpperCase()
  const stream = `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((l) => `(${l}) '`).join(' ')} ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Author <${utf16(author)}> /Title (Draft) /Producer (hand) >>`,
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}
