import { readFile, stat } from 'node:fs/promises'
import { basename, extname, resolve } from 'node:path'
import { parseHolidayIcs } from '../core/calendar/ics'
import { parseHolidayNotice } from '../core/calendar/notice-parser'
import { addCalendarYear, type CalendarYearInput } from '../core/calendar/service'
import { AppError } from '../core/errors'
import { createEventBus } from '../core/events/bus'
import { registerListeners } from '../core/events/listeners'
import { CALENDAR_SOURCE_LABELS } from '../shared/calendar/labels'
import type { CliEnv } from './commands'
import { withExistingStore } from './drafting-commands'

const MAX_BYTES = 2 * 1024 * 1024

/** What a notice (.txt) or an .ics file says about the year to store. */
async function readYear(file: string, year: number | undefined): Promise<CalendarYearInput> {
  const path = resolve(file)
  const size = await stat(path).then(
    (s) => s.size,
    () => {
      throw new AppError('NOT_FOUND', `找不到文件：${path}`)
    },
  )
  if (size > MAX_BYTES) throw new AppError('VALIDATION', `文件超过 2 MB：${basename(path)}`)
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '')
  if (extname(path).toLowerCase() === '.ics') {
    const ics = parseHolidayIcs(text)
    const years = year === undefined ? ics.years : ics.years.filter((y) => y.year === year)
    if (years.length !== 1) {
      throw new AppError(
        'VALIDATION',
        years.length === 0
          ? `该 .ics 文件中没有 ${year} 年的放假安排`
          : `该 .ics 文件包含 ${ics.years.map((y) => y.year).join('、')} 年，请用 --year 指定要添加的年份`,
      )
    }
    const y = years[0]!
    return { ...y, source: 'ics', note: ics.calendarName ?? basename(path) }
  }
  const n = parseHolidayNotice(text, year)
  return {
    year: n.year,
    holidays: n.holidays,
    workdays: n.workdays,
    names: n.names,
    source: 'notice',
    note: n.title,
  }
}

/**
 * `calendar-add`: stores one year of the holiday calendar from a pasted State Council notice (.txt)
 * or an .ics file, recomputes what depends on it (the same 'calendar.changed' listeners as the
 * app), and prints what it stored — with `--json` exactly
 * `{"year":2026,"holidays":[…],"workdays":[…],"moved":[…]}`. Audited as the system (no user).
 */
export async function calendarAddCommand(
  args: { db: string; file: string | undefined; year: string | undefined; json: boolean },
  env: CliEnv,
): Promise<number> {
  if (!args.file) throw new AppError('VALIDATION', '缺少通知文件（.txt）或日历文件（.ics）')
  let year: number | undefined
  if (args.year !== undefined) {
    year = Number(args.year)
    if (!Number.isInteger(year) || year < 1990 || year > 2200) {
      throw new AppError('VALIDATION', `年份有误：${args.year}`)
    }
  }
  const input = await readYear(args.file, year)
  return withExistingStore(args.db, env, async ({ db }) => {
    const events = registerListeners(createEventBus())
    const result = await addCalendarYear({ db, clock: env.clock, events }, input, null)
    const { stored, moved } = result
    if (args.json) {
      env.io.out(
        JSON.stringify({
          year: stored.year,
          holidays: stored.holidays,
          workdays: stored.workdays,
          moved,
        }),
      )
      return 0
    }
    env.io.out(
      `已${result.replaced ? '更新' : '添加'} ${stored.year} 年节假日安排（${CALENDAR_SOURCE_LABELS[stored.source]}）：放假 ${stored.holidays.length} 天，调休上班 ${stored.workdays.length} 天`,
    )
    env.io.out(`放假：${stored.holidays.join('、')}`)
    env.io.out(`调休上班：${stored.workdays.length > 0 ? stored.workdays.join('、') : '无'}`)
    if (moved.length === 0) env.io.out('没有期限因此变动')
    for (const m of moved) {
      env.io.out(
        `期限变动：${m.label}  ${m.from ?? '—'}${m.provisionalBefore ? '（暂定）' : ''} → ${m.to ?? '—'}${m.provisionalAfter ? '（暂定）' : ''}`,
      )
    }
    return 0
  })
}
