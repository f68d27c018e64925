import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core'
import type { ReviewDecision, ReviewView } from '../../../../shared/review/types'
import {
  CANNOT_DECIDE_LABELS,
  REVIEW_DECISION_LABELS,
  REVIEW_STATE_LABELS,
} from '../../../../shared/review/labels'
import { formatDateTime } from '../../../lib/format'
import { OWN_ITEM_NOTICE } from '../shared/labels-ui'
import { ApprovalNoticeAlert } from './PairingPanel'

const DECISION_BUTTONS: { decision: ReviewDecision; color: string; variant: string }[] = [
  { decision: 'approve', color: 'teal', variant: 'filled' },
  { decision: 'return', color: 'orange', variant: 'light' },
  { decision: 'withhold', color: 'red', variant: 'light' },
  { decision: 'refer', color: 'violet', variant: 'default' },
]

/**
 * 审查决定: the four decisions — absent on the acting user's own item. It sits in the sticky side
 * column (review.css `.dd-review-side`), so the buttons stay on screen beside a long body. When
 * the interpretation rule holds 同意公开 up, it says so here, before the checklist is opened.
 */
export function DecisionPanel({
  data,
  ownItem,
  onDecide,
}: {
  data: ReviewView
  ownItem: boolean
  onDecide: (decision: ReviewDecision) => void
}) {
  const { review } = data
  const open = review?.state === 'open' && !data.stale
  const step = review?.currentStep != null ? data.steps[review.currentStep] : undefined
  const blockers = data.findings.filter((f) => f.severity === 'blocker').length
  const highs = data.findings.filter((f) => f.severity === 'high').length
  const policyFirst = data.approvalNotice?.atFinalStep === true
  return (
    <Paper withBorder p="sm" component="section" aria-label="审查决定">
      <Group justify="space-between" mb={8} wrap="nowrap">
        <Text fw={600} fz="sm" style={{ flexShrink: 0 }}>
          审查决定
        </Text>
        {step && open && (
          <Text fz="xs" c="dimmed" ta="right">
            当前步骤：{step.name}（{step.index + 1}/{data.steps.length}）
          </Text>
        )}
      </Group>
      {!open ? (
        <Text fz="sm" c="dimmed" data-primary-action="none">
          {review
            ? `本次审查${REVIEW_STATE_LABELS[review.state]}${review.closedAt ? `（${formatDateTime(review.closedAt)}）` : ''}。`
            : CANNOT_DECIDE_LABELS.not_open}
        </Text>
      ) : ownItem ? (
        <Alert
          color="gray"
          variant="light"
          p="xs"
          data-testid="own-item-notice"
          data-primary-action="none"
        >
          {OWN_ITEM_NOTICE}
        </Alert>
      ) : !data.canDecide ? (
        <Text fz="sm" c="dimmed" data-primary-action="none">
          {data.cannotDecideReason
            ? CANNOT_DECIDE_LABELS[data.cannotDecideReason]
            : '您不能在当前步骤作出决定'}
        </Text>
      ) : (
        <Stack gap={6}>
          {data.approvalNotice && <ApprovalNoticeAlert notice={data.approvalNotice} compact />}
          <Group gap="xs">
            {DECISION_BUTTONS.map(({ decision, color, variant }, i) => (
              <Button
                key={decision}
                color={color}
                variant={variant}
                disabled={decision === 'approve' && (blockers > 0 || policyFirst)}
                onClick={() => onDecide(decision)}
                {...(i === 0 ? { 'data-primary-action': true } : {})}
              >
                {REVIEW_DECISION_LABELS[decision]}
              </Button>
            ))}
          </Group>
          {blockers > 0 ? (
            <Text fz="xs" c="red.8" role="note">
              存在 {blockers}{' '}
              项阻断发现（如密级标志），不能同意公开：请退回修改、不予公开或报上级审查。
            </Text>
          ) : highs > 0 ? (
            <Text fz="xs" c="dimmed">
              同意公开须对 {highs} 项高风险发现逐条写明保留理由。
            </Text>
          ) : null}
        </Stack>
      )}
    </Paper>
  )
}
