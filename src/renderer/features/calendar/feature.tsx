import { defineFeature } from '../../app/feature'
import { CalendarPage } from './CalendarPage'

/** 节假日日历: opened from 设置 (no navbar entry of its own). */
export const feature = defineFeature({
  id: 'calendar',
  routes: [{ path: '/settings/calendar', element: <CalendarPage /> }],
})
