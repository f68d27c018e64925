import {
  Alert,
  Badge,
  Center,
  Group,
  Loader,
  Paper,
  Table,
  Tabs,
  Text,
  Tooltip,
} from '@mantine/core'
import { useRef, useState, type KeyboardEvent } from 'react'
import { useNavigate } from 'react-router'
import type { ReviewQueueRow } from '../../../../shared/review/types'
import { CANNOT_DECIDE_LABELS, REFERRED_MARKER_LABEL } from '../../../../shared/review/labels'
import { ITEM_KIND_LABELS } from '../../../../shared/items/labels'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/hooks'
import { useSession } from '../../../app/app-state'
import { PageHeader } from '../../../components/PageHeader'
import { formatDateTime } from '../../../lib/format'
import { StatusBadge } from '../../drafting/shared/StatusBadge'
import { SeverityCountBadges } from '../shared/SeverityBadge'

type Scope = 'mine' | 'all'

/** The tab survives opening an item and coming back (for this run of the app). */
let rememberedScope: Scope = 'mine'

/** 保密审查: reviews waiting for the acting user's step, or every open review. */
export function ReviewQueuePage() {
  const navigate = useNavigate()
  const { capabilities } = useSession()
  const mayReview = capabilities.review
  const [scope, setScopeState] = useState<Scope>(mayReview ? rememberedScope : 'all')
  const setScope = (s: Scope) => {
    rememberedScope = s
    setScopeState(s)
  }
  const queue = useApiQuery(() => api().review.queue({ scope }), scope)
  const open = (row: ReviewQueueRow) => void navigate(`/review/${row.itemId}`)

  return (
    <>
      <PageHeader
        title="保密审查"
        description="先审查、后公开：逐条核对扫描发现和审查清单，同意公开、退回修改、不予公开或报上级审查。"
      />
      <Tabs value={scope} onChange={(v) => v && setScope(v as Scope)} mb="sm">
        <Tabs.List>
          {mayReview && <Tabs.Tab value="mine">待我审查</Tabs.Tab>}
          <Tabs.Tab value="all">全部进行中</Tabs.Tab>
        </Tabs.List>
      </Tabs>
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
            {scope === 'mine' ? '没有等待您审查的信息。' : '没有进行中的审查。'}
          </Text>
        ) : (
          <QueueTable rows={queue.data} onOpen={open} showReason={scope === 'all'} />
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

function QueueTable({
  rows,
  onOpen,
  showReason,
}: {
  rows: ReviewQueueRow[]
  onOpen: (row: ReviewQueueRow) => void
  showReason: boolean
}) {
  const [active, setActive] = useState(0)
  const body = useRef<HTMLTableSectionElement>(null)
  const focusRow = (i: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, i))
    setActive(next)
    body.current?.querySelectorAll<HTMLTableRowElement>('tr')[next]?.focus()
  }
  const onKeyDown = (e: KeyboardEvent, i: number) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      focusRow(i + 1)
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      focusRow(i - 1)
    } else if (e.key === 'Enter') {
      e.preventDefault()
      onOpen(rows[i]!)
    }
  }
  return (
    <Table aria-label="审查队列" highlightOnHover verticalSpacing="sm" className="dd-queue">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>标题</Table.Th>
          <Table.Th w={110}>类别</Table.Th>
          <Table.Th w={96}>起草人</Table.Th>
          <Table.Th w={170}>提交时间</Table.Th>
          <Table.Th w={170}>审查步骤</Table.Th>
          <Table.Th w={210}>扫描发现</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody ref={body}>
        {rows.map((row, i) => (
          <Table.Tr
            key={row.reviewId}
            tabIndex={i === active ? 0 : -1}
            aria-label={row.title}
            data-active={i === active || undefined}
            style={{ cursor: 'pointer' }}
            onClick={() => onOpen(row)}
            onFocus={() => setActive(i)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Text fz="sm" fw={500} lineClamp={1} title={row.title}>
                  {row.title || '（无标题）'}
                </Text>
                {row.status !== 'pending_review' && <StatusBadge status={row.status} size="xs" />}
              </Group>
              {showReason && !row.canDecide && row.cannotDecideReason && (
                <Text fz="xs" c="dimmed">
                  {CANNOT_DECIDE_LABELS[row.cannotDecideReason]}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text fz="sm">{ITEM_KIND_LABELS[row.kind]}</Text>
            </Table.Td>
            <Table.Td>
              <Text fz="sm">{row.authorName ?? row.submittedByName}</Text>
            </Table.Td>
            <Table.Td>
              <Text fz="sm" c="dimmed">
                {formatDateTime(row.submittedAt)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Tooltip label={`第 ${row.stepIndex + 1} 步，共 ${row.stepCount} 步`}>
                  <Text fz="sm">
                    {row.stepName}
                    <Text span fz="xs" c="dimmed">
                      {' '}
                      {row.stepIndex + 1}/{row.stepCount}
                    </Text>
                  </Text>
                </Tooltip>
                {row.referred && (
                  <Badge size="xs" variant="outline" color="violet">
                    {REFERRED_MARKER_LABEL}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <SeverityCountBadges counts={row.counts} size="sm" />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
