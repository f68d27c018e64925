import { Badge, type BadgeProps } from '@mantine/core'
import type { ItemStatus, Validity } from '../../../../shared/items/types'
import { ITEM_STATUS_LABELS, VALIDITY_LABELS } from '../../../../shared/items/labels'
import { STATUS_COLORS } from './options'

/** An item's status with the shared label and its colour. */
export function StatusBadge({ status, ...props }: { status: ItemStatus } & BadgeProps) {
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} {...props}>
      {ITEM_STATUS_LABELS[status]}
    </Badge>
  )
}

const VALIDITY_COLORS: Record<Validity, string> = {
  valid: 'teal',
  expired: 'gray',
  repealed: 'red',
  amended: 'orange',
}

export function ValidityBadge({ validity, ...props }: { validity: Validity } & BadgeProps) {
  return (
    <Badge variant="outline" color={VALIDITY_COLORS[validity]} {...props}>
      {VALIDITY_LABELS[validity]}
    </Badge>
  )
}
