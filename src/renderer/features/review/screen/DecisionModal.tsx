import {
  ActionIcon,
  Alert,
  Button,
  Divider,
  Group,
  Modal,
  ScrollArea,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import {
  WITHHOLD_ARTICLES,
  type ReviewDecision,
  type ReviewView,
  type WithholdArticle,
} from '../../../../shared/review/types'
import {
  FINDING_KIND_LABELS,
  REVIEW_DECISION_LABELS,
  SEVERITY_LABELS,
  WITHHOLD_ARTICLE_LABELS,
} from '../../../../shared/review/labels'
import { api, request } from '../../../api/client'
import { ChecklistForm } from '../shared/ChecklistForm'
import {
  checklistErrors,
  checklistFrom,
  checklistInput,
  emptyChecklist,
  type ChecklistValues,
} from '../shared/checklist-form'
import { FindingCard } from '../shared/FindingsList'
import { bySeverity } from '../shared/severity'

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

interface Comment {
  text: string
  findingId: string | null
}

/** One decision at the current step: the form for it, then `review:decide` bound to the hash seen. */
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
  const needsChecklist = decision === 'approve' || decision === 'withhold'
  const highFindings = data.findings.filter((f) => f.severity === 'high').sort(bySeverity)
  const [values, setValues] = useState<ChecklistValues>(() => emptyChecklist(questions))
  const [highReasons, setHighReasons] = useState<Record<string, string>>({})
  const [comments, setComments] = useState<Comment[]>([
    { text: '', findingId: seedFindingId ?? null },
  ])
  const [article, setArticle] = useState<WithholdArticle | null>(null)
  const [reason, setReason] = useState('')
  const [authority, setAuthority] = useState('')
  const [opinion, setOpinion] = useState('')
  const [showErrors, setShowErrors] = useState(false)
  const [busy, setBusy] = useState(false)

  const errors = needsChecklist ? checklistErrors(questions, values) : {}
  const missingHigh =
    decision === 'approve' ? highFindings.filter((f) => !highReasons[f.id]?.trim()) : []
  const filledComments = comments.filter((c) => c.text.trim())
  const problems: string[] = []
  if (Object.keys(errors).length > 0) problems.push('请完成审查清单')
  if (missingHigh.length > 0) problems.push(`还有 ${missingHigh.length} 项高风险发现未写理由`)
  if (decision === 'return' && filledComments.length === 0) problems.push('请填写修改意见')
  if (decision === 'withhold' && !article) problems.push('请选择依据条款')
  if ((decision === 'withhold' || decision === 'refer') && !reason.trim())
    problems.push('请填写理由')
  if (review.referred && decision !== 'refer' && (!authority.trim() || !opinion.trim()))
    problems.push('请登记上级机关的答复')

  const findingOptions = [...data.findings].sort(bySeverity).map((f) => ({
    value: f.id,
    label: `${SEVERITY_LABELS[f.severity]} · ${FINDING_KIND_LABELS[f.kind]}：${f.text.slice(0, 40)}（${f.sourceLabel.slice(0, 20)}）`,
  }))

  const submit = async () => {
    setShowErrors(true)
    if (problems.length > 0) return
    setBusy(true)
    try {
      const view = await request(
        api().review.decide({
          itemId: data.item.id,
          reviewId: review.id,
          stepIndex: review.currentStep ?? 0,
          contentHash: review.contentHash,
          decision,
          checklist: needsChecklist ? checklistInput(questions, values) : [],
          comments: filledComments.map((c) => ({ text: c.text.trim(), findingId: c.findingId })),
          ...(decision === 'withhold' && article ? { article } : {}),
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          highReasons:
            decision === 'approve'
              ? highFindings.map((f) => ({ findingId: f.id, reason: highReasons[f.id]!.trim() }))
              : [],
          ...(review.referred && decision !== 'refer'
            ? { superior: { authority: authority.trim(), opinion: opinion.trim() } }
            : {}),
        }),
      )
      onDecided(view)
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
        <Text fz="sm" c="dimmed">
          {INTRO[decision]}
        </Text>

        {review.referred && decision !== 'refer' && (
          <Stack gap="xs">
            <Title order={4} fz="sm">
              上级答复
            </Title>
            <TextInput
              label="上级机关"
              placeholder="如：区保密局"
              withAsterisk
              value={authority}
              onChange={(e) => setAuthority(e.currentTarget.value)}
              error={showErrors && !authority.trim() ? '请填写上级机关' : undefined}
              maxLength={60}
            />
            <Textarea
              label="答复意见"
              withAsterisk
              value={opinion}
              onChange={(e) => setOpinion(e.currentTarget.value)}
              error={showErrors && !opinion.trim() ? '请填写上级答复意见' : undefined}
              autosize
              minRows={2}
            />
          </Stack>
        )}

        {decision === 'approve' && highFindings.length > 0 && (
          <Stack gap="xs">
            <Title order={4} fz="sm">
              高风险发现的保留理由（{highFindings.length} 项）
            </Title>
            {highFindings.map((f) => (
              <Stack key={f.id} gap={4}>
                <FindingCard finding={f} />
                <Textarea
                  aria-label={`保留理由：${f.text}`}
                  placeholder="为什么可以公开（如：已取得本人同意、属于法定公开内容）"
                  value={highReasons[f.id] ?? ''}
                  onChange={(e) => {
                    const text = e.currentTarget.value
                    setHighReasons((r) => ({ ...r, [f.id]: text }))
                  }}
                  error={showErrors && !highReasons[f.id]?.trim() ? '请填写理由' : undefined}
                  autosize
                  minRows={1}
                  maxLength={1000}
                />
              </Stack>
            ))}
          </Stack>
        )}

        {decision === 'return' && (
          <Stack gap="xs">
            <Title order={4} fz="sm">
              修改意见
            </Title>
            {comments.map((c, i) => (
              <Stack key={i} gap={4} className="dd-comment-edit">
                <Group gap="xs" wrap="nowrap" align="flex-end">
                  <Select
                    label={`意见 ${i + 1} 针对的发现`}
                    placeholder="（不针对具体发现）"
                    data={findingOptions}
                    value={c.findingId}
                    onChange={(v) =>
                      setComments((all) =>
                        all.map((x, j) => (j === i ? { ...x, findingId: v } : x)),
                      )
                    }
                    clearable
                    searchable
                    style={{ flex: 1 }}
                    comboboxProps={{ withinPortal: true }}
                  />
                  {comments.length > 1 && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mb={4}
                      aria-label={`删除意见 ${i + 1}`}
                      onClick={() => setComments((all) => all.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Group>
                <Textarea
                  aria-label={`意见 ${i + 1}`}
                  placeholder="请写明需要怎样修改"
                  value={c.text}
                  onChange={(e) => {
                    const text = e.currentTarget.value
                    setComments((all) => all.map((x, j) => (j === i ? { ...x, text } : x)))
                  }}
                  error={
                    showErrors && filledComments.length === 0 && i === 0
                      ? '请填写修改意见'
                      : undefined
                  }
                  autosize
                  minRows={2}
                  maxLength={2000}
                />
              </Stack>
            ))}
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconPlus size={14} />}
              w="fit-content"
              onClick={() => setComments((all) => [...all, { text: '', findingId: null }])}
            >
              再加一条意见
            </Button>
          </Stack>
        )}

        {decision === 'withhold' && (
          <Stack gap="xs">
            <Select
              label="依据条款"
              withAsterisk
              data={WITHHOLD_ARTICLES.map((a) => ({
                value: a,
                label: WITHHOLD_ARTICLE_LABELS[a].label,
              }))}
              value={article}
              onChange={(v) => setArticle(v as WithholdArticle | null)}
              error={showErrors && !article ? '请选择依据条款' : undefined}
              comboboxProps={{ withinPortal: true }}
            />
            {article && (
              <Text fz="xs" c="dimmed">
                {WITHHOLD_ARTICLE_LABELS[article].summary}
              </Text>
            )}
          </Stack>
        )}

        {(decision === 'withhold' || decision === 'refer') && (
          <Textarea
            label={decision === 'refer' ? '报审理由' : '不予公开理由'}
            withAsterisk
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={showErrors && !reason.trim() ? '请填写理由' : undefined}
            autosize
            minRows={2}
            maxLength={2000}
          />
        )}

        {needsChecklist && (
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
                  onClick={() => setValues(checklistFrom(questions, data.selfCheck))}
                >
                  按起草人自查结果填入
                </Button>
              )}
            </Group>
            <ChecklistForm
              questions={questions}
              values={values}
              onChange={setValues}
              errors={errors}
              showErrors={showErrors}
              reference={data.selfCheck}
            />
          </Stack>
        )}

        {showErrors && problems.length > 0 && (
          <Alert color="red" variant="light" p="xs" role="alert">
            {problems.join('；')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button color={CONFIRM_COLORS[decision]} loading={busy} onClick={() => void submit()}>
            确认{REVIEW_DECISION_LABELS[decision]}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
