import type { ParsedFestival } from '../../shared/calendar/types'
import { fromDayNumber, isIsoDate, toDayNumber, WEEKDAY_NAMES, weekdayOf } from '../deadlines'
import { AppError } from '../errors'

/**
 * Reads the State Council's yearly notice (国务院办公厅关于XXXX年部分节假日安排的通知) into days off
 * and 调休 make-up working days. One numbered line per festival 「二、春节：2月15日至23日放假调休，
 * 共9天。2月14日（星期六）、2月28日（星期六）上班。」. Accepted wording (each seen in a real notice):
 * a range 「1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）」 or 「2月15日至23日」 (month left
 * out of the end), a single day 「6月10日放假」, 「放假调休」/「放假」/「放假1天」, 「补休」 (another day
 * off), 「与周末连休」/「不调休」 (nothing more), 「共N天」 (checked against the range), make-up days
 * listed with 、 before 「上班」, 周 or 星期, full- or half-width punctuation, one line naming two
 * festivals (国庆节、中秋节). The weekday in brackets is checked against the date. Anything else on a
 * numbered line is refused with that line — the parser never guesses. A sentence that only
 * encourages (「鼓励各单位…安排职工在除夕（2月9日）休息」) sets no day off; it is reported as a warning.
 */

export interface ParsedNotice {
  year: number
  title: string | null
  holidays: string[]
  workdays: string[]
  names: Record<string, string>
  festivals: ParsedFestival[]
  warnings: string[]
}

const CN_NUM = '一二三四五六七八九十'
const WEEKDAY_CHARS: Record<string, number> = {
  日: 0,
  天: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
}
const WEEKDAY_TEXT = ['日', '一', '二', '三', '四', '五', '六']

/** Full-width digits and letters to ASCII, half-width punctuation to the notice's full width. */
export function normaliseNoticeText(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00A0\u3000]+/g, '')
    .replace(/,/g, '，')
    .replace(/:/g, '：')
    .replace(/;/g, '；')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[~～—－]/g, '至')
    .replace(/^([一二三四五六七八九十]+|\d{1,2})[.．]/gm, '$1、')
    .replace(/[.．]/g, '。')
}

function fail(lineNo: number, line: string, why: string): never {
  throw new AppError('VALIDATION', `无法识别通知第 ${lineNo} 行：「${line}」——${why}`, {
    line: lineNo,
    text: line,
  })
}

/** The year the title names (「关于2026年部分节假日安排的通知」), or null. */
export function noticeYear(text: string): number | null {
  const m = /(\d{4})年(?:部分)?节假日安排/.exec(normaliseNoticeText(text))
  return m ? Number(m[1]) : null
}

/** 「二、春节：……」 (also 「2、春节：」 and 「2.春节：」). */
const NUMBERED = new RegExp(`^(?:[${CN_NUM}]+|\\d{1,2})、([^：]{1,20})：(.*)$`)
const FESTIVAL = '(?:元旦|春节|清明节?|劳动节|五一|端午节?|中秋节?|国庆节)'
/** 「春节：……」 pasted without its number. */
const UNNUMBERED = new RegExp(`^(${FESTIVAL}(?:、${FESTIVAL})*)：(.*)$`)
/** A line that states days off or working days but is not a festival line: refused, not skipped. */
const LOOKS_LIKE_DAYS = /\d{1,2}月\d{1,2}日[^。，《]{0,10}?(?:放假|补休|上班)/
const DATE_TOKEN = /^(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:（([^）]*)）)?/

interface DateRef {
  year: number | null
  month: number | null
  day: number
  note: string | null
}

/** Reads a date token at the start of `s`; returns it and the rest. */
function readDate(s: string): { ref: DateRef; rest: string } | null {
  const m = DATE_TOKEN.exec(s)
  if (!m) return null
  return {
    ref: {
      year: m[1] ? Number(m[1]) : null,
      month: m[2] ? Number(m[2]) : null,
      day: Number(m[3]),
      note: m[4] ?? null,
    },
    rest: s.slice(m[0].length),
  }
}

function iso(year: number, month: number, day: number): string | null {
  const s = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return isIsoDate(s) ? s : null
}

/**
 * Parses one notice as a whole year's calendar: reads it (readHolidayNotice), then refuses it
 * unless it arranges each of the seven festivals exactly once and its days off come to the year's
 * statutory total (checkNoticeComplete). This is the only way a pasted notice is accepted.
 */
