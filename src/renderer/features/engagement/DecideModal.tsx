import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core'
import { useState } from 'react'
import { COMMENT_DECISION_LABELS, COMMENTER_TYPE_LABELS } from '../../../shared/engagement/labels'
import { commentDecideSchema } from '../../../shared/engagement/schemas'
import {
  COMMENT_DECISIONS,
  COMMENTER_TYPES,
  type CommentDecision,
  type CommenterType,
  type CommentView,
  type ConsultationView,
} from '../../../shared/engagement/types'
import { limitOf } from '../../lib/schema-limits'
import { validateWith, type FieldErrors } from '../../lib/zod-form'

export interface DecideInput {
  decision: CommentDecision
  reason: string
  paragraphNo: number | null
  changedRevision: number | null
  wholeGroup: boolean
  /** 意见人身份 of this comment (the result counts by it); saved when changed. */
  commenterType: CommenterType
}

/**
 * 处理一条意见（或整组重复意见）: 采纳 / 部分采纳 / 不予采纳 / 不属于本次征集范围, the reason (required
 * but for 采纳, by the shared schema), the paragraph and the draft revision that changed; and who
 * the comment comes from (意见人身份: the adoption result counts by it).
 */
export function DecideModal({
  consultation,
  comment,
  busy,
  onClose,
  onDecide,
}: {
  consultation: ConsultationView
  comment: CommentView | null
  busy: boolean
  onClose: () => void
  onDecide: (input: DecideInput) => void
}) {
  return (
    <Modal opened={comment !== null} onClose={onClose} title="处理意见" size="lg">
      {comment && (
        <DecideForm
          key={comment.id}
          consultation={consultation}
          comment={comment}
          busy={busy}
          onDecide={onDecide}
        />
      )}
    </Modal>
  )
}

function DecideForm({
  consultation,
  comment,
  busy,
  onDecide,
}: {
  consultation: ConsultationView
  comment: CommentView
  busy: boolean
  onDecide: (input: DecideInput) => void
}) {
  const [v, setV] = useState<DecideInput>({
    decision: comment.decision ?? 'adopted',
    reason: comment.reason,
    paragraphNo: comment.decisionParagraphNo ?? comment.paragraphNo,
    changedRevision: comment.changedRevision,
    wholeGroup: comment.groupSize > 1,
    commenterType: comment.commenterType,
  })
  const [errors, setErrors] = useState<FieldErrors>({})
  const adoptedLike = v.decision === 'adopted' || v.decision === 'partly'
  const submit = () => {
    const { commenterType: _type, ...decision } = v
    const input = {
      consultationId: consultation.id,
      commentId: comment.id,
      ...decision,
      changedRevision: adoptedLike ? v.changedRevision : null,
    }
    const r = validateWith(commentDecideSchema, input)
    if (!r.ok) return setErrors(r.errors)
    setErrors({})
    onDecide({ ...v, changedRevision: input.changedRevision })
  }
  return (
    <Stack gap="xs">
      <Text fz="sm" c="dimmed">
        回执号 {comment.receiptNo}
        {comment.paragraphNo !== null && ` · 针对第 ${comment.paragraphNo} 段`}
      </Text>
      <Text
        fz="sm"
        style={{ whiteSpace: 'pre-wrap', maxHeight: 160, overflow: 'auto' }}
        data-testid="decide-body"
      >
        {comment.body}
      </Text>
      {comment.groupSize > 1 && (
        <Checkbox
          label={`同组 ${comment.groupSize} 条内容相同或相近的意见一并处理`}
          checked={v.wholeGroup}
          onChange={(e) => {
            const checked = e.currentTarget.checked
            setV((o) => ({ ...o, wholeGroup: checked }))
          }}
        />
      )}
      <Select
        label="意见人身份"
        description="本条意见提出人的身份（采纳情况说明按身份统计）"
        allowDeselect={false}
        data={COMMENTER_TYPES.map((t) => ({ value: t, label: COMMENTER_TYPE_LABELS[t] }))}
        value={v.commenterType}
        onChange={(t) => t && setV((o) => ({ ...o, commenterType: t as CommenterType }))}
      />
      <Select
        label="处理结果"
        allowDeselect={false}
        data={COMMENT_DECISIONS.map((d) => ({ value: d, label: COMMENT_DECISION_LABELS[d] }))}
        value={v.decision}
        onChange={(d) => d && setV((o) => ({ ...o, decision: d as CommentDecision }))}
      />
      <Textarea
        label="理由及说明"
        description={v.decision === 'adopted' ? '可选' : '须写明理由（将写入采纳情况说明）'}
        withAsterisk={v.decision !== 'adopted'}
        autosize
        minRows={2}
        {...limitOf(commentDecideSchema as never, 'reason')}
        value={v.reason}
        error={errors.reason}
        onChange={(e) => {
          const reason = e.currentTarget.value
          setV((o) => ({ ...o, reason }))
        }}
      />
      <Group grow>
        <Select
          label="涉及段落"
          clearable
          placeholder="总体意见"
          data={consultation.paragraphs.map((p) => ({
            value: String(p.no),
            label: `第${p.no}段：${p.text.slice(0, 20)}`,
          }))}
          value={v.paragraphNo === null ? null : String(v.paragraphNo)}
          onChange={(p) => setV((o) => ({ ...o, paragraphNo: p ? Number(p) : null }))}
        />
        <NumberInput
          label="修改稿版本"
          description={`征求意见稿因此修改的版本（发起时为第 ${consultation.draftRevisionAtOpen} 版，现为第 ${consultation.draft.revision} 版）`}
          disabled={!adoptedLike}
          min={consultation.draftRevisionAtOpen + 1}
          max={consultation.draft.revision}
          allowDecimal={false}
          value={v.changedRevision ?? ''}
          error={errors.changedRevision}
          onChange={(n) =>
            setV((o) => ({ ...o, changedRevision: typeof n === 'number' ? n : null }))
          }
        />
      </Group>
      <Group justify="flex-end" mt="sm">
        <Button onClick={submit} loading={busy}>
          保存处理结果
        </Button>
      </Group>
    </Stack>
  )
}
