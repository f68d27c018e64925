import type { ExtractResult, SegmentSource } from './extract/types'
import { scanText } from './scan-text'
import type { Finding, ScanOptions } from './types'

/** A finding in an extracted file: offsets into `ExtractResult.text`, plus where it came from. */
export interface DocumentFinding extends Finding {
  source: SegmentSource
  /** Chinese name of the source, e.g. “修订记录中的删除内容（文档中已不可见）”. */
  sourceLabel: string
}

/** Property lines that name a person (as written by the extractors: “作者：张三”). */
const PERSON_FIELD = /^(作者|最后修改者|修订作者|批注作者|经理)：(.+)$/gm

/**
 * Scans every segment of an extracted file on its own (so “the head of the document” means the head
 * of the body, and no match spans two segments), and maps offsets back into the joined text. People
 * named in document properties are reported too: they travel with the file when it is published
 * (checklist item 10).
 */
export function scanDocument(doc: ExtractResult, options: ScanOptions = {}): DocumentFinding[] {
  const all: DocumentFinding[] = []
  for (const seg of doc.segments) {
    const shift = seg.start
    for (const f of scanText(seg.text, options)) {
      all.push({
        ...f,
        start: f.start + shift,
        end: f.end + shift,
        source: seg.source,
        sourceLabel: seg.label,
      })
    }
    if (seg.source === 'properties' || seg.source === 'metadata') {
      for (const m of seg.text.matchAll(PERSON_FIELD)) {
        const value = (m[2] ?? '').trim()
        const start = shift + m.index + m[0].indexOf(value, (m[1] ?? '').length)
        all.push({
          kind: 'document-metadata',
          severity: 'warn',
          start,
          end: start + value.length,
          text: value,
          reason: `文档属性“${m[1]}”记录了人员信息，会随文件一同公开：发布前请清除文档属性（审查清单第 10 项）`,
          suggestion: '用“检查文档/删除个人信息”功能清除属性后再发布',
          source: seg.source,
          sourceLabel: seg.label,
        })
      }
    }
  }
  return all.sort((a, b) => a.start - b.start || a.end - b.end)
}
