import { IconListCheck } from '@tabler/icons-react'
import { defineFeature } from '../../app/feature'
import { ScheduleHomeCard } from './ScheduleHomeCard'
import { SchedulePage } from './SchedulePage'

/** 工作配档表: the year's tasks; on the home page this year's own tasks, overdue and due this week. */
export const feature = defineFeature({
  id: 'schedule',
  routes: [{ path: '/schedule', element: <SchedulePage /> }],
  nav: [
    { path: '/schedule', label: '工作配档表', icon: IconListCheck, section: 'work', order: 30 },
  ],
  homeCards: [{ id: 'schedule', kind: 'panel', order: 20, render: () => <ScheduleHomeCard /> }],
})