export function parseHolidayNotice(text: string, year?: number): ParsedNotice {
  const { notice, lineNumbers } = readNotice(text, year)
  checkNoticeComplete(notice, lineNumbers)
  return notice
}

/**
 * Reads the festival lines of a notice, or of a part of one, without asking for the whole year
 * (for checking wording). `year` is used when the title names none; without either it asks for
 * the year. Throws AppError('VALIDATION') naming the first line it cannot read.
 */
export function readHolidayNotice(text: string, year?: number): ParsedNotice {
  return readNotice(text, year).notice
}

function readNotice(text: string, year?: number): { notice: ParsedNotice; lineNumbers: number[] } {
  const normalised = normaliseNoticeText(text)
  const titleYear = noticeYear(text)
  if (titleYear !== null && year !== undefined && titleYear !== year) {
    throw new AppError(
      'VALIDATION',
      `通知标题中的年份是 ${titleYear} 年，与填写的 ${year} 年不一致`,
    )
  }
  const y = titleYear ?? year
  if (y === undefined) {
    throw new AppError(
      'VALIDATION',
      '无法从通知标题中读出年份（如「关于2027年部分节假日安排的通知」），请填写年份',
    )
  }
  // Pasted from a web page the numbered items may run into one paragraph: one item per line.
  const split = normalised.replace(
    new RegExp(`(?<=。)(?=(?:[${CN_NUM}]+|\\d{1,2})、[^：。]{1,20}：)`, 'g'),
    '\n',
  )
  const lines = split.split('\n')
  const title =
    lines.map((l) => l.trim()).find((l) => /节假日安排/.test(l) && l.length < 60) ?? null

  const holidays = new Set<string>()
  const workdays = new Set<string>()
  const names: Record<string, string> = {}
  const festivals: ParsedFestival[] = []
  const lineNumbers: number[] = []
  const warnings: string[] = []

  lines.forEach((raw, index) => {
    const line = raw.trim()
    const lineNo = index + 1
    const m = NUMBERED.exec(line) ?? UNNUMBERED.exec(line)
    if (!m) {
      if (LOOKS_LIKE_DAYS.test(line)) {
        fail(lineNo, line, '看起来是放假安排，但不是「一、元旦：……」这样的节日行')
      }
      return
    }
    const name = m[1]!.trim()
    const festival = parseFestivalBody(y, m[2]!, line, lineNo, warnings)
    for (const d of festival.holidays) {
      if (workdays.has(d) || festival.workdays.includes(d)) fail(lineNo, line, `${d} 既放假又上班`)
      holidays.add(d)
      names[d] = name
    }
    for (const d of festival.workdays) {
      if (holidays.has(d)) fail(lineNo, line, `${d} 既放假又上班`)
      workdays.add(d)
      names[d] = name
    }
    festivals.push({ name, line, ...festival })
    lineNumbers.push(lineNo)
  })
  if (festivals.length === 0) {
    throw new AppError(
      'VALIDATION',
      '通知中没有找到节日安排（应有「一、元旦：1月1日放假，共1天。」这样的编号行），请粘贴通知全文',
    )
  }
  return {
    notice: {
      year: y,
      title,
      holidays: [...holidays].sort(),
      workdays: [...workdays].sort(),
      names,
      festivals,
      warnings,
    },
    lineNumbers,
  }
}

/** 《全国年节及纪念日放假办法》第二条: the festivals on which all citizens have days off. */
export const SEVEN_FESTIVALS = [
  '元旦',
  '春节',
  '清明节',
  '劳动节',
  '端午节',
  '中秋节',
  '国庆节',
] as const
type Festival = (typeof SEVEN_FESTIVALS)[number]

/** The names a notice line may use (「清明」「五一」 as pasted) → the festival. */
const FESTIVAL_ALIASES: Record<string, Festival> = {
  元旦: '元旦',
  春节: '春节',
  清明: '清明节',
  清明节: '清明节',
  劳动节: '劳动节',
  五一: '劳动节',
  五一劳动节: '劳动节',
  端午: '端午节',
  端午节: '端午节',
  中秋: '中秋节',
  中秋节: '中秋节',
  国庆: '国庆节',
  国庆节: '国庆节',
}

const SEVEN_TEXT = SEVEN_FESTIVALS.join('、')

