import { IconMessages } from '@tabler/icons-react'
import { defineFeature } from '../../app/feature'
import { ConsultationDetailRoute } from './ConsultationDetailPage'
import { EngagementHomeCard } from './EngagementHomeCard'
import { EngagementPage } from './EngagementPage'

/** 政民互动: 意见征集 on drafts, 监督员/列席 and training records, the policy Q&A base. */
export const feature = defineFeature({
  id: 'engagement',
  routes: [
    { path: '/engagement', element: <EngagementPage /> },
    { path: '/engagement/consultations/:id', element: <ConsultationDetailRoute /> },
  ],
  nav: [{ path: '/engagement', label: '政民互动', icon: IconMessages, section: 'work', order: 45 }],
  homeCards: [{ id: 'engagement', kind: 'panel', order: 30, render: () => <EngagementHomeCard /> }],
})
