/**
 * Reads a .docx report (Word or WPS): body paragraphs in order and every table as a matrix, merged
 * cells expanded (w:gridSpan, w:vMerge restart/continue, the old w:hMerge, w:gridBefore). Tracked
 * deletions are left out, tracked insertions read as text.
 */
import { openOfficeZip, readPart } from '../../review/extract/office-zip'
import {
  attr,
  child,
  childrenOf,
  orderedXml,
  tagOf,
  textOf,
  type XNode,
} from '../../review/extract/ordered-xml'
import { ExtractError } from '../../review/extract/types'
import { matrixFromCells, type SourceCell } from './matrix'
import type { ReadDocument } from './types'

const SKIP = new Set([
  'w:pPr',
  'w:rPr',
  'w:del',
  'w:moveFrom',
  'w:instrText',
  'w:delText',
  'w:sectPr',
  'w:tblPr',
  'w:tblGrid',
  'w:trPr',
  'w:tcPr',
])

/** The text of runs under `nodes` (paragraph content). */
function runText(nodes: XNode[]): string {
  let s = ''
  for (const n of nodes) {
    const tag = tagOf(n)
    if (SKIP.has(tag)) continue
    if (tag === 'w:t') {
      s += textOf(childrenOf(n))
    } else if (tag === 'w:tab') s += '\t'
    else if (tag === 'w:br' || tag === 'w:cr') s += '\n'
    else if (tag === 'mc:AlternateContent') {
      const choice = child(n, 'mc:Choice')
      if (choice) s += runText(childrenOf(choice))
    } else if (tag !== '#text') s += runText(childrenOf(n))
  }
  return s
}

/** Paragraphs of a cell, joined with line breaks (nested tables' text included). */
function cellText(tc: XNode): string {
  const lines: string[] = []
  const visit = (nodes: XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n)
      if (tag === 'w:p') lines.push(runText(childrenOf(n)))
      else if (
        tag === 'w:tbl' ||
        tag === 'w:tr' ||
        tag === 'w:tc' ||
        tag === 'w:sdt' ||
        tag === 'w:sdtContent'
      )
        visit(childrenOf(n))
    }
  }
  visit(childrenOf(tc))
  return lines.join('\n')
}

function numberAttr(node: XNode | undefined): number {
  if (!node) return 1
  const v = Number(attr(node, 'w:val'))
  return Number.isFinite(v) && v > 0 ? v : 1
}

function readTable(tbl: XNode) {
  const rows: { before?: number; cells: SourceCell[] }[] = []
  const rowNodes: XNode[] = []
  const collectRows = (nodes: XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n)
      if (tag === 'w:tr') rowNodes.push(n)
      else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml')
        collectRows(childrenOf(n))
    }
  }
  collectRows(childrenOf(tbl))
  for (const tr of rowNodes) {
    const trPr = child(tr, 'w:trPr')
    const gridBefore = trPr ? child(trPr, 'w:gridBefore') : undefined
    const cells: SourceCell[] = []
    const collectCells = (nodes: XNode[]) => {
      for (const n of nodes) {
        const tag = tagOf(n)
        if (tag === 'w:tc') {
          const tcPr = child(n, 'w:tcPr')
          const span = tcPr ? child(tcPr, 'w:gridSpan') : undefined
          const vMerge = tcPr ? child(tcPr, 'w:vMerge') : undefined
          const hMerge = tcPr ? child(tcPr, 'w:hMerge') : undefined
          cells.push({
            text: cellText(n),
            colSpan: span ? numberAttr(span) : 1,
            continueAbove: vMerge !== undefined && attr(vMerge, 'w:val') !== 'restart',
            continueLeft: hMerge !== undefined && attr(hMerge, 'w:val') !== 'restart',
          })
        } else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml')
          collectCells(childrenOf(n))
      }
    }
    collectCells(childrenOf(tr))
    rows.push({ before: gridBefore ? numberAttr(gridBefore) : 0, cells })
  }
  return matrixFromCells(rows)
}

export async function readDocxReport(bytes: Uint8Array): Promise<ReadDocument> {
  const zip = await openOfficeZip(bytes, 'Word 文档')
  const xml = await readPart(zip, 'word/document.xml')
  if (xml === null) {
    throw new ExtractError(
      'CORRUPT',
      '该文件不是 Word 文档（缺少 word/document.xml）：请用 Word 或 WPS 另存为 .docx 后再检查',
    )
  }
  const doc: ReadDocument = { kind: 'docx', paragraphs: [], tables: [] }
  const visit = (nodes: XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n)
      if (tag === 'w:p') doc.paragraphs.push(runText(childrenOf(n)))
      else if (tag === 'w:tbl') doc.tables.push(readTable(n))
      else if (!SKIP.has(tag) && tag !== '#text') visit(childrenOf(n))
    }
  }
  visit(orderedXml.parse(xml) as XNode[])
  return doc
}
