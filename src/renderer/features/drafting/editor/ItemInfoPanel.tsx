import { Alert, Badge, List, Stack, Table, Text, Tooltip } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import type { ItemView } from '../../../../shared/items/types'
import { INDEX_NUMBER_PENDING_LABEL } from '../../../../shared/items/labels'
import { formatDate, formatDateTime } from '../../../lib/format'
import { RevisionStateBadges, ValidityBadge } from '../shared/StatusBadge'
import { Panel } from './Panel'

/** 索引号, status, revision, who and when — and the warnings core computed for the item. */
export function ItemInfoPanel({ view }: { view: ItemView | null }) {
  const rows: [string, React.ReactNode][] = [
    [
      '索引号',
      view?.indexNumber ? (
        <Text fz="sm" className="dd-mono" span>
          {view.indexNumber}
        </Text>
      ) : (
        <Tooltip label="索引号在审查通过时按本单位规则分配">
          <Text fz="sm" c="dimmed" span data-testid="index-number">
            {INDEX_NUMBER_PENDING_LABEL}
          </Text>
        </Tooltip>
      ),
    ],
    [
      '状态',
      view ? (
        <RevisionStateBadges
          status={view.status}
          revision={view.revision}
          liveRevision={view.liveRevision}
          size="sm"
        />
      ) : (
        <Text fz="sm" c="dimmed" span>
          未保存
        </Text>
      ),
    ],
    ['有效性', view ? <ValidityBadge validity={view.validity} size="sm" /> : '—'],
    ['版本', view ? `第 ${view.revision} 版` : '—'],
    [
      '公开到期日',
      view?.dueDate ? (
        <Text fz="sm" span c={view.late ? 'red.7' : undefined}>
          {formatDate(view.dueDate)}
          {view.late && (
            <Badge color="red" size="xs" ml={6} variant="filled">
              逾期
            </Badge>
          )}
        </Text>
      ) : (
        '—'
      ),
    ],
    ['起草人', view?.authorName ?? '—'],
    ['最后修改', view ? `${formatDateTime(view.updatedAt)}（${view.updatedByName ?? '—'}）` : '—'],
  ]
  return (
    <Stack gap="sm">
      <Panel title="条目信息" label="条目信息">
        <Table fz="sm" verticalSpacing={4} withRowBorders={false} highlightOnHover={false}>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Td w={84} c="dimmed" py={4} px={0} className="dd-nowrap">
                  {label}
                </Table.Td>
                <Table.Td py={4} px={0}>
                  {value}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Panel>
      {view && view.warnings.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title="提示"
          p="sm"
          aria-label="条目提示"
        >
          <List fz="xs" spacing={4} size="xs">
            {view.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  )
}
