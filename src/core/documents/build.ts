import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type IRunOptions,
} from 'docx'
import JSZip from 'jszip'
import {
  CHAR,
  FONT_ALTERNATIVES,
  FONTS,
  LINE_PITCH,
  MARGINS,
  PAGE,
  SIZE,
  TABLE_LINE,
  TEXT_WIDTH,
  fitWidths,
} from './layout'
import type {
  CellParagraph,
  DocBlock,
  DocCell,
  DocColumn,
  GridCell,
  OfficialDocument,
} from './types'

type Align = 'left' | 'right' | 'center'
const ALIGN = {
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
  both: AlignmentType.BOTH,
} as const

/** A run with its East Asian font named explicitly (w:eastAsia), Latin in Times New Roman. */
function run(text: string, eastAsia: string, size: number, extra: Partial<IRunOptions> = {}) {
  return new TextRun({
    text,
    size,
    font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia, cs: FONTS.latin, hint: 'eastAsia' },
    ...extra,
  })
}

const bodyRun = (text: string, size: number = SIZE.sanhao, bold = false) =>
  // 仿宋 has no bold face; bold table headings are set in 黑体 instead.
  run(text, bold ? FONTS.heading1 : FONTS.body, size)

const exact = (line: number, before = 0, after = 0) => ({
  line,
  lineRule: LineRuleType.EXACT,
  before,
  after,
})

function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exact(Math.round(LINE_PITCH * 1.2), 0, Math.round(LINE_PITCH / 2)),
    children: [run(text, FONTS.title, SIZE.erhao)],
  })
}

function centred(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exact(LINE_PITCH, 0, Math.round(LINE_PITCH / 2)),
    children: [bodyRun(text)],
  })
}

function bodyParagraph(block: Extract<DocBlock, { kind: 'paragraph' }>): Paragraph[] {
  const size = block.small ? SIZE.sihao : SIZE.sanhao
  const indent = block.indent ?? (block.align === undefined || block.align === 'left')
  return block.text.split('\n').map(
    (line) =>
      new Paragraph({
        alignment: block.align ? ALIGN[block.align] : AlignmentType.BOTH,
        spacing: exact(block.small ? 440 : LINE_PITCH),
        ...(indent ? { indent: { firstLine: block.small ? 560 : 2 * CHAR } } : {}),
        children: [bodyRun(line, size)],
      }),
  )
}

function heading(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    // Headings keep to the 28-line grid and the first-line indent of the body (一、 in 黑体,
    // （一） in 楷体); no Word heading style, so nothing blue and nothing in Calibri.
    spacing: exact(LINE_PITCH, level === 1 ? Math.round(LINE_PITCH / 3) : 0, 0),
    indent: { firstLine: 2 * CHAR },
    keepNext: true,
    keepLines: true,
    outlineLevel: level - 1,
    children: [run(text, level === 1 ? FONTS.heading1 : FONTS.heading2, SIZE.sanhao)],
  })
}

const BORDER = { style: BorderStyle.SINGLE, size: 6, color: '000000' }
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER }
const TABLE_BORDERS = { ...BORDERS, insideHorizontal: BORDER, insideVertical: BORDER }
const CELL_MARGINS = { top: 30, bottom: 30, left: 80, right: 80 }

function cellParagraphs(cell: DocCell, size: number, bold: boolean, align: Align): Paragraph[] {
  const paragraphs: CellParagraph[] =
    typeof cell === 'string'
      ? cell.split('\n').map((text) => ({ text }))
      : cell.paragraphs.map((p) => ({ ...p, align: p.align ?? cell.align ?? align }))
  const line = size >= SIZE.sihao ? TABLE_LINE.sihao : TABLE_LINE.xiaosi
  return paragraphs.map(
    (p) =>
      new Paragraph({
        alignment: ALIGN[p.align ?? align],
        spacing: exact(line, Math.round((p.spaceBefore ?? 0) * 20)),
        children: [bodyRun(p.text, size, bold || p.bold === true)],
      }),
  )
}

