import { Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core'
import { IconCornerDownRight, IconFileExport, IconLink } from '@tabler/icons-react'
import { useRef, useState, type KeyboardEvent } from 'react'
import type { ReviewQueueRow } from '../../../../shared/review/types'
import {
  CANNOT_DECIDE_LABELS,
  REFERRED_MARKER_LABEL,
  REVIEW_DECISION_LABELS,
  REVIEW_STATE_LABELS,
} from '../../../../shared/review/labels'
import { ITEM_KIND_LABELS } from '../../../../shared/items/labels'
import { api, notifySuccess, request } from '../../../api/client'
import { StatusBadge as PlainBadge } from '../../../components/StatusBadge'
import { TitleText } from '../../../components/TitleText'
import { formatDate, formatDateTime } from '../../../lib/format'
import { StatusBadge } from '../../drafting/shared/StatusBadge'
import { REVIEW_STATE_COLORS } from '../shared/labels-ui'
import { SeverityCountBadges } from '../shared/SeverityBadge'
import { PAIRING_LABELS } from '../screen/PairingPanel'
import { pairRows } from './queue-rows'

/**
 * The queue table at any width: fixed columns beside a 标题 column that takes the rest and
 * ellipsises (full title on hover), badges that never shrink; the pair of a policy and its
 * interpretation on adjacent rows. `closed`: the 已完成 tab — result and 导出审查单 per row.
 */
export function QueueTable({
  rows: given,
  onOpen,
  showReason,
  closed,
}: {
  rows: ReviewQueueRow[]
  onOpen: (row: ReviewQueueRow) => void
  showReason: boolean
  closed: boolean
}) {
  const { rows, underPolicy } = pairRows(given)
  const [active, setActive] = useState(0)
  const body = useRef<HTMLTableSectionElement>(null)
  const focusRow = (i: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, i))
    setActive(next)
    body.current?.querySelectorAll<HTMLTableRowElement>('tr')[next]?.focus()
  }
  const onKeyDown = (e: KeyboardEvent, i: number) => {
    if (e.target !== e.currentTarget) return
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
    <Table
      aria-label="审查队列"
      highlightOnHover
      verticalSpacing="sm"
      className="dd-queue"
      style={{ tableLayout: 'fixed' }}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>标题</Table.Th>
          <Table.Th w={88}>类别</Table.Th>
          <Table.Th w={closed ? 150 : 120}>{closed ? '审查结果' : '审查步骤'}</Table.Th>
          <Table.Th w={128}>公开期限</Table.Th>
          <Table.Th w={closed ? 124 : 176}>{closed ? '审查单' : '扫描发现'}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody ref={body}>
        {rows.map((row, i) => (
          <Table.Tr
            key={row.reviewId}
            tabIndex={i === active ? 0 : -1}
            aria-label={row.title}
            data-active={i === active || undefined}
            data-paired={underPolicy.has(row.reviewId) || undefined}
            style={{ cursor: 'pointer' }}
            onClick={() => onOpen(row)}
            onFocus={() => setActive(i)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            <Table.Td>
              <TitleCell
                row={row}
                underPolicy={underPolicy.has(row.reviewId)}
                showReason={showReason}
              />
            </Table.Td>
            <Table.Td>
              <Text fz="sm">{ITEM_KIND_LABELS[row.kind]}</Text>
            </Table.Td>
            <Table.Td>{closed ? <ResultCell row={row} /> : <StepCell row={row} />}</Table.Td>
            <Table.Td>
              <DueCell row={row} />
            </Table.Td>
            <Table.Td>
              {closed ? (
                <ExportButton row={row} />
              ) : (
                <SeverityCountBadges counts={row.counts} size="sm" />
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function TitleCell({
  row,
  underPolicy,
  showReason,
}: {
  row: ReviewQueueRow
  underPolicy: boolean
  showReason: boolean
}) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
        {underPolicy && (
          <IconCornerDownRight
            size={14}
            aria-label="与上一行的政策文件同审"
            style={{ flexShrink: 0 }}
          />
        )}
        <TitleText fz="sm" fw={500}>
          {row.title || '（无标题）'}
        </TitleText>
        {row.status !== 'pending_review' && (
          <StatusBadge status={row.status} size="xs" style={{ flexShrink: 0 }} />
        )}
      </Group>
      {row.paired.map((p) => (
        <Group
          key={p.item.id}
          gap={4}
          wrap="nowrap"
          style={{ minWidth: 0 }}
          data-testid="queue-paired"
        >
          <IconLink size={12} aria-hidden style={{ flexShrink: 0 }} />
          <Text fz="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {PAIRING_LABELS[p.relation]}：
          </Text>
          <TitleText fz="xs" c="dimmed">
            {p.item.title || '（无标题）'}
          </TitleText>
          <StatusBadge status={p.item.status} size="xs" style={{ flexShrink: 0 }} />
        </Group>
      ))}
      {row.approvalNotice && (
        <Text fz="xs" c={row.approvalNotice.atFinalStep ? 'red.8' : 'yellow.9'} lineClamp={2}>
          {row.approvalNotice.message}
        </Text>
      )}
      <Text fz="xs" c="dimmed" truncate="end">
        {row.authorName ?? row.submittedByName} · {formatDateTime(row.submittedAt)} 提交
      </Text>
      {showReason && !row.canDecide && row.cannotDecideReason && (
        <Text fz="xs" c="dimmed">
          {CANNOT_DECIDE_LABELS[row.cannotDecideReason]}
        </Text>
      )}
    </Stack>
  )
}

function StepCell({ row }: { row: ReviewQueueRow }) {
  return (
    <Group gap={4} wrap="wrap">
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
        <PlainBadge size="xs" variant="outline" color="violet">
          {REFERRED_MARKER_LABEL}
        </PlainBadge>
      )}
    </Group>
  )
}

function ResultCell({ row }: { row: ReviewQueueRow }) {
  return (
    <Stack gap={2}>
      <Badge
        size="sm"
        variant="light"
        color={REVIEW_STATE_COLORS[row.state]}
        style={{ flexShrink: 0, width: 'fit-content' }}
      >
        {REVIEW_STATE_LABELS[row.state]}
      </Badge>
      {row.lastDecision && (
        <Text fz="xs" c="dimmed" lineClamp={2}>
          {row.lastDecision.deciderName} {REVIEW_DECISION_LABELS[row.lastDecision.decision]} ·{' '}
          {formatDate(row.lastDecision.decidedAt.slice(0, 10))}
        </Text>
      )}
    </Stack>
  )
}

function DueCell({ row }: { row: ReviewQueueRow }) {
  if (!row.dueDate) {
    return (
      <Text fz="sm" c="dimmed" title="无成文日期，或目录时限无法识别">
        —
      </Text>
    )
  }
  return (
    <Stack gap={2}>
      <Text fz="sm" className="dd-nowrap">
        {formatDate(row.dueDate)}
      </Text>
      {row.late && (
        <PlainBadge size="xs" color="red" style={{ width: 'fit-content' }}>
          逾期
        </PlainBadge>
      )}
    </Stack>
  )
}

/** 导出审查单 of a closed round, right from 已完成 (no detour through 起草). */
function ExportButton({ row }: { row: ReviewQueueRow }) {
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    try {
      const saved = await request(
        api().review.recordExport({ itemId: row.itemId, reviewId: row.reviewId }),
      ).catch(() => null)
      if (saved) notifySuccess(`保密审查单已导出：${saved.path}`)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button
      size="compact-sm"
      variant="light"
      leftSection={<IconFileExport size={14} />}
      loading={busy}
      aria-label={`导出审查单：${row.title}`}
      onClick={(e) => {
        e.stopPropagation()
        void run()
      }}
    >
      导出审查单
    </Button>
  )
}
