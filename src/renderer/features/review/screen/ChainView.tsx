import { Badge, Group, List, Stack, Text, Timeline } from '@mantine/core'
import type {
  ReviewDecisionView,
  ReviewStepRole,
  ReviewStepStatus,
  ReviewView,
} from '../../../../shared/review/types'
import {
  REVIEW_DECISION_LABELS,
  REVIEW_STATE_LABELS,
  REVIEW_STEP_STATUS_LABELS,
  WITHHOLD_ARTICLE_LABELS,
} from '../../../../shared/review/labels'
import { ROLE_LABELS } from '../../../../shared/accounts/labels'
import { formatDateTime } from '../../../lib/format'
import { CommentsList } from '../shared/CommentsList'
import { REVIEW_STATE_COLORS, STEP_STATUS_COLORS } from '../shared/labels-ui'

function Decision({ d, data }: { d: ReviewDecisionView; data: ReviewView }) {
  return (
    <Stack gap={4} className="dd-decision">
      <Text fz="sm">
        <Text span fw={600}>
          {d.deciderName}
        </Text>{' '}
        {REVIEW_DECISION_LABELS[d.decision]}
        <Text span fz="xs" c="dimmed">
          {' '}
          · {formatDateTime(d.decidedAt)} · 第 {d.revision} 版
        </Text>
      </Text>
      {d.superior && (
        <Text fz="xs">
          上级答复（{d.superior.authority}）：{d.superior.opinion}
        </Text>
      )}
      {d.article && <Text fz="xs">依据：{WITHHOLD_ARTICLE_LABELS[d.article].label}</Text>}
      {d.reason && <Text fz="xs">理由：{d.reason}</Text>}
      {d.highReasons.length > 0 && (
        <List size="xs" spacing={2}>
          {d.highReasons.map((h) => {
            const f = data.findings.find((x) => x.id === h.findingId)
            return (
              <List.Item key={h.findingId}>
                保留「{f?.text ?? h.findingId}」：{h.reason}
              </List.Item>
            )
          })}
        </List>
      )}
      {d.comments.length > 0 && <CommentsList comments={d.comments} findings={data.findings} />}
    </Stack>
  )
}

/** A step's heading in a chain: its name, the role that decides it and how it stands. */
export function ChainStepTitle({
  name,
  role,
  status,
}: {
  name: string
  role: ReviewStepRole
  status: ReviewStepStatus
}) {
  return (
    <Group gap={6}>
      <Text fz="sm" fw={600}>
        {name}
      </Text>
      <Text fz="xs" c="dimmed">
        {ROLE_LABELS[role]}
      </Text>
      <Badge size="xs" variant="light" color={STEP_STATUS_COLORS[status]}>
        {REVIEW_STEP_STATUS_LABELS[status]}
      </Badge>
    </Group>
  )
}

/** The chain: each step with who decided what and when; earlier submissions below. */
export function ChainView({ data }: { data: ReviewView }) {
  const active = data.steps.findIndex((s) => s.status === 'current' || s.status === 'referred')
  return (
    <Stack gap="md">
      <Timeline
        active={active === -1 ? data.steps.length : active}
        bulletSize={18}
        lineWidth={2}
        aria-label="审查流程"
      >
        {data.review && (
          <Timeline.Item
            title={
              <Text fz="sm" fw={600}>
                提交审查
              </Text>
            }
          >
            <Text fz="xs" c="dimmed">
              {data.review.submittedByName} · {formatDateTime(data.review.submittedAt)} · 第{' '}
              {data.review.revision} 版 · 第 {data.review.round} 次提交
            </Text>
          </Timeline.Item>
        )}
        {data.steps.map((s) => (
          <Timeline.Item
            key={s.index}
            title={<ChainStepTitle name={s.name} role={s.role} status={s.status} />}
          >
            <Stack gap={6} mt={4}>
              {s.decisions.map((d) => (
                <Decision key={d.id} d={d} data={data} />
              ))}
            </Stack>
          </Timeline.Item>
        ))}
      </Timeline>
      {data.history.length > 0 && (
        <Stack gap={4}>
          <Text fz="xs" fw={700} c="dimmed">
            此前的提交
          </Text>
          {data.history.map((h) => (
            <Group key={h.id} gap={6}>
              <Text fz="xs">
                第 {h.round} 次 · {formatDateTime(h.submittedAt)} · 第 {h.revision} 版
              </Text>
              <Badge size="xs" variant="light" color={REVIEW_STATE_COLORS[h.state]}>
                {REVIEW_STATE_LABELS[h.state]}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  )
}
