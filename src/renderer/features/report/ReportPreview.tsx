import { Box, Paper, Text, Tooltip } from '@mantine/core'
import { useEffect, useRef } from 'react'
import {
  NARRATIVE_SECTIONS,
  REPORT_SECTION_HEADINGS,
  REPORT_SECTION_KEYS,
  TABLE_SECTIONS,
  tableGrid,
  type NarrativeSectionKey,
  type ReportTableKey,
} from '../../../shared/report/format'
import { SOURCE_KIND_LABELS } from '../../../shared/report/labels'
import { tableColumnWeights } from '../../../shared/report/layout'
import { cellKey, type ReportProblem, type ReportView } from '../../../shared/report/types'
import { ReportCharts } from './ReportCharts'

const BODY_FONT =
  '"FangSong_GB2312", "仿宋_GB2312", FangSong, "仿宋", STFangsong, "Noto Serif CJK SC", serif'
const HEADING_FONT = 'SimHei, "黑体", "Noto Sans CJK SC", sans-serif'

const figure = (v: number | null) =>
  v === null ? '' : Number.isInteger(v) ? String(v) : String(Number(v.toFixed(4)))

/** The section each table belongs to, the other way round. */
const TABLE_OF = Object.fromEntries(
  (Object.entries(TABLE_SECTIONS) as [ReportTableKey, string][]).map(([t, s]) => [s, t]),
) as Record<string, ReportTableKey | undefined>

/**
 * The report as the document prints it: title, the six headings, the narrative with its live
 * figures, the three tables with the national header spans, the charts. Cells and sentences a
 * rule points at are marked; the selected problem's place is scrolled into view.
 */
export function ReportPreview({
  view,
  selected,
}: {
  view: ReportView
  selected: ReportProblem | null
}) {
  const root = useRef<HTMLDivElement>(null)
  const flagged = new Map<string, 'error' | 'warning'>()
  for (const p of view.problems) {
    const mark = (k: string) => {
      if (flagged.get(k) !== 'error') flagged.set(k, p.severity)
    }
    if (p.table && p.row && p.column) mark(cellKey(p.table, p.row, p.column))
    for (const c of p.cells ?? []) mark(cellKey(c.table, c.row, c.column))
  }
  const selectedKey =
    selected?.table && selected.row && selected.column
      ? cellKey(selected.table, selected.row, selected.column)
      : null
  useEffect(() => {
    const el = root.current?.querySelector('[data-selected="true"]')
    if (el && 'scrollIntoView' in el) el.scrollIntoView({ block: 'center', behavior: 'smooth' })
  }, [selected])

  return (
    <Paper
      ref={root}
      withBorder
      shadow="sm"
      p={{ base: 'md', md: 40 }}
      data-testid="report-preview"
      style={{ fontFamily: BODY_FONT, background: '#fff', maxWidth: 860, margin: '0 auto' }}
    >
      <Text
        ta="center"
        fz={24}
        mb="lg"
        style={{ fontFamily: HEADING_FONT, lineHeight: 1.4 }}
        data-testid="report-title"
      >
        {view.title}
      </Text>
      {REPORT_SECTION_KEYS.map((section) => {
        const table = TABLE_OF[section]
        return (
          <Box key={section} mb="md">
            <Text fz={17} mb={6} style={{ fontFamily: HEADING_FONT }}>
              {REPORT_SECTION_HEADINGS[section]}
            </Text>
            {(NARRATIVE_SECTIONS as readonly string[]).includes(section) && (
              <Narrative
                text={view.rendered[section as NarrativeSectionKey]}
                marks={view.problems.filter((p) => p.section === section)}
                selected={selected?.section === section ? selected : null}
              />
            )}
            {table && (
              <GridTable view={view} table={table} flagged={flagged} selectedKey={selectedKey} />
            )}
            {section === 'proactive' && view.charts.itemsByKind.length > 0 && (
              <Box mt="sm">
                <ReportCharts outcomes={[]} itemsByKind={view.charts.itemsByKind} only="items" />
              </Box>
            )}
            {section === 'requests' && (
              <Box mt="sm">
                <ReportCharts outcomes={view.charts.outcomes} itemsByKind={[]} only="outcomes" />
              </Box>
            )}
          </Box>
        )
      })}
    </Paper>
  )
}

