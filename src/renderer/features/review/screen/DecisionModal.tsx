import {
  Alert,
  Button,
  Divider,
  Group,
  Modal,
  ScrollArea,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import type { ReviewDecision, ReviewView } from '../../../../shared/review/types'
import { REVIEW_DECISION_LABELS } from '../../../../shared/review/labels'
import { api, request } from '../../../api/client'
import { ChecklistForm } from '../shared/ChecklistForm'
import { checklistFrom, emptyChecklist } from '../shared/checklist-form'
import { bySeverity } from '../shared/severity'
import { decideInput, decisionProblems, needsChecklist, type DecisionDraft } from './decision-form'
import { HighReasonsFields } from './HighReasonsFields'
import { ApprovalNoticeAlert } from './PairingPanel'
import { ReturnComments } from './ReturnComments'
import { SuperiorFields } from './SuperiorFields'
import { WithholdFields } from './WithholdFields'

const CONFIRM_COLORS: Record<ReviewDecision, string> = {
  approve: 'teal',
  return: 'orange',
  withhold: 'red',
  refer: 'violet',
}

const INTRO: Record<ReviewDecision, string> = {
  approve: '同意公开：逐项核对审查清单；保留的高风险发现须逐条写明理由。',
  return: '退回修改：写明修改意见，可指明针对哪一项发现。退回后由起草人修改并重新提交。',
  withhold: '不予公开：选择依据条款并写明理由，同时完成审查清单。',
  refer: '报上级审查：本机关不能确定是否可以公开的，报上级机关或保密行政管理部门审查。',
}

/**
 * One decision at the current step: the form for it, validated by the shared decide schema and
 * approvalGaps (decision-form.ts), then `review:decide` bound to the hash seen. The interpretation
 * rule is said at the top, before the checklist.
 */
export function DecisionModal({
  data,
  decision,
  seedFindingId,
  onClose,
  onDecided,
}: {
  data: ReviewView
  decision: ReviewDecision
  /** 退回修改 opened from a finding: the first comment points at it. */
  seedFindingId?: string | null
  onClose: () => void
  onDecided: (view: ReviewView) => void
}) {
  const review = data.review!
  const questions = data.checklist.questions
  const highFindings = data.findings.filter((f) => f.severity === 'high').sort(bySeverity)
  const [draft, setDraft] = useState<DecisionDraft>(() => ({
    checklist: emptyChecklist(questions),
    highReasons: {},
    comments: [{ text: '', findingId: seedFindingId ?? null }],
    article: null,
    reason: '',
    authority: '',
    opinion: '',
  }))
  const set = (patch: Partial<DecisionDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const [showErrors, setShowErrors] = useState(false)
  const [busy, setBusy] = useState(false)
  const problems = decisionProblems(data, decision, draft)
  const fieldError = (path: string) => (showErrors ? problems.fields[path] : undefined)
  const recordsSuperior = review.referred && decision !== 'refer'

  const submit = async () => {
    setShowErrors(true)
    if (problems.summary.length > 0) return
    setBusy(true)
    try {
      onDecided(await request(api().review.decide(decideInput(data, decision, draft))))
    } catch {
      // request() already said why (e.g. 内容已变更，请重新审查).
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      centered={false}
      yOffset="3vh"
      title={<Text fw={600}>{REVIEW_DECISION_LABELS[decision]}</Text>}
      scrollAreaComponent={ScrollArea.Autosize}
    >
      <Stack gap="md">
        {decision === 'approve' && data.approvalNotice && (
          <ApprovalNoticeAlert notice={data.approvalNotice} compact />
        )}
        <Text fz="sm" c="dimmed">
          {INTRO[decision]}
        </Text>

        {recordsSuperior && (
          <SuperiorFields
            authority={draft.authority}
            opinion={draft.opinion}
            onAuthority={(authority) => set({ authority })}
            onOpinion={(opinion) => set({ opinion })}
            errors={{
              authority: fieldError('superior.authority'),
              opinion: fieldError('superior.opinion'),
            }}
          />
        )}

        {decision === 'approve' && (
          <HighReasonsFields
            findings={highFindings}
            reasons={draft.highReasons}
            onChange={(id, text) => set({ highReasons: { ...draft.highReasons, [id]: text } })}
            missing={problems.missingReasons}
            showErrors={showErrors}
          />
        )}

        {decision === 'return' && (
          <ReturnComments
            comments={draft.comments}
            findings={data.findings}
            onChange={(comments) => set({ comments })}
            error={fieldError('comments')}
          />
        )}

        {decision === 'withhold' && (
          <WithholdFields
            article={draft.article}
            onChange={(article) => set({ article })}
            error={fieldError('article')}
          />
        )}

        {(decision === 'withhold' || decision === 'refer') && (
          <Textarea
            label={decision === 'refer' ? '报审理由' : '不予公开理由'}
            withAsterisk
            value={draft.reason}
            onChange={(e) => set({ reason: e.currentTarget.value })}
            error={fieldError('reason')}
            autosize
            minRows={2}
            maxLength={2000}
          />
        )}

        {needsChecklist(decision) && (
          <Stack gap="xs">
            <Divider />
            <Group justify="space-between">
              <Title order={4} fz="sm">
                审查清单（第 {data.checklist.version} 版）
              </Title>
              {data.selfCheck.length > 0 && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => set({ checklist: checklistFrom(questions, data.selfCheck) })}
                >
                  按起草人自查结果填入
                </Button>
              )}
            </Group>
            <ChecklistForm
              questions={questions}
              values={draft.checklist}
              onChange={(checklist) => set({ checklist })}
              errors={problems.checklist}
              showErrors={showErrors}
              reference={data.selfCheck}
            />
          </Stack>
        )}

        {showErrors && problems.summary.length > 0 && (
          <Alert color="red" variant="light" p="xs" role="alert">
            {problems.summary.join('；')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button
            color={CONFIRM_COLORS[decision]}
            loading={busy}
            disabled={decision === 'approve' && data.approvalNotice?.atFinalStep === true}
            onClick={() => void submit()}
          >
            确认{REVIEW_DECISION_LABELS[decision]}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