interface CellOpts {
  size: number
  bold?: boolean
  align?: Align
  span?: number
  shade?: boolean
}

function tableCell(cell: DocCell, width: number, opts: CellOpts): TableCell {
  return new TableCell(cellOptions(cell, width, opts))
}

function cellOptions(cell: DocCell, width: number, opts: CellOpts) {
  return {
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: CELL_MARGINS,
    ...(opts.span && opts.span > 1 ? { columnSpan: opts.span } : {}),
    ...(opts.shade ? { shading: { fill: 'F2F2F2', color: 'auto', type: 'clear' as const } } : {}),
    children: cellParagraphs(cell, opts.size, opts.bold ?? false, opts.align ?? 'left'),
  }
}

function grid(widths: number[], rows: TableRow[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows,
  })
}

/** A form table: label cells in 黑体 centred, values in 仿宋; two fields a row where asked. */
function fieldsTable(rows: Extract<DocBlock, { kind: 'fields' }>['rows']): Table {
  const four = rows.some((r) => r.length === 4)
  const widths = four ? fitWidths([1.45, 2.75, 1.25, 1.75]) : fitWidths([1.4, 4.8])
  const size = SIZE.xiaosi
  const label = (text: string, width: number) =>
    tableCell(text, width, { size, bold: true, align: 'center' })
  return grid(
    widths,
    rows.map((r) => {
      const cells =
        r.length === 4
          ? [
              label(r[0], widths[0]!),
              tableCell(r[1], widths[1]!, { size }),
              label(r[2], widths[2]!),
              tableCell(r[3], widths[3]!, { size }),
            ]
          : [
              label(r[0], widths[0]!),
              tableCell(r[1], TEXT_WIDTH - widths[0]!, { size, span: four ? 3 : 1 }),
            ]
      return new TableRow({ cantSplit: true, children: cells })
    }),
  )
}

function dataTable(block: Extract<DocBlock, { kind: 'table' }>): Table {
  const columns: DocColumn[] = block.columns
  const widths = fitWidths(columns.map((c) => c.weight ?? 1))
  const size = SIZE.xiaosi
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) =>
      tableCell(c.header, widths[i]!, { size, bold: true, align: 'center', shade: true }),
    ),
  })
  const body = block.rows.map((r) => {
    if (!Array.isArray(r)) {
      return new TableRow({
        cantSplit: true,
        children: [tableCell(r.full, TEXT_WIDTH, { size, span: columns.length, bold: false })],
      })
    }
    return new TableRow({
      cantSplit: true,
      children: columns.map((c, i) =>
        tableCell(r[i] ?? '', widths[i]!, { size, align: c.align ?? 'left' }),
      ),
    })
  })
  return grid(widths, [header, ...body])
}

/**
 * A merged-cell table: every grid position is written — the cell that starts there (with
 * w:gridSpan and, when it spans rows, w:vMerge="restart"), a w:vMerge="continue" cell of the same
 * width under a cell spanning down, or an empty cell — so nested spans (a row span beside a
 * column span, as in table 三's header) come out where they are placed.
 */