/**
 * The statutory days (法定节假日) among a notice's days off. A notice does not state them (「共N天」
 * counts the bridged weekend), but they follow from it: a statutory day is a weekday off (one that
 * falls on a weekend gets a weekday 补休, 放假办法第六条), and every other weekday off is paid back
 * by one 调休 working day. So: weekdays off − make-up working days. Checked against chinese-days
 * for 2014–2026 in the tests.
 */
export function statutoryDays(holidays: readonly string[], workdays: readonly string[]): number {
  const weekdaysOff = holidays.filter((d) => {
    const w = weekdayOf(d)
    return w !== 0 && w !== 6
  }).length
  return weekdaysOff - workdays.length
}

/**
 * The year's statutory total under 《全国年节及纪念日放假办法》: 13 days from 2025 (2024 revision:
 * 春节 and 劳动节 one day more), 11 days 2008–2024 (2007 revision), null before 2008 (other
 * festivals then; the parser does not read those notices).
 */
export function statutoryDaysFor(year: number): number | null {
  if (year >= 2025) return 13
  if (year >= 2008) return 11
  return null
}

/**
 * Refuses a notice that is not a whole year: each of the seven festivals exactly once (one line may
 * name two, 「中秋节、国庆节」), nothing else, and the year's statutory total of days off
 * (《全国年节及纪念日放假办法》第二条). The message names what is missing or duplicated.
 */
function checkNoticeComplete(notice: ParsedNotice, lineNumbers: readonly number[]): void {
  const expected = statutoryDaysFor(notice.year)
  if (expected === null) {
    throw new AppError(
      'VALIDATION',
      `${notice.year} 年早于现行放假办法（2008 年起放假的节日为${SEVEN_TEXT}），无法核对该年的通知，请改用 .ics 文件导入`,
    )
  }
  const seen = new Map<Festival, number[]>()
  notice.festivals.forEach((f, i) => {
    const lineNo = lineNumbers[i]!
    for (const part of f.name.split(/[、和及与]/).map((p) => p.trim())) {
      const festival = FESTIVAL_ALIASES[part]
      if (!festival) {
        throw new AppError(
          'VALIDATION',
          `通知第 ${lineNo} 行：「${part}」不是全体公民放假的节日（${SEVEN_TEXT}，《全国年节及纪念日放假办法》第二条），年度通知中不应有这一行，请核对`,
          { line: lineNo, text: f.line },
        )
      }
      seen.set(festival, [...(seen.get(festival) ?? []), lineNo])
    }
  })
  const missing = SEVEN_FESTIVALS.filter((f) => !seen.has(f))
  const duplicated = SEVEN_FESTIVALS.filter((f) => (seen.get(f)?.length ?? 0) > 1)
  if (missing.length > 0 || duplicated.length > 0) {
    const parts: string[] = []
    if (missing.length > 0) parts.push(`缺少${missing.join('、')}`)
    for (const f of duplicated) parts.push(`${f}重复出现（第 ${seen.get(f)!.join('、')} 行）`)
    const head = missing.length > 0 ? '通知不完整' : '通知有重复的节日'
    throw new AppError(
      'VALIDATION',
      `${head}：${parts.join('；')}。年度通知应对${SEVEN_TEXT}各安排一次（《全国年节及纪念日放假办法》第二条），请粘贴通知全文`,
      { missing, duplicated },
    )
  }
  const counted = statutoryDays(notice.holidays, notice.workdays)
  if (counted !== expected) {
    const perLine = notice.festivals
      .map((f) => `${f.name} ${statutoryDays(f.holidays, f.workdays)}`)
      .join('、')
    throw new AppError(
      'VALIDATION',
      `${notice.year} 年法定节假日应为 ${expected} 天，通知中算得 ${counted} 天（${perLine}），按放假的工作日减去调休上班日计算（《全国年节及纪念日放假办法》第二条），请核对通知`,
      { expected, counted },
    )
  }
}

