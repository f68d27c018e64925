import { ARTICLE_33 } from './count'
import { dateWithWeekday, dayWithWeekday, fromDayNumber, toDayNumber, yearOfDay } from './dates'
import type { WorkCalendar } from './work-calendar'

/**
 * A span during which the answer clock does not run: 条例第三十三条第三款 — the time needed to
 * consult a third party (第三十二条) or another agency (第三十四条) is not counted. The working days
 * after `from` up to and including `to` are not counted; counting resumes the day after `to` (the
 * day the reply arrives is, like the day of receipt, day 0 of the remainder). `to` missing: still
 * open, the clock is held.
 */
export interface DeadlinePause {
  from: string
  to?: string | null
  /** Chinese, e.g. 「征求第三方意见」. */
  reason: string
  /** e.g. 「条例第三十二条」; defaults to 条例第三十三条. */
  article?: string
}

/** An approved extension (条例第三十三条第二款: once, at most 20 working days). */
export interface DeadlineExtension {
  days: number
  reason: string
  article?: string
}

export interface DeadlineInput {
  /** Day 0: the day of receipt (第三十一条), or of the corrected request after 补正 (第三十条). */
  start: string
  /** Working days allowed, e.g. 20 (第三十三条). */
  days: number
  pauses?: DeadlinePause[]
  extensions?: DeadlineExtension[]
  /** The rule the base period comes from; default 条例第三十三条. */
  article?: string
  /** What happened on day 0; default 「收到申请」. */
  startText?: string
  /** The start day's rule; default `article`. */
  startArticle?: string
}

export type DeadlineStepKind = 'start' | 'count' | 'skip' | 'pause' | 'provisional' | 'due'

export interface DeadlineStep {
  date?: string
  from?: string
  to?: string
  kind: DeadlineStepKind
  /** Chinese, one sentence a reviewer can check against a printed calendar. */
  text: string
  article?: string
}

export interface DeadlineResult {
  /** The last day to answer; null while an open pause holds the clock. */
  dueDate: string | null
  /** True when the count passed through a year the calendar does not know (暂定). */
  provisional: boolean
  unknownYears: number[]
  /** True when an open pause holds the clock. */
  paused: boolean
  /** Working days counted so far (all of them when dueDate is set). */
  countedDays: number
  /** Base days plus extensions. */
  totalDays: number
  timeline: DeadlineStep[]
}

interface PauseSpan {
  a: number
  b: number // Infinity while open
  pause: DeadlinePause
}

function validate(input: DeadlineInput): { start: number; spans: PauseSpan[]; total: number } {
  const start = toDayNumber(input.start)
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > 1000) {
    throw new RangeError(`期限工作日数应为 1 至 1000 之间的整数：${input.days}`)
  }
  let total = input.days
  for (const e of input.extensions ?? []) {
    if (!Number.isInteger(e.days) || e.days < 1 || e.days > 1000) {
      throw new RangeError(`延长的工作日数应为 1 至 1000 之间的整数：${e.days}`)
    }
    total += e.days
  }
  const spans = (input.pauses ?? []).map((pause) => {
    const a = toDayNumber(pause.from)
    const b = pause.to ? toDayNumber(pause.to) : Number.POSITIVE_INFINITY
    if (a < start)
      throw new RangeError(`「${pause.reason}」的开始日期 ${pause.from} 早于起算日 ${input.start}`)
    if (b < a)
      throw new RangeError(
        `「${pause.reason}」的结束日期 ${pause.to ?? ''} 早于开始日期 ${pause.from}`,
      )
    return { a, b, pause }
  })
  spans.sort((x, y) => x.a - y.a)
  return { start, spans, total }
}

/** The rule a holiday or 调休 day rests on: that year's State Council notice. */
function noticeArticle(day: number): string {
  return `国务院办公厅${yearOfDay(day)}年节假日安排`
}

type Run =
  | { kind: 'count'; from: number; to: number; first: number; last: number }
  | { kind: 'skip'; from: number; to: number; names: string[]; holiday: boolean; weekend: boolean }

/**
 * Counts an answer deadline: day 0 is `start`, counting from the next day (条例第三十三条); holidays
 * and weekends are skipped and 调休 make-up days count, per the calendar; working days inside a
 * pause are not counted; extensions add to the period once the base period is used up. Days in a
 * year the calendar does not know count Monday–Friday and make the result provisional (暂定) —
 * the timeline says so, never silently. The timeline lists every counted run, every skipped span
 * (each holiday named), every make-up day, every pause and the rule for each step.
 */
