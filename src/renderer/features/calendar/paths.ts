/** The 节假日日历 page (linked from 设置 and from provisional-deadline warnings). */
export const CALENDAR_PATH = '/settings/calendar'
