import { IconUsersGroup } from '@tabler/icons-react'
import { defineFeature } from '../../app/feature'
import { ActivitiesPage } from './ActivitiesPage'

/** 开放活动: the plan of open-government activities and what came of them. */
export const feature = defineFeature({
  id: 'activities',
  routes: [{ path: '/activities', element: <ActivitiesPage /> }],
  nav: [
    { path: '/activities', label: '开放活动', icon: IconUsersGroup, section: 'work', order: 40 },
  ],
})