function parseFestivalBody(
  year: number,
  body: string,
  line: string,
  lineNo: number,
  warnings: string[],
): { holidays: string[]; workdays: string[]; statedDays: number | null } {
  const holidays: string[] = []
  const workdays: string[] = []
  let statedDays: number | null = null
  let rangeDays = 0

  const resolve = (ref: DateRef, defaultYear: number, defaultMonth: number | null): string => {
    const month = ref.month ?? defaultMonth
    if (month === null) fail(lineNo, line, `「${ref.day}日」没有写月份`)
    const d = iso(ref.year ?? defaultYear, month, ref.day)
    if (!d) fail(lineNo, line, `${month}月${ref.day}日不是有效日期`)
    checkWeekday(d, ref.note, line, lineNo)
    return d
  }

  const sentences = body
    .split('。')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  for (const sentence of sentences) {
    if (sentence.startsWith('鼓励') || sentence.startsWith('提倡')) {
      warnings.push(`第 ${lineNo} 行：「${sentence}」是倡议，不是放假安排，未计入`)
      continue
    }
    for (const clause of sentence
      .split(/[，；]/)
      .map((c) => c.trim())
      .filter((c) => c !== '')) {
      if (clause === '与周末连休' || clause === '不调休') continue
      const total = /^共(\d{1,2})天$/.exec(clause)
      if (total) {
        statedDays = Number(total[1])
        continue
      }
      const first = readDate(clause)
      if (!first) fail(lineNo, line, `看不懂「${clause}」`)
      // A list of make-up working days: 「2月14日（周六）、2月28日（周六）上班」.
      const dates: DateRef[] = [first.ref]
      let rest = first.rest
      while (rest.startsWith('、')) {
        const next = readDate(rest.slice(1))
        if (!next) fail(lineNo, line, `看不懂「${clause}」`)
        dates.push(next.ref)
        rest = next.rest
      }
      if (rest === '上班' || rest === '上班。') {
        let month: number | null = null
        for (const ref of dates) {
          const d = resolve(ref, year, month)
          month = ref.month ?? month
          workdays.push(d)
        }
        continue
      }
      if (dates.length > 1) fail(lineNo, line, `「${clause}」列出多个日期，但没有写「上班」`)
      let end: DateRef | null = null
      if (rest.startsWith('至')) {
        const e = readDate(rest.slice(1))
        if (!e) fail(lineNo, line, `看不懂「${clause}」中的结束日期`)
        end = e.ref
        rest = e.rest
      }
      const off = /^(?:放假(?:调休)?(?:(\d{1,2})天)?|补休)$/.exec(rest)
      if (!off)
        fail(
          lineNo,
          line,
          `看不懂「${clause}」（应为「……放假」「……放假调休」「……补休」或「……上班」）`,
        )
      if (off[1]) statedDays = Number(off[1])
      const startRef = first.ref
      if (!startRef.month) fail(lineNo, line, `「${clause}」的开始日期没有写月份`)
      let startYear = startRef.year ?? year
      if (end) {
        const endMonth = end.month ?? startRef.month
        if (!end.month && end.day < startRef.day) {
          fail(lineNo, line, `「${clause}」的结束日期早于开始日期，请写明月份`)
        }
        // 「12月31日至1月2日」: the range ends in the notice's year and starts in the one before.
        if (!startRef.year && !end.year && endMonth < startRef.month) startYear = year - 1
        const a = resolve(startRef, startYear, null)
        const b = resolve(
          end,
          end.year ?? (endMonth < startRef.month ? startYear + 1 : startYear),
          startRef.month,
        )
        const from = toDayNumber(a)
        const to = toDayNumber(b)
        if (to < from) fail(lineNo, line, `「${clause}」的结束日期早于开始日期`)
        if (to - from > 20) fail(lineNo, line, `「${clause}」跨度超过 20 天，请核对`)
        for (let d = from; d <= to; d++) holidays.push(fromDayNumber(d))
        rangeDays += to - from + 1
      } else {
        holidays.push(resolve(startRef, startYear, null))
        rangeDays += 1
      }
    }
  }
  if (holidays.length === 0) fail(lineNo, line, '没有找到放假日期')
  if (statedDays !== null && statedDays !== rangeDays) {
    fail(lineNo, line, `写明共 ${statedDays} 天，但所列放假日期共 ${rangeDays} 天`)
  }
  return { holidays, workdays, statedDays }
}

/** 「（周三）」「（农历除夕、星期二）」: the weekday named must be the date's. */
function checkWeekday(date: string, note: string | null, line: string, lineNo: number): void {
  if (!note) return
  const m = /(?:周|星期)([日天一二三四五六])/.exec(note)
  if (!m) return
  const want = WEEKDAY_CHARS[m[1]!]
  const actual = weekdayOf(date)
  if (want !== actual) {
    fail(
      lineNo,
      line,
      `${date} 是${WEEKDAY_NAMES[actual]}，通知中写作「周${m[1]}」，请核对年份或日期（应为周${WEEKDAY_TEXT[actual]}）`,
    )
  }
}