function mergedTable(block: Extract<DocBlock, { kind: 'grid' }>): Table {
  const widths = fitWidths(block.columns, TEXT_WIDTH, 300)
  const size = block.size === 'wuhao' ? SIZE.wuhao : SIZE.xiaosi
  const n = block.columns.length
  const starts = new Map<string, GridCell>()
  const covering: (GridCell | null)[][] = Array.from({ length: block.rows }, () =>
    Array.from({ length: n }, () => null),
  )
  for (const c of block.cells) {
    const rs = c.rowSpan ?? 1
    const cs = c.colSpan ?? 1
    if (c.row < 0 || c.col < 0 || c.row + rs > block.rows || c.col + cs > n) {
      throw new RangeError(`grid cell 「${c.text}」 at ${c.row},${c.col} is outside the table`)
    }
    for (let r = c.row; r < c.row + rs; r++) {
      for (let k = c.col; k < c.col + cs; k++) {
        if (covering[r]![k]) throw new RangeError(`grid cells overlap at ${r},${k}`)
        covering[r]![k] = c
      }
    }
    starts.set(`${c.row},${c.col}`, c)
  }
  const span = (from: number, count: number) =>
    widths.slice(from, from + count).reduce((a, b) => a + b, 0)
  const header = block.headerRows ?? 0
  const rows: TableRow[] = []
  for (let r = 0; r < block.rows; r++) {
    const children: TableCell[] = []
    for (let k = 0; k < n;) {
      const c = covering[r]![k]
      if (!c) {
        children.push(tableCell('', widths[k]!, { size }))
        k++
        continue
      }
      const cs = c.colSpan ?? 1
      const rs = c.rowSpan ?? 1
      const width = span(c.col, cs)
      const first = starts.get(`${r},${k}`) === c
      const opts = {
        size,
        bold: c.bold ?? false,
        align: c.align ?? 'center',
        span: cs,
        shade: c.shade ?? false,
      }
      if (first) {
        const cell = tableCell(c.text, width, opts)
        children.push(
          rs > 1
            ? new TableCell({
                ...cellOptions(c.text, width, opts),
                verticalMerge: VerticalMergeType.RESTART,
              })
            : cell,
        )
      } else {
        children.push(
          new TableCell({
            ...cellOptions('', width, opts),
            verticalMerge: VerticalMergeType.CONTINUE,
          }),
        )
      }
      k = c.col + cs
    }
    rows.push(
      new TableRow({ cantSplit: true, ...(r < header ? { tableHeader: true } : {}), children }),
    )
  }
  return grid(widths, rows)
}

/** A centred picture (a chart) with its caption. */
function image(block: Extract<DocBlock, { kind: 'image' }>): Paragraph[] {
  // docx sizes images in pixels at 96 dpi.
  const px = (mmValue: number) => Math.round((mmValue / 25.4) * 96)
  const out = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: block.caption !== undefined,
      // Single (auto) spacing: the document's exact line pitch would clip the picture to one line.
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 0 },
      children: [
        new ImageRun({
          type: 'png',
          data: block.png,
          transformation: { width: px(block.widthMm), height: px(block.heightMm) },
          altText: { name: block.alt, description: block.alt, title: block.alt },
        }),
      ],
    }),
  ]
  if (block.caption) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: exact(440),
        children: [bodyRun(block.caption, SIZE.sihao)],
      }),
    )
  }
  return out
}

/** Full-width spaces under a line to sign on, and a date to fill in by hand. */
const BLANK = '\u3000'.repeat(5)
const DATE_BLANK = '\u3000\u3000年\u3000\u3000月\u3000\u3000日'

/** One signing line: 「审核人（签字）：____ 日期：  年  月  日」, right-aligned. */
export function signatureRuns(label: string, date?: string): TextRun[] {
  return [
    bodyRun(label),
    run(BLANK, FONTS.body, SIZE.sanhao, { underline: {} }),
    bodyRun(`\u3000日期：${date ?? DATE_BLANK}`),
  ]
}

function signature(block: Extract<DocBlock, { kind: 'signature' }>): Paragraph[] {
  return block.lines.map(
    (line, i) =>
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: exact(Math.round(LINE_PITCH * 1.5), i === 0 ? LINE_PITCH : 0, 0),
        keepNext: i < block.lines.length - 1,
        keepLines: true,
        children: signatureRuns(
          line,
          i === block.lines.length - 1 && block.date
            ? (chineseDate(block.date) ?? block.date)
            : undefined,
        ),
      }),
  )
}

/** Width of a line in characters of the body size: CJK and full-width 1, ASCII digits and letters ½. */
const charWidth = (text: string) =>
  [...text].reduce((n, ch) => n + (ch.charCodeAt(0) < 0x100 ? 0.5 : 1), 0)

