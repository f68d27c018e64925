import { Alert, Anchor, Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconSend, IconShieldCheck } from '@tabler/icons-react'
import { useState } from 'react'
import { Link } from 'react-router'
import type { ItemView } from '../../../../shared/items/types'
import type { ReviewDecisionView, ReviewView } from '../../../../shared/review/types'
import { ITEM_STATUS_LABELS } from '../../../../shared/items/labels'
import {
  REFERRED_MARKER_LABEL,
  REVIEW_DECISION_LABELS,
  REVIEW_STATE_LABELS,
  WITHHOLD_ARTICLE_LABELS,
} from '../../../../shared/review/labels'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/hooks'
import { formatDateTime } from '../../../lib/format'
import { Panel } from '../../drafting/editor/Panel'
import { CommentsList } from '../shared/CommentsList'
import { REVIEW_STATE_COLORS } from '../shared/labels-ui'
import type { EditorBridge } from './ScanPanel'
import { SubmitReviewModal } from './SubmitReviewModal'

/** The last decision of a kind in a review (steps in order, decisions in order). */
export function lastDecision(
  review: ReviewView,
  decision?: ReviewDecisionView['decision'],
): ReviewDecisionView | null {
  const all = review.steps.flatMap((s) => s.decisions)
  const matching = decision ? all.filter((d) => d.decision === decision) : all
  return matching.sort((a, b) => a.decidedAt.localeCompare(b.decidedAt)).at(-1) ?? null
}

/** 「提交审查」 in the editor's title bar: drafts and returned items, for whoever may edit them. */
export function SubmitReviewButton({
  onSubmitted,
  ...bridge
}: EditorBridge & {
  onSubmitted: (review: ReviewView) => void
}) {
  const [open, setOpen] = useState(false)
  const { view, readOnly } = bridge
  if (readOnly || (view.status !== 'draft' && view.status !== 'returned')) return null
  return (
    <>
      <Tooltip label="保密检查并填写自查清单后提交审核人审查">
        <Button variant="light" leftSection={<IconSend size={16} />} onClick={() => setOpen(true)}>
          提交审查
        </Button>
      </Tooltip>
      {open && (
        <SubmitReviewModal
          bridge={bridge}
          onClose={() => setOpen(false)}
          onSubmitted={(review) => {
            setOpen(false)
            onSubmitted(review)
            notifications.show({
              color: 'teal',
              title: '已提交审查',
              message: `当前状态：${ITEM_STATUS_LABELS[review.item.status]}${
                review.steps[0] ? `，等待「${review.steps[0].name}」` : ''
              }`,
            })
          }}
        />
      )}
    </>
  )
}

/** 保密审查 in the editor's side column: where the review stands, and the reviewer's comments. */
export function ReviewStatusPanel({ view }: { view: ItemView }) {
  const review = useApiQuery(
    () => api().review.get({ itemId: view.id }),
    `${view.id}:${view.status}:${view.revision}`,
  )
  const data = review.data
  if (!data?.review) return null
  const r = data.review
  const current = r.currentStep !== null ? data.steps[r.currentStep] : undefined
  const returned = r.state === 'returned' ? lastDecision(data, 'return') : null
  const withheld = r.state === 'withheld' ? lastDecision(data, 'withhold') : null
  const approved = r.state === 'approved' ? lastDecision(data, 'approve') : null
  return (
    <Panel
      label="审查情况"
      title={
        <Group gap={6}>
          <IconShieldCheck size={16} aria-hidden />
          <span>审查情况</span>
        </Group>
      }
      actions={
        <Anchor component={Link} to={`/review/${view.id}`} fz="xs">
          审查记录
        </Anchor>
      }
    >
      <Stack gap={8}>
        <Group gap={6}>
          <Badge variant="light" color={REVIEW_STATE_COLORS[r.state]} data-testid="review-state">
            {REVIEW_STATE_LABELS[r.state]}
          </Badge>
          {r.referred && (
            <Badge variant="outline" color="violet">
              {REFERRED_MARKER_LABEL}
            </Badge>
          )}
          <Text fz="xs" c="dimmed">
            第 {r.round} 次提交 · {formatDateTime(r.submittedAt)}
          </Text>
        </Group>
        {r.state === 'open' && current && (
          <Text fz="sm">
            等待「{current.name}」（第 {current.index + 1}/{data.steps.length} 步）
          </Text>
        )}
        {r.state === 'cancelled' && (
          <Text fz="sm" c="dimmed">
            提交后内容又有修改，本次提交已作废；处理完毕后请重新提交审查。
          </Text>
        )}
        {(r.state === 'approved' || r.state === 'withheld') &&
          data.item.contentHash !== r.contentHash && (
            <Text fz="sm" c="orange.8" data-testid="review-stale">
              {data.item.liveRevision
                ? `已通过的第 ${data.item.liveRevision.revision} 版继续生效；修订稿（第 ${data.item.revision} 版）须提交审查，通过后替换。`
                : '审查后内容又有修改，本次审查结论不再适用，发布前须重新提交审查。'}
            </Text>
          )}
        {approved && (
          <Text fz="sm">
            {approved.deciderName} 于 {formatDateTime(approved.decidedAt)} 同意公开
          </Text>
        )}
        {withheld && (
          <Alert color="dark" variant="light" p="xs" title="不予公开">
            <Text fz="sm">
              {withheld.article ? WITHHOLD_ARTICLE_LABELS[withheld.article].label : ''}：
              {withheld.reason}
            </Text>
            <Text fz="xs" c="dimmed" mt={4}>
              {withheld.deciderName} · {formatDateTime(withheld.decidedAt)}
            </Text>
          </Alert>
        )}
        {returned && (
          <Alert
            color="red"
            variant="light"
            p="xs"
            title={`${REVIEW_DECISION_LABELS.return}：${returned.stepName}`}
          >
            <CommentsList comments={returned.comments} findings={data.findings} />
            {returned.reason && (
              <Text fz="sm" mt={4}>
                {returned.reason}
              </Text>
            )}
            <Text fz="xs" c="dimmed" mt={6}>
              {returned.deciderName} · {formatDateTime(returned.decidedAt)}
            </Text>
          </Alert>
        )}
      </Stack>
    </Panel>
  )
}
