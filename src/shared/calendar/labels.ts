import type { CalendarSourceCode } from './types'

/** The one label table of the holiday calendar (architecture doc, principle 11). */
export const CALENDAR_SOURCE_LABELS: Record<CalendarSourceCode, string> = {
  package: '内置数据（chinese-days）',
  notice: '国务院办公厅通知',
  ics: '导入 .ics 日历',
  manual: '手工录入',
}

export const DAY_KIND_LABELS = {
  workday: '工作日',
  weekend: '周末',
  holiday: '放假',
  makeup: '调休上班',
} as const

/** 暂定: shown next to a due date counted through a year the calendar does not know. */
export const PROVISIONAL_LABEL = '暂定'

export const PROVISIONAL_HINT =
  '该期限经过尚未录入节假日安排的年份，暂按周一至周五计算；请在「节假日日历」中添加国务院办公厅的放假通知'