function sender(block: Extract<DocBlock, { kind: 'sender' }>): Paragraph[] {
  // GB/T 9704 7.3.5: 成文日期 右空四字, the unit's name centred over the date; a name longer
  // than the date ends at the right margin and the date is centred under it.
  const date = chineseDate(block.date) ?? block.date
  const nameWidth = charWidth(block.name)
  const dateWidth = charWidth(date)
  let dateRight = 4
  let nameRight = dateRight + (dateWidth - nameWidth) / 2
  if (nameRight < 0) {
    nameRight = 0
    dateRight = (nameWidth - dateWidth) / 2
  }
  return [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exact(LINE_PITCH, 2 * LINE_PITCH, 0),
      indent: { right: Math.round(nameRight * CHAR) },
      keepNext: true,
      children: [bodyRun(block.name)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exact(LINE_PITCH),
      indent: { right: Math.round(dateRight * CHAR) },
      children: [bodyRun(date)],
    }),
  ]
}

/** Space between a table and what follows. */
const gap = () => new Paragraph({ spacing: exact(200), children: [] })

function blockChildren(block: DocBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [heading(block.text, block.level ?? 1)]
    case 'paragraph':
      return bodyParagraph(block)
    case 'addressee':
      return [new Paragraph({ spacing: exact(LINE_PITCH), children: [bodyRun(block.text)] })]
    case 'fields':
      return [fieldsTable(block.rows), gap()]
    case 'table':
      return [dataTable(block), gap()]
    case 'signature':
      return signature(block)
    case 'sender':
      return sender(block)
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })]
    case 'grid':
      return [mergedTable(block), gap()]
    case 'image':
      return image(block)
  }
}

/** 「— 1 —」: 四号 宋体, odd pages right and even pages left, one character in (GB/T 9704 7.5). */
function pageFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            size: SIZE.sihao,
            font: { ascii: FONTS.page, hAnsi: FONTS.page, eastAsia: FONTS.page, cs: FONTS.page },
          }),
        ],
      }),
    ],
  })
}

/** `2025-03-07` → 「2025年3月7日」; null when the text is not such a date. */
export function chineseDate(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return null
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`
}

/** Adds w:altName (and charset/family) for each font the document names, so Word substitutes sensibly. */
async function withFontAlternatives(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx)
  const path = 'word/fontTable.xml'
  const xml = (await zip.file(path)?.async('string')) ?? ''
  const entries = Object.entries(FONT_ALTERNATIVES)
    .map(
      ([name, f]) =>
        `<w:font w:name="${name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/>` +
        `<w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
    )
    .join('')
  const table = xml.includes('</w:fonts>')
    ? xml.replace('</w:fonts>', `${entries}</w:fonts>`)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries}</w:fonts>`
  zip.file(path, table)
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

/**
 * The one layout for every .docx the app writes (the 保密审查单 now; answer letters and the
 * annual report next): A4 with GB/T 9704 margins, body in 仿宋_GB2312 三号 on a 22-line grid,
 * the title in 方正小标宋简体 二号, headings in 黑体/楷体 without Word heading styles, tables with
 * fitted column widths and repeated header rows, signature and date spaces, 「— 1 —」 page numbers.
 */
export async function buildDocx(doc: OfficialDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [title(doc.title)]
  if (doc.docNumber) children.push(centred(doc.docNumber))
  if (doc.subtitle) children.push(centred(doc.subtitle))
  for (const block of doc.blocks) children.push(...blockChildren(block))
  const document = new Document({
    creator: doc.creator ?? '政务公开工作台',
    title: doc.title,
    ...(doc.description ? { description: doc.description } : {}),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            size: SIZE.sanhao,
            font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: FONTS.body, cs: FONTS.latin },
          },
          paragraph: { spacing: exact(LINE_PITCH) },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: MARGINS.top,
              bottom: MARGINS.bottom,
              left: MARGINS.left,
              right: MARGINS.right,
              header: MARGINS.header,
              footer: MARGINS.footer,
            },
          },
        },
        footers: { default: pageFooter('odd'), even: pageFooter('even') },
        children,
      },
    ],
  })
  return withFontAlternatives(await Packer.toBuffer(document))
}
