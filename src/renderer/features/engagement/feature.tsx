import { IconMessages } from '@tabler/icons-react'
import { defineFeature } from '../../app/feature'
import { TodoCountCard } from '../home/TodoCountCard'
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
  homeCards: [
    { id: 'engagement', kind: 'panel', order: 30, render: () => <EngagementHomeCard /> },
    {
      // 政策问答 waiting for the user's 保密审查 step (core's qaReviewQueue, the check qa-review applies).
      id: 'awaiting-qa-review',
      kind: 'count',
      order: 12,
      requires: 'review',
      render: ({ todo }) => (
        <TodoCountCard
          id="awaiting-qa-review"
          title="待我审核问答"
          to="/engagement?tab=qa"
          group={todo?.qaAwaitingMyReview}
          rowLink={(id) => `/engagement?tab=qa&qa=${id}`}
          empty="没有等待您审核的政策问答。"
        />
      ),
    },
  ],
})
