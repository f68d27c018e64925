/**
 * The narrative of a report read from its body text: the title line, the year, and the text of
 * sections 一, 五 and 六 between their headings (「一、总体情况」… 「六、其他需要报告的事项」).
 */
import {
  REPORT_SECTION_HEADINGS,
  REPORT_SECTION_KEYS,
  type NarrativeSectionKey,
  type ReportSectionKey,
} from '../../../shared/report/format'
import { parseChineseNumeral } from '../../../shared/chinese-numeral'

export interface ReadSections {
  title: string | null
  year: number | null
  /** Sections whose heading was found (their text may be empty). */
  headings: ReportSectionKey[]
  narrative: Partial<Record<NarrativeSectionKey, string>>
}

const NUMERALS = '一二三四五六'

function headingOf(line: string): ReportSectionKey | null {
  const t = line.replace(/[\s\u00a0\u3000]+/g, '')
  for (const [i, key] of REPORT_SECTION_KEYS.entries()) {
    const core = REPORT_SECTION_HEADINGS[key].slice(2)
    // Word's automatic list numbering leaves 「总体情况」 without its 「一、」.
    const re = new RegExp(`^(${NUMERALS[i]}[、.．,，]?)?${core}[:：]?$`)
    if (re.test(t)) return key
  }
  return null
}

function yearOf(title: string): number | null {
  const arabic = /(\d{4})\s*年/.exec(title)
  if (arabic) return Number(arabic[1])
  const chinese = /([〇零一二三四五六七八九]{4})\s*年/.exec(title)
  return chinese ? parseChineseNumeral(chinese[1] ?? '') : null
}

export function readSections(paragraphs: string[]): ReadSections {
  const titleLine = paragraphs.find((p) => /政府信息公开工作年度报告/.test(p)) ?? null
  const title = titleLine === null ? null : titleLine.replace(/\s+/g, '')
  const headings: ReportSectionKey[] = []
  const bodies: Partial<Record<ReportSectionKey, string[]>> = {}
  let current: ReportSectionKey | null = null
  for (const line of paragraphs) {
    const h = headingOf(line)
    if (h !== null) {
      current = h
      if (!headings.includes(h)) headings.push(h)
      bodies[h] ??= []
      continue
    }
    if (current !== null && line.trim() !== '') bodies[current]?.push(line.trim())
  }
  const narrative: Partial<Record<NarrativeSectionKey, string>> = {}
  for (const key of ['overview', 'problems', 'other'] as const) {
    const lines = bodies[key]
    if (lines) narrative[key] = lines.join('\n')
  }
  return { title, year: title === null ? null : yearOf(title), headings, narrative }
}
