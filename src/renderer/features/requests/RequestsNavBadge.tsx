import { Badge, Tooltip } from '@mantine/core'
import { useRequestCounts } from './use-request-counts'

/** The navigation badge: requests overdue or due within 3 working days. */
export function RequestsNavBadge() {
  const counts = useRequestCounts()
  if (!counts) return null
  const urgent = counts.overdue + counts.dueSoon
  if (urgent === 0) return null
  return (
    <Tooltip label={`已逾期 ${counts.overdue} 件，3 个工作日内到期 ${counts.dueSoon} 件`} withArrow>
      <Badge
        size="sm"
        color={counts.overdue > 0 ? 'red' : 'orange'}
        variant="filled"
        aria-label={`依申请公开：${urgent} 件即将到期或已逾期`}
        data-testid="requests-nav-badge"
      >
        {urgent}
      </Badge>
    </Tooltip>
  )
}
