/**
 * Page and type measures of an official document (GB/T 9704-2012 《党政机关公文格式》), in the
 * units Word uses: twips (1/20 pt) for lengths, half-points for font sizes.
 */

const MM = 1440 / 25.4

export const mm = (v: number) => Math.round(v * MM)

/** A4, portrait. */
export const PAGE = { width: 11906, height: 16838 } as const

/** 天头 37 mm, 订口 28 mm; bottom 35 mm, right 26 mm: a 156 × 225 mm text block. */
export const MARGINS = {
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
  header: mm(15),
  // 页码: 一字线 7 mm below the text block, so the footer line ends about 23 mm above the edge.
  footer: mm(23),
} as const

/** Width of the text block in twips. */
export const TEXT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right

/** Font sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt. */
export const SIZE = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24, wuhao: 21 } as const

/** 22 lines on the 225 mm text block: a line pitch of about 28.9 pt. */
export const LINE_PITCH = 579

/** Line spacing in tables (exact), by font size. */
export const TABLE_LINE = { sihao: 400, xiaosi: 340 } as const

/**
 * Fonts. Word has no fallback list, so each run names its East Asian font explicitly and the font
 * table gives Word an alternative (w:altName) for a machine without it: 仿宋_GB2312 → 仿宋,
 * 方正小标宋简体 → 黑体 (小标宋 is not on a stock Windows), 楷体_GB2312 → 楷体. Latin text and
 * digits in the body are set in Times New Roman.
 */
export const FONTS = {
  body: '仿宋_GB2312',
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  page: '宋体',
  latin: 'Times New Roman',
} as const

/** Alternatives written into word/fontTable.xml. */
export const FONT_ALTERNATIVES: Record<string, { alt: string; family: string; pitch: string }> = {
  仿宋_GB2312: { alt: '仿宋', family: 'modern', pitch: 'fixed' },
  方正小标宋简体: { alt: '黑体', family: 'script', pitch: 'variable' },
  楷体_GB2312: { alt: '楷体', family: 'modern', pitch: 'fixed' },
  黑体: { alt: 'SimHei', family: 'modern', pitch: 'fixed' },
  宋体: { alt: 'SimSun', family: 'auto', pitch: 'variable' },
}

/** One character at 三号 (16 pt) in twips: the unit of GB/T 9704's indents. */
export const CHAR = 320

/**
 * Column widths (twips) summing to `total`, proportional to the weights, none below `min`.
 */
export function fitWidths(weights: readonly number[], total = TEXT_WIDTH, min = 600): number[] {
  const w = weights.map((x) => (Number.isFinite(x) && x > 0 ? x : 1))
  const sum = w.reduce((a, b) => a + b, 0)
  const raw = w.map((x) => Math.max(min, Math.floor((x / sum) * total)))
  // Give the rounding difference (or take the excess of raised minimums) from the widest column.
  const diff = total - raw.reduce((a, b) => a + b, 0)
  const widest = raw.indexOf(Math.max(...raw))
  raw[widest] = (raw[widest] ?? 0) + diff
  return raw
}
