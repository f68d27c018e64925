import type { BadgeProps } from '@mantine/core'
import { StatusBadge } from '../../components/StatusBadge'
import { TASK_STATUS_COLORS, TASK_STATUS_LABELS } from '../../../shared/schedule/labels'
import type { TaskStatus } from '../../../shared/schedule/types'

/** A task's derived status with the shared label and colour. */
export function TaskStatusBadge({ status, ...props }: { status: TaskStatus } & BadgeProps) {
  return (
    <StatusBadge color={TASK_STATUS_COLORS[status]} {...props}>
      {TASK_STATUS_LABELS[status]}
    </StatusBadge>
  )
}
