import { Badge, Group, Text, Tooltip } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import dayjs from 'dayjs'
import type { ItemSearchRow } from '../../../../shared/items/types'
import { INDEX_NUMBER_PENDING_LABEL, ITEM_KIND_LABELS } from '../../../../shared/items/labels'
import { formatDate } from '../../../lib/format'
import { SyncBadge, syncSaidByStatus } from '../../sync/SyncBadge'
import { RevisionStateBadges, StatusBadge } from '../shared/StatusBadge'

const updated = (iso: string) => {
  const d = dayjs(iso)
  return d.isSame(dayjs(), 'day') ? `今天 ${d.format('HH:mm')}` : d.format('YYYY-MM-DD HH:mm')
}

/** One row's cells of the item grid (ItemGrid lays them out and virtualises the rows). */
export function Cells({ row, searching }: { row: ItemSearchRow; searching: boolean }) {
  return (
    <>
      <div role="gridcell" className="dd-cell dd-cell-title">
        <Text fz="sm" fw={500} truncate title={row.title}>
          {row.title || '（无标题）'}
        </Text>
        {searching && row.snippet && (
          <Text fz="xs" c="dimmed" truncate title={row.snippet} className="dd-snippet">
            {row.snippet}
          </Text>
        )}
      </div>
      <div role="gridcell" className="dd-cell">
        <Text fz="sm" truncate>
          {ITEM_KIND_LABELS[row.kind]}
        </Text>
      </div>
      <div role="gridcell" className="dd-cell">
        {row.liveRevision ? (
          // 修订稿: both states, stacked — 「已通过 第 3 版」 over 「修订中 第 4 版」 (issue 10).
          <RevisionStateBadges
            status={row.status}
            revision={row.revision}
            liveRevision={row.liveRevision}
            size="xs"
            stacked
          />
        ) : (
          <Group gap={4} wrap="nowrap">
            <StatusBadge status={row.status} size="sm" />
            {/* The sync badge (待同步/已送达/冲突/失败…) unless the status already says it. */}
            {row.syncState && !syncSaidByStatus(row) && (
              <SyncBadge state={row.syncState} size="sm" />
            )}
          </Group>
        )}
      </div>
      <div role="gridcell" className="dd-cell">
        {row.indexNumber ? (
          <Text fz="xs" className="dd-mono" truncate title={row.indexNumber}>
            {row.indexNumber}
          </Text>
        ) : (
          <Text fz="sm" c="dimmed">
            {INDEX_NUMBER_PENDING_LABEL}
          </Text>
        )}
      </div>
      <div role="gridcell" className="dd-cell dd-col-wide">
        <Text fz="sm" truncate title={row.docNumber}>
          {row.docNumber || '—'}
        </Text>
      </div>
      <div role="gridcell" className="dd-cell">
        <Text fz="sm">{row.signedDate ?? '—'}</Text>
      </div>
      <div role="gridcell" className="dd-cell dd-col-wide">
        <Text fz="sm" c="dimmed">
          {updated(row.updatedAt)}
        </Text>
      </div>
      <div role="gridcell" className="dd-cell dd-cell-flags">
        {row.late && (
          <Tooltip label={`应于 ${formatDate(row.dueDate)} 前公开`}>
            <Badge
              color="red"
              size="sm"
              variant="filled"
              style={{ flexShrink: 0, minWidth: 'max-content' }}
            >
              逾期
            </Badge>
          </Tooltip>
        )}
        {row.warnings && row.warnings.length > 0 && (
          <Tooltip
            label={row.warnings.join('\n')}
            multiline
            maw={360}
            style={{ whiteSpace: 'pre-line' }}
          >
            <IconAlertTriangle
              size={18}
              color="var(--mantine-color-orange-6)"
              aria-label={`${row.warnings.length} 条提示`}
            />
          </Tooltip>
        )}
      </div>
    </>
  )
}
