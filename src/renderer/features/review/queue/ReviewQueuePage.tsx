import {
  Alert,
  Anchor,
  Center,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Tabs,
  Text,
} from '@mantine/core'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import type { ReviewQueueRow, ReviewQueueScope } from '../../../../shared/review/types'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/hooks'
import { useSession } from '../../../app/app-state'
import { PageHeader } from '../../../components/PageHeader'
import { QueueTable } from './QueueTable'

type Tab = 'mine' | 'all' | 'done'
type DoneScope = Extract<ReviewQueueScope, 'done-mine' | 'done-all'>

/** The tab survives opening an item and coming back (for this run of the app). */
let rememberedTab: Tab = 'mine'
let rememberedDone: DoneScope = 'done-mine'

const EMPTY: Record<ReviewQueueScope, string> = {
  mine: '没有等待您审查的信息。',
  all: '没有进行中的审查。',
  'done-mine': '您还没有参与过已结束的审查。',
  'done-all': '本单位还没有已结束的审查。',
}

/**
 * 保密审查: reviews waiting for the acting user's step, every open review, and 已完成 — the closed
 * rounds I took part in or all of the department's, from where the 审查单 is exported again.
 */
export function ReviewQueuePage() {
  const navigate = useNavigate()
  const { capabilities } = useSession()
  const mayReview = capabilities.review
  const [tab, setTabState] = useState<Tab>(
    mayReview || rememberedTab !== 'mine' ? rememberedTab : 'all',
  )
  const [done, setDoneState] = useState<DoneScope>(rememberedDone)
  const setTab = (t: Tab) => {
    rememberedTab = t
    setTabState(t)
  }
  const setDone = (d: DoneScope) => {
    rememberedDone = d
    setDoneState(d)
  }
  const scope: ReviewQueueScope = tab === 'done' ? done : tab
  const queue = useApiQuery(() => api().review.queue({ scope }), scope)
  const open = (row: ReviewQueueRow) => void navigate(`/review/${row.itemId}`)
  // 政策问答 pass the same chain; they are decided on the 政民互动 page (engagement:qa-queue).
  const qa = useApiQuery(() =>
    mayReview ? api().engagement.qaQueue({}) : Promise.resolve({ ok: true as const, data: [] }),
  )
  const qaWaiting = qa.data?.length ?? 0

  return (
    <>
      <PageHeader
        title="保密审查"
        description="先审查、后公开：逐条核对扫描发现和审查清单，同意公开、退回修改、不予公开或报上级审查。"
      />
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs" data-primary-action="none">
        <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)}>
          <Tabs.List>
            {mayReview && <Tabs.Tab value="mine">待我审查</Tabs.Tab>}
            <Tabs.Tab value="all">全部进行中</Tabs.Tab>
            <Tabs.Tab value="done">已完成</Tabs.Tab>
          </Tabs.List>
        </Tabs>
        {tab === 'done' && (
          <SegmentedControl
            size="xs"
            aria-label="已完成的范围"
            value={done}
            onChange={(v) => setDone(v as DoneScope)}
            data={[
              { value: 'done-mine', label: '我参与的' },
              { value: 'done-all', label: '本单位全部' },
            ]}
          />
        )}
      </Group>
      {tab === 'mine' && qaWaiting > 0 && (
        <Alert color="blue" mb="sm" p="xs" data-testid="qa-waiting">
          另有 {qaWaiting} 条政策问答等待您审核。{' '}
          <Anchor component={Link} to="/engagement?tab=qa" fz="sm">
            前往政策问答库
          </Anchor>
        </Alert>
      )}
      {queue.error && (
        <Alert color="red" mb="sm" title="无法加载审查队列">
          {queue.error.message}
        </Alert>
      )}
      <Paper withBorder>
        {!queue.data ? (
          <Center h={160}>
            <Loader size="sm" aria-label="正在加载审查队列" />
          </Center>
        ) : queue.data.length === 0 ? (
          <Text c="dimmed" ta="center" p="xl" fz="sm">
            {EMPTY[scope]}
          </Text>
        ) : (
          <QueueTable
            rows={queue.data}
            onOpen={open}
            showReason={scope === 'all'}
            closed={tab === 'done'}
          />
        )}
      </Paper>
      <Group justify="flex-end" mt={6} px={2}>
        <Text fz="xs" c="dimmed">
          {queue.data ? `共 ${queue.data.length} 条 · ` : ''}↑↓ 选择 · Enter 打开
        </Text>
      </Group>
    </>
  )
}
