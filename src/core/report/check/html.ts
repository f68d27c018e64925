/**
 * Reads an .html report (a published web page, or Word/WPS 「另存为网页」): body text lines outside
 * tables in order, and every table as a matrix with rowspan/colspan expanded. Parsed with jsdom (no
 * scripts run); nothing is rendered.
 */
import { JSDOM } from 'jsdom'
import { decodeText } from '../../review/extract/decode'
import { matrixFromCells, type SourceCell } from './matrix'
import type { ReadDocument } from './types'

const BLOCK = new Set([
  'P',
  'DIV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'CAPTION',
  'CENTER',
  'DL',
  'DT',
  'DD',
  'MAIN',
  'FIGURE',
])
const IGNORED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE'])

/** Visible text of a node with block elements and <br> as line breaks. */
function textLines(root: Node, onTable?: (table: Element) => void): string[] {
  const lines: string[] = []
  let line = ''
  const flush = () => {
    lines.push(line)
    line = ''
  }
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      line += (node.nodeValue ?? '').replace(/[\r\n]+/g, '').replace(/[ \t]{2,}/g, ' ')
      return
    }
    if (node.nodeType !== 1) return
    const el = node as Element
    const tag = el.tagName.toUpperCase()
    if (IGNORED.has(tag)) return
    if (tag === 'BR') {
      flush()
      return
    }
    if (tag === 'TABLE' && onTable) {
      flush()
      onTable(el)
      return
    }
    const block = BLOCK.has(tag) || tag === 'TD' || tag === 'TH'
    if (block && line !== '') flush()
    for (const c of Array.from(el.childNodes)) visit(c)
    if (block) flush()
  }
  visit(root)
  if (line !== '') flush()
  return lines.map((l) => l.replace(/\u00a0/g, ' ').trim()).filter((l) => l !== '')
}

function span(el: Element, name: string): number {
  const v = Number.parseInt(el.getAttribute(name) ?? '1', 10)
  return Number.isFinite(v) && v > 0 ? Math.min(v, 1000) : 1
}

function readTable(table: Element) {
  const rows: { cells: SourceCell[] }[] = []
  // Rows of this table only (not of a table nested in a cell).
  const trs = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table)
  for (const tr of trs) {
    const cells: SourceCell[] = []
    for (const td of Array.from(tr.children)) {
      const tag = td.tagName.toUpperCase()
      if (tag !== 'TD' && tag !== 'TH') continue
      cells.push({
        text: textLines(td).join('\n'),
        colSpan: span(td, 'colspan'),
        rowSpan: span(td, 'rowspan'),
      })
    }
    rows.push({ cells })
  }
  return matrixFromCells(rows)
}

export function readHtmlReport(bytes: Uint8Array): ReadDocument {
  const html = decodeText(bytes)
  const dom = new JSDOM(html)
  try {
    const doc: ReadDocument = { kind: 'html', paragraphs: [], tables: [] }
    const body = dom.window.document.body
    doc.paragraphs = textLines(body, (table) => doc.tables.push(readTable(table)))
    return doc
  } finally {
    dom.window.close()
  }
}
