/**
 * 索引号 patterns: `{org}` 统一社会信用代码, `{yyyy}` year, `{yyyymm}` year+month, `{mm}` month,
 * `{seq:N}` sequence zero-padded to N digits (1–10), `{seq}` unpadded. Pure: the settings screen
 * previews with it and core formats with it.
 */
const TOKEN = /\{([a-z]+)(?::(\d+))?\}/g
const KNOWN = new Set(['org', 'yyyy', 'yyyymm', 'mm', 'seq'])

export type IndexPatternCheck = { ok: true } | { ok: false; message: string }

/** Checks a pattern: known tokens only, one sequence, and a year so numbers stay unique. */
export function checkIndexPattern(pattern: string): IndexPatternCheck {
  const fail = (why: string): IndexPatternCheck => ({
    ok: false,
    message: `索引号格式有误：${why}。示例：{org}/{yyyy}-{seq:5}`,
  })
  if (pattern.trim() === '') return fail('不能为空')
  if (pattern.length > 100) return fail('最多 100 个字符')
  let seqCount = 0
  let hasYear = false
  for (const m of pattern.matchAll(TOKEN)) {
    const name = m[1] ?? ''
    if (!KNOWN.has(name)) return fail(`不认识的占位符 {${name}}`)
    if (name === 'seq') {
      seqCount++
      const width = m[2] === undefined ? 0 : Number(m[2])
      if (width > 10) return fail('序号位数最多 10 位')
    } else if (m[2] !== undefined) return fail(`{${name}} 不能带位数`)
    if (name === 'yyyy' || name === 'yyyymm') hasYear = true
  }
  if (/[{}]/.test(pattern.replace(TOKEN, ''))) return fail('花括号只能用于占位符')
  if (seqCount !== 1) return fail('须包含且只包含一个序号占位符 {seq:5}')
  if (!hasYear) return fail('须包含年份 {yyyy} 或 {yyyymm}（序号每年重新编排）')
  return { ok: true }
}

/** Fills a (checked) pattern; `date` gives the year and month in local time. */
export function formatIndexNumber(
  pattern: string,
  values: { org: string; date: Date; seq: number },
): string {
  const yyyy = String(values.date.getFullYear())
  const mm = String(values.date.getMonth() + 1).padStart(2, '0')
  return pattern.replace(TOKEN, (_all, name: string, width?: string) => {
    switch (name) {
      case 'org':
        return values.org
      case 'yyyy':
        return yyyy
      case 'yyyymm':
        return yyyy + mm
      case 'mm':
        return mm
      case 'seq':
        return String(values.seq).padStart(width === undefined ? 0 : Number(width), '0')
      default:
        return _all
    }
  })
}
