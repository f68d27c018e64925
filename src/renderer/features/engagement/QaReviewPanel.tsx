import {
  Alert,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { QA_DECISION_LABELS } from '../../../shared/engagement/labels'
import { qaReviewSchema } from '../../../shared/engagement/schemas'
import type { QaReviewView } from '../../../shared/engagement/types'
import { CANNOT_DECIDE_LABELS, FINDING_KIND_LABELS } from '../../../shared/review/labels'
import { approvalGaps } from '../../../shared/review/rules'
import { api, notifySuccess, request } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { formatDateTime } from '../../lib/format'
import { limitOf } from '../../lib/schema-limits'
import { ChainStepTitle } from '../review/screen/ChainView'
import { HighReasonsFields } from '../review/screen/HighReasonsFields'
import { FindingsList } from '../review/shared/FindingsList'

const ROUND_STATE: Record<NonNullable<QaReviewView['round']>['state'], string> = {
  open: '审核中',
  approved: '已通过',
  returned: '已退回',
  cancelled: '已作废（提交后内容被修改）',
}

/** The round's chain: each step, its role, and who decided what and when. */
function Steps({ view }: { view: QaReviewView }) {
  const round = view.round!
  const active = view.steps.findIndex((s) => s.status === 'current')
  return (
    <Timeline
      active={active === -1 ? view.steps.length : active}
      bulletSize={16}
      lineWidth={2}
      aria-label="审核流程"
    >
      <Timeline.Item
        title={
          <Text fz="sm" fw={600}>
            提交审核
          </Text>
        }
      >
        <Text fz="xs" c="dimmed">
          {round.submittedByName} · {formatDateTime(round.submittedAt)} · 第 {round.round} 次提交 ·{' '}
          {ROUND_STATE[round.state]}
        </Text>
      </Timeline.Item>
      {view.steps.map((s) => (
        <Timeline.Item
          key={s.index}
          title={<ChainStepTitle name={s.name} role={s.role} status={s.status} />}
        >
          {s.decisions.map((d) => (
            <Stack key={d.id} gap={2} mt={4} data-testid="qa-decision">
              <Text fz="sm">
                <Text span fw={600}>
                  {d.deciderName}
                </Text>{' '}
                {QA_DECISION_LABELS[d.decision]}
                <Text span fz="xs" c="dimmed">
                  {' '}
                  · {formatDateTime(d.decidedAt)}
                </Text>
              </Text>
              {d.note && <Text fz="xs">意见：{d.note}</Text>}
              {d.highReasons.map((h) => {
                const f = round.findings.find((x) => x.id === h.findingId)
                return (
                  <Text key={h.findingId} fz="xs">
                    保留「{f?.text ?? h.findingId}」：{h.reason}
                  </Text>
                )
              })}
            </Stack>
          ))}
        </Timeline.Item>
      ))}
    </Timeline>
  )
}

/** 同意 / 退回修改 at the current step, bound to the round, the step and the content hash seen. */
function DecisionForm({ view, onDone }: { view: QaReviewView; onDone: () => void }) {
  const round = view.round!
  const [note, setNote] = useState('')
  const [reasons, setReasons] = useState<Record<string, string>>({})
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const highReasons = Object.entries(reasons)
    .filter(([, r]) => r.trim() !== '')
    .map(([findingId, reason]) => ({ findingId, reason }))
  const gaps = approvalGaps(round.findings, highReasons)
  const highs = round.findings.filter((f) => f.severity === 'high')
  const step = view.steps[round.currentStep ?? 0]
  const decide = async (decision: 'approve' | 'return') => {
    setTried(true)
    if (decision === 'approve' && (gaps.blockers.length > 0 || gaps.missing.length > 0)) return
    if (decision === 'return' && note.trim() === '') return
    setBusy(true)
    try {
      await request(
        api().engagement.qaReview({
          id: view.entry.id,
          reviewId: round.id,
          stepIndex: round.currentStep ?? 0,
          contentHash: view.entry.contentHash,
          decision,
          note,
          highReasons: decision === 'approve' ? highReasons : [],
        }),
      )
      notifySuccess(decision === 'approve' ? `「${step?.name ?? ''}」已同意` : '已退回修改')
      onDone()
    } catch {
      // notified
    } finally {
      setBusy(false)
    }
  }
  return (
    <Paper withBorder p="sm" data-testid="qa-decision-form">
      <Stack gap="xs">
        <Title order={4} fz="sm">
          您的决定：{step?.name}（第 {(round.currentStep ?? 0) + 1}/{view.steps.length} 步）
        </Title>
        {gaps.blockers.length > 0 && (
          <Alert color="red" p="xs">
            存在阻断项（
            {gaps.blockers.map((f) => `${FINDING_KIND_LABELS[f.kind]}“${f.text}”`).join('；')}
            ），不能同意，请退回修改。
          </Alert>
        )}
        {gaps.blockers.length === 0 && (
          <HighReasonsFields
            findings={highs}
            reasons={reasons}
            onChange={(id, r) => setReasons((o) => ({ ...o, [id]: r }))}
            missing={new Set(gaps.missing.map((f) => f.id))}
            showErrors={tried}
          />
        )}
        <Textarea
          label="审核意见"
          description="退回修改时必填"
          autosize
          minRows={2}
          {...limitOf(qaReviewSchema, 'note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group justify="flex-end" gap="xs">
          <Button
            color="red"
            variant="light"
            loading={busy}
            disabled={note.trim() === ''}
            onClick={() => void decide('return')}
          >
            退回修改
          </Button>
          <Button
            color="green"
            loading={busy}
            disabled={gaps.blockers.length > 0}
            onClick={() => void decide('approve')}
          >
            同意
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}

/**
 * One entry's 保密审查 (政策问答): the question and answer, the chain with the round's decisions,
 * the scanner's findings, and — for a user who may decide the current step — the decision form;
 * otherwise why they may not (the same separation-of-duties rule core applies).
 */
export function QaReviewPanel({ id, onChanged }: { id: string; onChanged: () => void }) {
  const q = useApiQuery(() => api().engagement.qaReviewGet({ id }), id)
  const view = q.data
  if (!view) return <Loader size="sm" />
  const open = view.round?.state === 'open'
  const entry = (
    <Paper withBorder p="sm">
      <Text fz="xs" c="dimmed">
        问题
      </Text>
      <Text fz="sm" fw={500} style={{ whiteSpace: 'pre-wrap' }}>
        {view.entry.question}
      </Text>
      <Text fz="xs" c="dimmed" mt={6}>
        答复
      </Text>
      <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {view.entry.answer}
      </Text>
      <Text fz="xs" c="dimmed" mt={6}>
        依据政策：{view.entry.policy.title}
        {view.entry.interpretation && ` · 解读：${view.entry.interpretation.title}`}
      </Text>
      {view.entry.flag && (
        <Text fz="xs" c="orange.8">
          {view.entry.flag}
        </Text>
      )}
    </Paper>
  )
  if (!view.round) {
    return (
      <Stack gap="sm" data-testid="qa-review-panel">
        {entry}
        <Text fz="sm" c="dimmed">
          该问答尚未提交审核。
        </Text>
      </Stack>
    )
  }
  // Wide screens: what is reviewed on the left, the chain and the decision on the right.
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="qa-review-panel">
      <Stack gap="sm">
        {entry}
        <div>
          <Title order={4} fz="sm" mb={4}>
            扫描发现（问题与答复，{view.round.findings.length} 项）
          </Title>
          <FindingsList
            findings={view.round.findings}
            groupBy="kind"
            empty="未发现需要处理的内容。"
          />
        </div>
      </Stack>
      <Stack gap="sm">
        <Steps view={view} />
        {open && view.canDecide && (
          <DecisionForm
            view={view}
            onDone={() => {
              q.reload()
              onChanged()
            }}
          />
        )}
        {open && !view.canDecide && view.cannotDecideReason && (
          <Alert color="gray" p="xs" data-testid="qa-cannot-decide">
            {CANNOT_DECIDE_LABELS[view.cannotDecideReason]}
          </Alert>
        )}
      </Stack>
    </SimpleGrid>
  )
}