export function countDeadline(cal: WorkCalendar, input: DeadlineInput): DeadlineResult {
  const { start, spans, total } = validate(input)
  const article = input.article ?? ARTICLE_33
  const timeline: DeadlineStep[] = [
    {
      date: input.start,
      kind: 'start',
      text: `${dateWithWeekday(input.start)}${input.startText ?? '收到申请'}，当日为第 0 日，自次日起计算 ${input.days} 个工作日`,
      article: input.startArticle ?? article,
    },
  ]
  const unknown = new Set<number>()
  let run: Run | null = null
  const flush = (): void => {
    if (!run) return
    const from = fromDayNumber(run.from)
    const to = fromDayNumber(run.to)
    const span =
      run.from === run.to
        ? dayWithWeekday(run.from)
        : `${dayWithWeekday(run.from)}至${dayWithWeekday(run.to)}`
    if (run.kind === 'count') {
      const which =
        run.first === run.last ? `第 ${run.first} 个工作日` : `第 ${run.first}–${run.last} 个工作日`
      timeline.push({ from, to, kind: 'count', text: `${span}计${which}`, article })
    } else {
      const what = run.holiday
        ? `${run.names.length > 0 ? run.names.join('、') : '法定节假日'}放假${run.weekend ? '（含周末）' : ''}`
        : '周末休息日'
      timeline.push({
        from,
        to,
        kind: 'skip',
        text: `${span}${what}，不计入`,
        article: run.holiday ? noticeArticle(run.from) : article,
      })
    }
    run = null
  }

  let counted = 0
  let target = input.days
  let extIndex = 0
  const extensions = input.extensions ?? []
  let day = start
  let paused = false
  const announced = new Set<PauseSpan>()
  const lateSpans: PauseSpan[] = []

  while (counted < total) {
    // Extensions take effect when the period so far is used up (第三十三条第二款).
    while (counted === target && extIndex < extensions.length) {
      flush()
      const e = extensions[extIndex++]!
      target += e.days
      timeline.push({
        date: fromDayNumber(day),
        kind: 'count',
        text: `原期限于${dayWithWeekday(day)}届满；经批准延长 ${e.days} 个工作日（${e.reason}），继续计算`,
        article: e.article ?? `${ARTICLE_33}第二款`,
      })
    }
    day++
    const inPause = spans.find((s) => day > s.a && day <= s.b)
    if (inPause) {
      if (!announced.has(inPause)) {
        flush()
        announced.add(inPause)
        timeline.push(pauseStep(cal, inPause))
      }
      if (inPause.b === Number.POSITIVE_INFINITY) {
        paused = true
        break
      }
      continue
    }
    const info = cal.dayInfoNumber(day)
    if (info.provisional && !unknown.has(yearOfDay(day))) {
      flush()
      const y = yearOfDay(day)
      unknown.add(y)
      timeline.push({
        date: fromDayNumber(day),
        kind: 'provisional',
        text: `${y} 年的节假日安排尚未录入日历，自${dayWithWeekday(day)}起按周一至周五计算，期限为暂定；国务院办公厅公布通知后请在「节假日日历」中添加`,
        article,
      })
    }
    if (info.kind === 'workday' || info.kind === 'makeup') {
      counted++
      if (info.kind === 'makeup') {
        flush()
        timeline.push({
          date: fromDayNumber(day),
          kind: 'count',
          text: `${dayWithWeekday(day)}${info.name ? `${info.name}` : ''}调休上班，计第 ${counted} 个工作日`,
          article: noticeArticle(day),
        })
      } else if (run?.kind === 'count' && run.to === day - 1) {
        run.to = day
        run.last = counted
      } else {
        flush()
        run = { kind: 'count', from: day, to: day, first: counted, last: counted }
      }
    } else {
      if (!(run?.kind === 'skip' && run.to === day - 1)) {
        flush()
        run = { kind: 'skip', from: day, to: day, names: [], holiday: false, weekend: false }
      }
      const r = run as Extract<Run, { kind: 'skip' }>
      r.to = day
      if (info.kind === 'holiday') {
        r.holiday = true
        if (info.name && !r.names.includes(info.name)) r.names.push(info.name)
      } else r.weekend = true
    }
  }
  flush()

  for (const s of spans) if (!announced.has(s)) lateSpans.push(s)
  const dueDate = paused ? null : fromDayNumber(day)
  const unknownYears = [...unknown].sort((a, b) => a - b)
  const provisional = unknownYears.length > 0
  if (dueDate) {
    timeline.push({
      date: dueDate,
      kind: 'due',
      text: `${dateWithWeekday(dueDate)}为第 ${total} 个工作日，期限届满${provisional ? '（暂定）' : ''}`,
      article,
    })
  }
  for (const s of lateSpans) {
    timeline.push({
      from: s.pause.from,
      ...(s.pause.to ? { to: s.pause.to } : {}),
      kind: 'pause',
      text: `${s.pause.reason}自${dateWithWeekday(s.pause.from)}开始，在期限届满之后，不影响期限`,
      article: s.pause.article ?? ARTICLE_33,
    })
  }
  return {
    dueDate,
    provisional,
    unknownYears,
    paused,
    countedDays: counted,
    totalDays: total,
    timeline,
  }
}

function pauseStep(cal: WorkCalendar, s: PauseSpan): DeadlineStep {
  const article = s.pause.article ?? ARTICLE_33
  const from = s.pause.from
  if (s.b === Number.POSITIVE_INFINITY) {
    return {
      from,
      kind: 'pause',
      text: `${s.pause.reason}：自${dateWithWeekday(from)}起暂停计算，尚未结束；所需时间不计入期限`,
      article,
    }
  }
  const to = s.pause.to!
  let n = 0
  for (let d = s.a + 1; d <= s.b; d++) if (cal.isWorkdayNumber(d)) n++
  return {
    from,
    to,
    kind: 'pause',
    text: `${s.pause.reason}：自${dateWithWeekday(from)}次日起至${dateWithWeekday(to)}暂停计算，其间 ${n} 个工作日不计入期限，次日起恢复计算`,
    article,
  }
}
