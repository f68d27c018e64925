import { IconShieldCheck } from '@tabler/icons-react'
import { defineFeature } from '../../app/feature'
import { TodoCountCard } from '../home/TodoCountCard'
import { ReviewQueuePage } from './queue/ReviewQueuePage'
import { ReviewRoute } from './screen/ReviewPage'

/** 保密审查: the queue and the review screen; on the home page the reviews waiting for my step. */
export const feature = defineFeature({
  id: 'review',
  routes: [
    { path: '/review', element: <ReviewQueuePage /> },
    { path: '/review/:itemId', element: <ReviewRoute /> },
  ],
  nav: [{ path: '/review', label: '保密审查', icon: IconShieldCheck, section: 'work', order: 20 }],
  homeCards: [
    {
      id: 'awaiting-review',
      kind: 'count',
      order: 10,
      requires: 'review',
      render: ({ todo }) => (
        <TodoCountCard
          id="awaiting-review"
          title="待我审查"
          to="/review"
          group={todo?.awaitingMyReview}
          rowLink={(id) => `/review/${id}`}
          empty="没有等待您审查的条目。"
        />
      ),
    },
  ],
})
