import { ActionIcon, Anchor, Group, Stack, Text, Tooltip } from '@mantine/core'
import { IconUnlink } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { ItemRef } from '../../../../shared/items/types'
import { ITEM_KIND_LABELS } from '../../../../shared/items/labels'
import { StatusBadge, ValidityBadge } from './StatusBadge'

/** One linked item: its title (opens it), kind, 发文字号, status and 有效性. */
export function ItemRefLine({
  item,
  prefix,
  onUnlink,
  unlinkLabel = '取消关联',
}: {
  item: ItemRef
  prefix?: ReactNode
  onUnlink?: () => void
  unlinkLabel?: string
}) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Text fz="sm" lineClamp={2}>
          {prefix}
          <Anchor component={Link} to={`/drafts/${item.id}`} fz="sm">
            {item.title || '（无标题）'}
          </Anchor>
        </Text>
        <Group gap={6}>
          <Text fz="xs" c="dimmed">
            {ITEM_KIND_LABELS[item.kind]}
            {item.docNumber ? ` · ${item.docNumber}` : ''}
          </Text>
          <StatusBadge status={item.status} size="xs" />
          <ValidityBadge validity={item.validity} size="xs" />
        </Group>
      </Stack>
      {onUnlink && (
        <Tooltip label={unlinkLabel}>
          <ActionIcon variant="subtle" color="gray" onClick={onUnlink} aria-label={unlinkLabel}>
            <IconUnlink size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  )
}
