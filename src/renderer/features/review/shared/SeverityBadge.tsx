import { Badge, Group, Text, Tooltip, type BadgeProps } from '@mantine/core'
import type { ReviewSeverity, SeverityCounts } from '../../../../shared/review/types'
import { SEVERITY_LABELS } from '../../../../shared/review/labels'
import { SEVERITY_COLORS, SEVERITY_ORDER } from './severity'

/** A finding's severity: 阻断 red, 高 orange, 警告 yellow, 提示 grey. */
export function SeverityBadge({
  severity,
  ...props
}: { severity: ReviewSeverity } & Omit<BadgeProps, 'color'>) {
  return (
    <Badge
      variant={severity === 'info' ? 'light' : 'filled'}
      color={SEVERITY_COLORS[severity]}
      autoContrast
      data-severity={severity}
      {...props}
    >
      {SEVERITY_LABELS[severity]}
    </Badge>
  )
}

/** Finding counts by severity as coloured badges; severities without findings are left out. */
export function SeverityCountBadges({
  counts,
  size = 'sm',
  emptyLabel = '未发现问题',
}: {
  counts: SeverityCounts
  size?: BadgeProps['size']
  emptyLabel?: string
}) {
  const shown = SEVERITY_ORDER.filter((s) => counts[s] > 0)
  if (shown.length === 0) {
    return (
      <Text fz="xs" c="dimmed" span>
        {emptyLabel}
      </Text>
    )
  }
  return (
    <Group gap={4} wrap="nowrap" aria-label="发现数量">
      {shown.map((s) => (
        <Tooltip key={s} label={`${SEVERITY_LABELS[s]}：${counts[s]} 项`}>
          <Badge
            size={size}
            variant={s === 'info' ? 'light' : 'filled'}
            color={SEVERITY_COLORS[s]}
            autoContrast
            data-severity={s}
          >
            {SEVERITY_LABELS[s]} {counts[s]}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  )
}
