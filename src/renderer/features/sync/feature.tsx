import { Text } from '@mantine/core'
import { IconRefresh } from '@tabler/icons-react'
import { defineFeature } from '../../app/feature'
import { TodoCountCard } from '../home/TodoCountCard'
import { SyncPage } from './SyncPage'

/** 同步: the outbox and the district's copies; on the home page failures and conflicts. */
export const feature = defineFeature({
  id: 'sync',
  routes: [{ path: '/sync', element: <SyncPage /> }],
  nav: [{ path: '/sync', label: '同步', icon: IconRefresh, section: 'work', order: 70 }],
  homeCards: [
    {
      id: 'sync-problems',
      kind: 'count',
      order: 40,
      requires: 'maintain',
      render: ({ todo }) => (
        <TodoCountCard
          id="sync-problems"
          title="同步失败与冲突"
          to="/sync"
          group={todo && { count: todo.sync.failed + todo.sync.conflict }}
          color="red"
          empty="同步正常。"
          extra={
            todo &&
            todo.sync.failed + todo.sync.conflict > 0 && (
              <Text fz="xs" c="dimmed">
                失败 {todo.sync.failed} · 冲突 {todo.sync.conflict}
                {todo.sync.tampered > 0 && ` · 内容被改动 ${todo.sync.tampered}`}
              </Text>
            )
          }
        />
      ),
    },
  ],
})
