import type { DecisionType, PeriodCheck, PeriodWarning } from '../../shared/engagement/types'
import { addCalendarDays, toDayNumber, workingDaysBetween, type WorkCalendar } from '../deadlines'

/** 《重大行政决策程序暂行条例》第十五条: generally not less than 30 days. */
export const MAJOR_MIN_DAYS = 30
/** 国办发〔2018〕37号: 行政规范性文件 generally not less than 7 working days. */
export const NORMATIVE_MIN_WORKING_DAYS = 7

export interface PeriodInput {
  decisionType: DecisionType
  startDate: string
  endDate: string
  shortReason: string
}

/**
 * The comment period's length (start and end both count) and its warnings. Warnings only, never a
 * block: local rules differ (domain file). A shorter period must be explained when it is published
 * (重大行政决策程序暂行条例第十五条), hence the extra warning while `shortReason` is empty.
 */
export function checkPeriod(cal: WorkCalendar, input: PeriodInput): PeriodCheck {
  const warnings: PeriodWarning[] = []
  const calendarDays = toDayNumber(input.endDate) - toDayNumber(input.startDate) + 1
  if (calendarDays < 1) {
    return {
      calendarDays: 0,
      workingDays: 0,
      warnings: [{ code: 'end_before_start', message: '截止日期早于开始日期，请检查征集时间' }],
    }
  }
  const workingDays = workingDaysBetween(cal, addCalendarDays(input.startDate, -1), input.endDate)
  let short = false
  if (input.decisionType === 'major' && calendarDays < MAJOR_MIN_DAYS) {
    short = true
    warnings.push({
      code: 'major_short',
      message: `重大行政决策征求意见期限一般不少于 ${MAJOR_MIN_DAYS} 日（《重大行政决策程序暂行条例》第十五条），当前为 ${calendarDays} 日`,
    })
  }
  if (input.decisionType === 'normative' && workingDays < NORMATIVE_MIN_WORKING_DAYS) {
    short = true
    warnings.push({
      code: 'normative_short',
      message: `行政规范性文件征求意见期限一般不少于 ${NORMATIVE_MIN_WORKING_DAYS} 个工作日（国办发〔2018〕37号），当前为 ${workingDays} 个工作日`,
    })
  }
  if (short && input.shortReason.trim() === '') {
    warnings.push({
      code: 'short_unexplained',
      message: '期限短于一般要求的，应在征求意见时予以说明，请填写「期限较短的说明」',
    })
  }
  return { calendarDays, workingDays, warnings }
}
