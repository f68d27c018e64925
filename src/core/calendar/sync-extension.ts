import { districtCalendarSchema, type DistrictCalendarYear } from '../../shared/calendar/wire'
import type { CalendarYearView } from '../../shared/calendar/types'
import type { ExtensionOutcome, SyncExtension, SyncExtensionDeps } from '../sync/extensions'
import { findCalendarYear } from './repository'
import { addCalendarYear } from './service'

/** The note a year received from the district carries (how it is told apart from one entered here). */
export const DISTRICT_NOTE = '区级下发'

/** The holiday calendar's part of a sync run (src/core/sync/extensions-list.ts). */
export const calendarSyncExtension: SyncExtension = {
  name: 'calendar',
  label: '节假日日历',
  run: (d) => syncDistrictCalendar(d),
}

const short = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

function listDiff(label: string, theirs: string[], ours: string[]): string[] {
  const onlyTheirs = theirs.filter((d) => !ours.includes(d))
  const onlyOurs = ours.filter((d) => !theirs.includes(d))
  const out: string[] = []
  if (onlyTheirs.length) out.push(`区级另有${label} ${onlyTheirs.map(short).join('、')}`)
  if (onlyOurs.length) out.push(`本单位另有${label} ${onlyOurs.map(short).join('、')}`)
  return out
}

/** 「区级另有放假 10月8日；本单位另有调休上班 10月10日」, or '' when the arrangements agree. */
export function calendarDifference(
  district: DistrictCalendarYear,
  local: CalendarYearView,
): string {
  return [
    ...listDiff('放假', district.holidays, local.holidays),
    ...listDiff('调休上班', district.workdays, local.workdays),
  ].join('；')
}

/**
 * Receives the holiday calendar the district published (issue 15). A year this desk does not have,
 * has only from the bundled package, or received from the district before, is stored as the district
 * published it — through the calendar's one write path (audited; open requests' and items' due
 * dates recomputed by the 'calendar.changed' listeners). A year the department entered itself (a
 * pasted notice, an .ics, by hand) is never overwritten: when it differs, the run ends with a
 * notice naming the days, shown on the 同步 page until the two agree.
 */
export async function syncDistrictCalendar(d: SyncExtensionDeps): Promise<ExtensionOutcome> {
  const res = await d.request('GET', '/calendar', undefined, districtCalendarSchema)
  // A server without the calendar endpoint (older than issue 15) simply publishes none.
  if (res.kind === 'rejected' && res.status === 404) return { kind: 'done' }
  if (res.kind === 'unauthorized') return { kind: 'unauthorized' }
  if (res.kind !== 'ok') {
    return {
      kind: 'transient',
      message: `读取区级节假日日历失败：${res.kind === 'rejected' ? res.message : res.message}`,
    }
  }
  const notices: string[] = []
  for (const year of res.body.years) {
    const local = await findCalendarYear(d.db, year.year)
    const difference = local ? calendarDifference(year, local) : 'new'
    if (difference === '') continue
    const fromDistrict = local?.note?.startsWith(DISTRICT_NOTE) ?? false
    if (!local || local.source === 'package' || fromDistrict) {
      await addCalendarYear(
        { db: d.db, clock: d.clock, events: d.events },
        {
          year: year.year,
          holidays: year.holidays,
          workdays: year.workdays,
          names: year.names,
          source: 'notice',
          note: `${DISTRICT_NOTE}（第 ${year.version} 版）：${year.title}`,
        },
        null,
      )
      continue
    }
    notices.push(`${year.year} 年：区级下发的安排与本单位录入的不同（${difference}）`)
  }
  if (notices.length === 0) return { kind: 'done' }
  return {
    kind: 'done',
    notice: `${notices.join('；')}。本单位录入的安排未被改动，请在「节假日日历」核对后决定是否改用区级的安排。`,
  }
}
