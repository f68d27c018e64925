import { existsSync } from 'node:fs'
import { Resvg } from '@resvg/resvg-js'
import type { ChartDatum } from '../../shared/report/types'
import { escapeText } from '../html/html-text'

/**
 * The report's two charts (requests by outcome, items by category) as SVG built here and
 * rasterised with resvg for the .docx — no browser in core. The preview draws the same data with
 * Mantine charts. Text is set in the system's CJK font (Noto CJK when installed, else whatever
 * loadSystemFonts finds); a machine without CJK fonts still gets the bars and the figures.
 */

/** The bar colours (print well in grey too). */
const COLOURS = ['#1c7ed6', '#37b24d', '#f59f00', '#e8590c', '#7048e8', '#868e96', '#0ca678']

export const CHART_SIZE = { width: 880, height: 440 } as const

const FONT_FAMILY = "'Noto Sans CJK SC', 'Noto Serif CJK SC', 'WenQuanYi Micro Hei', sans-serif"

/** A horizontal bar chart with the value at the end of each bar and a title. */
export function barChartSvg(title: string, data: readonly ChartDatum[], unit: string): string {
  const { width, height } = CHART_SIZE
  const top = 70
  const left = 170
  const right = 90
  const rows = Math.max(1, data.length)
  const band = (height - top - 30) / rows
  const bar = Math.min(34, band * 0.62)
  const max = Math.max(1, ...data.map((d) => d.value))
  const scale = (width - left - right) / max
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="40" text-anchor="middle" font-family="${FONT_FAMILY}" font-size="26" font-weight="bold" fill="#212529">${escapeText(title)}</text>`,
    `<line x1="${left}" y1="${top - 8}" x2="${left}" y2="${height - 24}" stroke="#495057" stroke-width="2"/>`,
  ]
  if (data.length === 0) {
    parts.push(
      `<text x="${width / 2}" y="${height / 2}" text-anchor="middle" font-family="${FONT_FAMILY}" font-size="22" fill="#868e96">本年度无数据</text>`,
    )
  }
  data.forEach((d, i) => {
    const y = top + i * band + (band - bar) / 2
    const w = Math.max(d.value > 0 ? 3 : 0, d.value * scale)
    parts.push(
      `<text x="${left - 12}" y="${y + bar / 2 + 8}" text-anchor="end" font-family="${FONT_FAMILY}" font-size="22" fill="#212529">${escapeText(d.label)}</text>`,
      `<rect x="${left}" y="${y}" width="${w}" height="${bar}" fill="${COLOURS[i % COLOURS.length]}"/>`,
      `<text x="${left + w + 8}" y="${y + bar / 2 + 8}" font-family="${FONT_FAMILY}" font-size="22" fill="#212529">${d.value} ${escapeText(unit)}</text>`,
    )
  })
  parts.push('</svg>')
  return parts.join('')
}

const CJK_FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  'C:\\Windows\\Fonts\\msyh.ttc',
  'C:\\Windows\\Fonts\\simhei.ttf',
  '/System/Library/Fonts/PingFang.ttc',
]

/** Rendered charts by SVG text: the .docx export and the published item reuse the same pictures. */
const cache = new Map<string, Uint8Array>()
const CACHE_SIZE = 8

/** Forget the rendered charts (the benchmark measures a cold export). */
export function clearChartCache(): void {
  cache.clear()
}

/**
 * An SVG as PNG bytes (2× for print). With a CJK font file present only that file is loaded
 * (loading every system font costs more than the picture); without one, the system fonts.
 */
export function rasterise(svg: string): Uint8Array {
  const hit = cache.get(svg)
  if (hit) return hit
  const fontFiles = CJK_FONTS.filter((f) => existsSync(f)).slice(0, 1)
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: {
      loadSystemFonts: fontFiles.length === 0,
      fontFiles,
      ...(fontFiles.length
        ? { defaultFontFamily: 'Noto Sans CJK SC', sansSerifFamily: 'Noto Sans CJK SC' }
        : {}),
    },
    background: '#ffffff',
  })
  const png = resvg.render().asPng()
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!)
  cache.set(svg, png)
  return png
}

export interface ReportCharts {
  outcomes: Uint8Array
  itemsByKind: Uint8Array
}

export const CHART_TITLES = {
  outcomes: '政府信息公开申请办理结果',
  itemsByKind: '主动公开政府信息分类',
} as const

export function renderCharts(data: {
  outcomes: readonly ChartDatum[]
  itemsByKind: readonly ChartDatum[]
}): ReportCharts {
  return {
    outcomes: rasterise(barChartSvg(CHART_TITLES.outcomes, data.outcomes, '件')),
    itemsByKind: rasterise(barChartSvg(CHART_TITLES.itemsByKind, data.itemsByKind, '条')),
  }
}
