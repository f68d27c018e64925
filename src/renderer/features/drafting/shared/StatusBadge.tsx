import { Badge, Group, type BadgeProps } from '@mantine/core'
import { StatusBadge as Whole } from '../../../components/StatusBadge'
import type { ItemStatus, LiveRevision, Validity } from '../../../../shared/items/types'
import { ITEM_STATUS_LABELS, VALIDITY_LABELS } from '../../../../shared/items/labels'
import {
  isWorkingStatus,
  liveRevisionText,
  revisionStateText,
  workingRevisionText,
} from '../../../../shared/items/revision-state'
import { STATUS_COLORS } from './options'

/** An item's status with the shared label and its colour; never truncated. */
export function StatusBadge({ status, ...props }: { status: ItemStatus } & BadgeProps) {
  return (
    <Whole color={STATUS_COLORS[status]} {...props}>
      {ITEM_STATUS_LABELS[status]}
    </Whole>
  )
}

/**
 * The item's status — or, while it has a 修订稿, both states: 「已通过 第 3 版」「修订中 第 4 版」
 * (issue 10). List rows, the editor header and the review screen use it.
 */
export function RevisionStateBadges({
  status,
  revision,
  liveRevision,
  size,
  stacked = false,
}: {
  status: ItemStatus
  revision: number
  liveRevision: LiveRevision | null | undefined
  size?: BadgeProps['size']
  /** One badge above the other (a narrow list cell). */
  stacked?: boolean
}) {
  if (!liveRevision || !isWorkingStatus(status)) {
    return <StatusBadge status={status} {...(size ? { size } : {})} />
  }
  return (
    <Group
      gap={stacked ? 2 : 4}
      wrap="nowrap"
      style={{
        flexShrink: 0,
        ...(stacked ? { flexDirection: 'column', alignItems: 'flex-start' } : {}),
      }}
      aria-label={revisionStateText(status, revision, liveRevision)}
      data-revision-state={revisionStateText(status, revision, liveRevision)}
    >
      <Whole color={STATUS_COLORS[liveRevision.status]} {...(size ? { size } : {})}>
        {liveRevisionText(liveRevision)}
      </Whole>
      <Whole color="orange" variant="outline" {...(size ? { size } : {})}>
        {workingRevisionText(status, revision)}
      </Whole>
    </Group>
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
    <Badge
      variant="outline"
      color={VALIDITY_COLORS[validity]}
      {...props}
      style={{ flexShrink: 0, minWidth: 'max-content' }}
    >
      {VALIDITY_LABELS[validity]}
    </Badge>
  )
}
