import { IconMessageQuestion } from '@tabler/icons-react'
import { defineFeature } from '../../app/feature'
import { RequestDetailRoute } from './RequestDetailPage'
import { RequestsHomeCard } from './RequestsHomeCard'
import { RequestsNavBadge } from './RequestsNavBadge'
import { RequestsPage } from './RequestsPage'
import { TemplatesPage } from './TemplatesPage'

/** 依申请公开: the request register; a nav badge and a home card for what is due. */
export const feature = defineFeature({
  id: 'requests',
  routes: [
    { path: '/requests', element: <RequestsPage /> },
    { path: '/requests/templates', element: <TemplatesPage /> },
    { path: '/requests/:id', element: <RequestDetailRoute /> },
  ],
  nav: [
    {
      path: '/requests',
      label: '依申请公开',
      icon: IconMessageQuestion,
      section: 'work',
      order: 50,
      badge: RequestsNavBadge,
    },
  ],
  homeCards: [{ id: 'requests', kind: 'panel', order: 10, render: () => <RequestsHomeCard /> }],
})
