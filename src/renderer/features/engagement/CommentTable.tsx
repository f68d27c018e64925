import { Badge, Button, Group, SegmentedControl, Table, Text } from '@mantine/core'
import { useMemo, useState } from 'react'
import {
  COMMENT_DECISION_LABELS,
  COMMENTER_TYPE_LABELS,
  CONSULTATION_CHANNEL_LABELS,
} from '../../../shared/engagement/labels'
import type { CommentList, CommentView } from '../../../shared/engagement/types'
import { StatusBadge } from '../../components/StatusBadge'
import { formatDateTime } from '../../lib/format'

const DECISION_COLORS = {
  adopted: 'green',
  partly: 'teal',
  rejected: 'red',
  out_of_scope: 'gray',
} as const

/**
 * The comments: groups of near-identical comments (form letters) first, largest first, each
 * group's rows together; every text shown as text (React escapes it — nothing a commenter typed
 * becomes markup).
 */
export function CommentTable({
  list,
  mayDecide,
  onDecide,
}: {
  list: CommentList
  mayDecide: boolean
  onDecide: (c: CommentView) => void
}) {
  const [filter, setFilter] = useState<'all' | 'open' | 'done'>('all')
  const groupNo = useMemo(() => new Map(list.groups.map((g, i) => [g.id, i + 1])), [list.groups])
  const rows = useMemo(() => {
    const order = (c: CommentView) =>
      c.groupId ? (groupNo.get(c.groupId) ?? 0) : Number.MAX_SAFE_INTEGER
    return [...list.comments]
      .filter((c) =>
        filter === 'all' ? true : filter === 'open' ? c.decision === null : c.decision !== null,
      )
      .sort((a, b) => order(a) - order(b) || a.receivedAt.localeCompare(b.receivedAt))
  }, [list.comments, filter, groupNo])
  const undecided = list.comments.filter((c) => c.decision === null).length
  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text fz="sm" c="dimmed">
          共 {list.comments.length} 条意见，{list.groups.length}{' '}
          组内容相同或相近（重复/联名意见），待处理 {undecided} 条
        </Text>
        <SegmentedControl
          size="xs"
          value={filter}
          onChange={(v) => setFilter(v as typeof filter)}
          data={[
            { value: 'all', label: '全部' },
            { value: 'open', label: '待处理' },
            { value: 'done', label: '已处理' },
          ]}
        />
      </Group>
      <Table striped data-testid="comment-table" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={96}>分组</Table.Th>
            <Table.Th w={64}>段落</Table.Th>
            <Table.Th>意见内容</Table.Th>
            <Table.Th w={140}>意见人</Table.Th>
            <Table.Th w={130}>处理</Table.Th>
            {mayDecide && <Table.Th w={64} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <Table.Tr key={c.id} data-testid="comment-row">
              <Table.Td>
                {c.groupId ? (
                  <Badge variant="light" color="violet" style={{ minWidth: 'max-content' }}>
                    第 {groupNo.get(c.groupId)} 组 · {c.groupSize} 条
                  </Badge>
                ) : (
                  <Text fz="xs" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{c.paragraphNo === null ? '总体' : `第${c.paragraphNo}段`}</Table.Td>
              <Table.Td>
                <Text
                  fz="sm"
                  lineClamp={3}
                  style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
                >
                  {c.body}
                </Text>
                <Text fz="xs" c="dimmed">
                  {c.receiptNo} · {formatDateTime(c.receivedAt)} ·{' '}
                  {CONSULTATION_CHANNEL_LABELS[c.channel]}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" truncate>
                  {c.commenterName || '（未留名）'}
                </Text>
                <Text fz="xs" c="dimmed">
                  {COMMENTER_TYPE_LABELS[c.commenterType]}
                </Text>
                {c.contactMasked && (
                  <Text fz="xs" c="dimmed" truncate title={c.contactMasked}>
                    {c.contactMasked}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {c.decision ? (
                  <>
                    <StatusBadge color={DECISION_COLORS[c.decision]}>
                      {COMMENT_DECISION_LABELS[c.decision]}
                    </StatusBadge>
                    {c.reason && (
                      <Text fz="xs" c="dimmed" lineClamp={2} style={{ wordBreak: 'break-all' }}>
                        {c.reason}
                      </Text>
                    )}
                  </>
                ) : (
                  <StatusBadge color="orange">待处理</StatusBadge>
                )}
              </Table.Td>
              {mayDecide && (
                <Table.Td>
                  <Button size="compact-xs" variant="light" onClick={() => onDecide(c)}>
                    处理
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  )
}
