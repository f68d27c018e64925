import { Badge, Button, Table, Text } from '@mantine/core'
import { SYNC_OP_LABELS } from '../../../shared/sync/labels'
import type { SyncEntryView } from '../../../shared/sync/types'
import { formatDateTime } from '../../lib/format'
import { RevisionStateNote } from './RevisionStateNote'

/** Outbox entries (waiting, failed or conflicting) with the reason in Chinese. */
export function SyncEntryTable({
  label,
  entries,
  empty,
  onRetry,
  busy,
}: {
  label: string
  entries: SyncEntryView[]
  empty: string
  onRetry?: (seq: number) => void
  busy?: boolean
}) {
  if (entries.length === 0) {
    return (
      <Text c="dimmed" fz="sm" p="sm">
        {empty}
      </Text>
    )
  }
  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table aria-label={label} fz="sm" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>标题</Table.Th>
            <Table.Th w={70}>操作</Table.Th>
            <Table.Th w={70}>版本</Table.Th>
            <Table.Th w={80}>尝试次数</Table.Th>
            <Table.Th>原因</Table.Th>
            <Table.Th w={170}>{onRetry ? '处理' : '下次尝试'}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.seq}>
              <Table.Td>
                {e.title}
                <RevisionStateNote text={e.revisionState} />
              </Table.Td>
              <Table.Td>{SYNC_OP_LABELS[e.op]}</Table.Td>
              <Table.Td className="dd-nowrap">第 {e.revision} 版</Table.Td>
              <Table.Td>{e.attempts}</Table.Td>
              <Table.Td>
                {e.tampered && (
                  <Badge color="red" size="sm" mb={4}>
                    内容被改动
                  </Badge>
                )}
                <Text fz="sm" c={e.state === 'pending' ? undefined : 'red'}>
                  {e.message ?? (e.state === 'pending' ? '等待发送' : '—')}
                </Text>
              </Table.Td>
              <Table.Td className="dd-nowrap">
                {onRetry ? (
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => onRetry(e.seq)}
                    loading={busy}
                  >
                    重试
                  </Button>
                ) : e.nextAttemptAt ? (
                  formatDateTime(e.nextAttemptAt)
                ) : (
                  '尽快'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