/** Paragraphs with the sentences a rule points at underlined (the selected one filled). */
function Narrative({
  text,
  marks,
  selected,
}: {
  text: string
  marks: ReportProblem[]
  selected: ReportProblem | null
}) {
  // Character ranges to mark, from the rule's offset/length or by finding the sentence.
  const ranges = marks
    .map((m) => {
      if (m.offset !== undefined && m.length !== undefined)
        return { from: m.offset, to: m.offset + m.length, m }
      const at = m.sentence ? text.indexOf(m.sentence) : -1
      return at >= 0 ? { from: at, to: at + m.sentence!.length, m } : null
    })
    .filter((r): r is { from: number; to: number; m: ReportProblem } => r !== null)
    .sort((a, b) => a.from - b.from)
  const lines = text.split('\n')
  const starts = lines.map((_, i) => lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0))
  return (
    <>
      {lines.map((line, i) => {
        const start = starts[i] ?? 0
        if (line.trim() === '') return null
        const parts: React.ReactNode[] = []
        let at = start
        for (const r of ranges.filter((x) => x.from < start + line.length && x.to > start)) {
          const from = Math.max(r.from, at)
          const to = Math.min(r.to, start + line.length)
          if (from > at) parts.push(text.slice(at, from))
          if (to > from) {
            const isSelected = selected === r.m
            parts.push(
              <Tooltip key={`${from}`} label={r.m.message} multiline w={320} withArrow>
                <mark
                  data-testid="report-sentence-mark"
                  data-selected={isSelected ? 'true' : undefined}
                  style={{
                    background: isSelected ? 'var(--mantine-color-red-2)' : 'transparent',
                    textDecoration: `underline wavy var(--mantine-color-${r.m.severity === 'error' ? 'red' : 'yellow'}-7)`,
                    color: 'inherit',
                  }}
                >
                  {text.slice(from, to)}
                </mark>
              </Tooltip>,
            )
          }
          at = Math.max(at, to)
        }
        if (at < start + line.length) parts.push(text.slice(at, start + line.length))
        return (
          <Text
            key={i}
            fz={15}
            style={{ textIndent: '2em', lineHeight: 1.9, textAlign: 'justify' }}
          >
            {parts}
          </Text>
        )
      })}
    </>
  )
}

/** One table from format.ts's grid (HTML-style spans), values from the view, sources on hover. */
function GridTable({
  view,
  table,
  flagged,
  selectedKey,
}: {
  view: ReportView
  table: ReportTableKey
  flagged: Map<string, 'error' | 'warning'>
  selectedKey: string | null
}) {
  const grid = tableGrid(view.format, table)
  const small = table !== 'table2'
  return (
    <Box style={{ overflowX: 'auto' }}>
      <table
        data-testid={`report-${table}`}
        style={{
          borderCollapse: 'collapse',
          width: '100%',
          fontSize: small ? 12 : 13,
          tableLayout: 'fixed',
        }}
      >
        <colgroup>
          {tableColumnWeights(table, grid.columns).map((w, i, all) => (
            <col key={i} style={{ width: `${(100 * w) / all.reduce((a, b) => a + b, 0)}%` }} />
          ))}
        </colgroup>
        <tbody>
          {grid.rows.map((cells, r) => (
            <tr key={r}>
              {cells.map((c, i) => {
                const base: React.CSSProperties = {
                  border: '1px solid #333',
                  padding: '3px 4px',
                  verticalAlign: 'middle',
                  wordBreak: 'break-all',
                }
                if (c.kind === 'label') {
                  const header = c.role !== 'row'
                  return (
                    <td
                      key={i}
                      rowSpan={c.rowSpan}
                      colSpan={c.colSpan}
                      style={{
                        ...base,
                        textAlign: c.role === 'row' || c.role === 'heading' ? 'left' : 'center',
                        background: header ? '#f2f2f2' : undefined,
                        fontFamily: header ? HEADING_FONT : undefined,
                      }}
                    >
                      {c.text}
                    </td>
                  )
                }
                const key = cellKey(table, c.row, c.column)
                const v = view.tables[table][c.row]?.[c.column] ?? null
                const source = view.sources[key]
                const flag = flagged.get(key)
                const isSelected = selectedKey === key
                return (
                  <Tooltip
                    key={i}
                    label={source ? `${SOURCE_KIND_LABELS[source.kind]}：${source.note}` : key}
                    multiline
                    w={300}
                    withArrow
                    openDelay={300}
                  >
                    <td
                      rowSpan={c.rowSpan}
                      colSpan={c.colSpan}
                      data-cell={key}
                      data-flag={flag}
                      data-selected={isSelected ? 'true' : undefined}
                      style={{
                        ...base,
                        textAlign: 'center',
                        fontFamily: 'inherit',
                        background: isSelected
                          ? 'var(--mantine-color-red-2)'
                          : flag === 'error'
                            ? 'var(--mantine-color-red-0)'
                            : flag === 'warning'
                              ? 'var(--mantine-color-yellow-0)'
                              : source?.kind === 'missing'
                                ? 'var(--mantine-color-orange-0)'
                                : undefined,
                        outline: flag
                          ? `2px solid var(--mantine-color-${flag === 'error' ? 'red' : 'yellow'}-6)`
                          : undefined,
                        outlineOffset: -2,
                      }}
                    >
                      {source?.kind === 'missing' ? '待填' : figure(v)}
                    </td>
                  </Tooltip>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  )
}
