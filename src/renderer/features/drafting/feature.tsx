import { IconFileDescription } from '@tabler/icons-react'
import { defineFeature } from '../../app/feature'
import { TodoCountCard } from '../home/TodoCountCard'
import { CataloguePage } from './catalogue/CataloguePage'
import { ItemEditorRoute } from './editor/ItemEditorRoute'
import { ItemListPage } from './list/ItemListPage'

/** 起草: items, the catalogue; on the home page the officer's returned and overdue items. */
export const feature = defineFeature({
  id: 'drafting',
  routes: [
    { path: '/drafts', element: <ItemListPage /> },
    { path: '/drafts/catalogue', element: <CataloguePage /> },
    { path: '/drafts/:id', element: <ItemEditorRoute /> },
  ],
  nav: [{ path: '/drafts', label: '起草', icon: IconFileDescription, section: 'work', order: 10 }],
  homeCards: [
    {
      id: 'returned',
      kind: 'count',
      order: 20,
      requires: 'draft',
      render: ({ todo }) => (
        <TodoCountCard
          id="returned"
          title="退回给我修改"
          to="/drafts"
          group={todo?.returnedToMe}
          rowLink={(id) => `/drafts/${id}`}
          color="orange"
          empty="没有被退回的条目。"
        />
      ),
    },
    {
      id: 'overdue',
      kind: 'count',
      order: 30,
      requires: 'draft',
      render: ({ todo }) => (
        <TodoCountCard
          id="overdue"
          title="我的逾期未公开"
          to="/drafts"
          group={todo?.myOverdue}
          rowLink={(id) => `/drafts/${id}`}
          color="red"
          empty="没有超过公开时限的条目。"
        />
      ),
    },
  ],
})
