/**
 * The one working-day module (architecture doc, principle 11): pure, built from calendar data
 * (src/core/calendar loads it from the store). Every deadline in the app — 依申请公开 answers
 * (条例第三十三条) and the catalogue's 主动公开 due dates (第二十六条) — is counted here.
 */
export {
  addCalendarDays,
  assertDate,
  dateWithWeekday,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
  weekdayOf,
  WEEKDAY_NAMES,
} from './dates'
export {
  calendarFromYears,
  specialDaysOf,
  type CalendarSource,
  type CalendarYear,
  type DayInfo,
  type DayKind,
  type WorkCalendar,
} from './work-calendar'
export {
  addWorkingDays,
  ARTICLE_33,
  workdayOnOrAfter,
  workingDaysBetween,
  type SkippedDay,
  type WorkingDaysResult,
} from './count'
export {
  countDeadline,
  type DeadlineExtension,
  type DeadlineInput,
  type DeadlinePause,
  type DeadlineResult,
  type DeadlineStep,
  type DeadlineStepKind,
} from './deadline'
