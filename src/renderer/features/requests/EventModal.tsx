import {
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { useState } from 'react'
import {
  ANSWER_TYPE_LABELS,
  CONSULTATION_PARTY_LABELS,
  EVENT_KIND_LABELS,
  FEE_SCHEME_LABELS,
  OUTCOME_LABELS,
} from '../../../shared/requests/labels'
import { requestEventSchema } from '../../../shared/requests/schemas'
import {
  ANSWER_TYPES,
  CONSULTATION_PARTIES,
  FEE_SCHEMES,
  OUTCOMES_BY_ANSWER,
  type AnswerType,
  type RequestEventKind,
  type RequestView,
} from '../../../shared/requests/types'
import { api, errorMessage } from '../../api/client'
import { useApiAction } from '../../api/hooks'
import { DateField } from '../../components/DateField'
import { limitOf } from '../../lib/schema-limits'
import { validateWith, type FieldErrors } from '../../lib/zod-form'
import { FormActions } from './FormActions'
import { announceRequestsChanged } from './ui-labels'

export type EventKind = Exclude<RequestEventKind, 'received' | 'receipt_changed'>

const today = () => {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** What each event asks for, and the article it rests on (shown under the title). */
const HINTS: Record<EventKind, string> = {
  correction_requested:
    '条例第三十条：收到申请之日起 7 个工作日内一次性告知补正，并给予合理的补正期限；答复期限自收到补正之日起重新计算。',
  correction_received: '条例第三十条：答复期限自收到补正后的申请之日起重新计算。',
  correction_lapsed: '条例第三十条：申请人无正当理由逾期不补正的，视为放弃申请，计入表三（六）1。',
  consultation_started:
    '条例第三十二条、第三十四条：书面征求意见，第三方或其他机关应在 15 个工作日内提出意见；征求意见所需时间不计入答复期限。',
  consultation_ended: '征求意见结束（收到意见或期限届满），答复期限恢复计算。',
  extension:
    '条例第三十三条：需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过 20 个工作日，且只能延长一次。',
  fee_notice:
    '国办函〔2020〕109号：按件或按量计收（10 件、30 页以下免费），申请人自收到通知次日起 20 个工作日内缴费；其间不计入答复期限。',
  fee_paid: '申请人缴费后，答复期限恢复计算。',
  fee_lapsed: '申请人逾期未缴费的，视为放弃申请，计入表三（六）2。',
  answer: '条例第三十六条：按答复类型作出答复；办理结果计入年度报告表三的一项。',
}

/** Records one event (补正, 征求意见, 延期, 收费, 答复 …); core checks order and limits. */
export function EventModal({
  request,
  kind,
  onClose,
  onSaved,
}: {
  request: RequestView
  kind: EventKind | null
  onClose: () => void
  onSaved: (v: RequestView) => void
}) {
  return (
    <Modal
      opened={kind !== null}
      onClose={onClose}
      title={kind ? `${EVENT_KIND_LABELS[kind]} · ${request.no}` : ''}
      size="lg"
    >
      {kind && (
        <EventForm key={kind} request={request} kind={kind} onClose={onClose} onSaved={onSaved} />
      )}
    </Modal>
  )
}

function EventForm({
  request,
  kind,
  onClose,
  onSaved,
}: {
  request: RequestView
  kind: EventKind
  onClose: () => void
  onSaved: (v: RequestView) => void
}) {
  const [values, setValues] = useState<Record<string, unknown>>(() => ({
    date: today(),
    ...(kind === 'extension' ? { days: 20, approver: '', reason: '' } : {}),
    ...(kind === 'correction_requested' ? { deadline: '', items: '' } : {}),
    ...(kind === 'consultation_started' ? { party: 'third_party', partyName: '' } : {}),
    ...(kind === 'consultation_ended' ? { note: '' } : {}),
    ...(kind === 'fee_notice' ? { scheme: 'per_page', quantity: 31 } : {}),
    ...(kind === 'fee_paid' ? { amount: feeOf(request) } : {}),
    ...(kind === 'answer' ? { answerType: 'disclose', outcome: '1', note: '' } : {}),
  }))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [error, setError] = useState<string | null>(null)
  const add = useApiAction(api().requests.addEvent, { notify: false })
  const set = (field: string, value: unknown) => {
    setValues((v) => ({ ...v, [field]: value }))
    setErrors((e) => ({ ...e, [field]: undefined }))
  }
  // This kind's schema: its text limits are enforced as the user types.
  const kindSchema = requestEventSchema.options.find((o) => o.shape.kind.value === kind)
  const text = (field: string, label: string, extra: Record<string, unknown> = {}) => ({
    ...(kindSchema ? limitOf(kindSchema, field) : {}),
    label,
    value: String(values[field] ?? ''),
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(field, e.currentTarget.value),
    error: errors[field],
    ...extra,
  })
  /** A required date: typed (2024-02-20, 2024年2月20日, 20240220) or picked. */
  const dateProps = (field: string, label: string) => ({
    label,
    required: true,
    clearable: false,
    value: values[field] ? String(values[field]) : null,
    onChange: (d: string | null) => set(field, d ?? ''),
    error: errors[field],
  })
  const answerType = values.answerType as AnswerType
  const outcomes = kind === 'answer' ? OUTCOMES_BY_ANSWER[answerType] : []

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setError(null)
    const parsed = validateWith(requestEventSchema, { requestId: request.id, kind, ...values })
    if (!parsed.ok) {
      setErrors(parsed.errors)
      return
    }
    const r = await add.run(parsed.data)
    if (r.ok) {
      announceRequestsChanged()
      onSaved(r.data)
    } else setError(errorMessage(r.error))
  }

  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack gap="sm">
        <Text fz="xs" c="dimmed">
          {HINTS[kind]}
        </Text>
        {kind === 'correction_requested' && request.correctionLimit && (
          <Text fz="sm">
            补正告知最迟应于 {request.correctionLimit}
            {request.correctionLimitProvisional ? '（暂定）' : ''} 发出。
          </Text>
        )}
        <SimpleGrid cols={2} spacing="sm">
          <DateField {...dateProps('date', kind === 'answer' ? '答复日期' : '日期')} />
          {kind === 'correction_requested' && (
            <DateField {...dateProps('deadline', '补正期限（截止日期）')} />
          )}
          {kind === 'extension' && (
            <NumberInput
              label="延长工作日数"
              min={1}
              max={20}
              value={Number(values.days)}
              onChange={(v) => set('days', typeof v === 'number' ? v : Number(v))}
              error={errors.days}
              required
            />
          )}
          {kind === 'consultation_started' && (
            <Select
              label="征求意见对象"
              data={CONSULTATION_PARTIES.map((p) => ({
                value: p,
                label: CONSULTATION_PARTY_LABELS[p],
              }))}
              value={String(values.party)}
              onChange={(v) => v && set('party', v)}
              allowDeselect={false}
            />
          )}
          {kind === 'fee_notice' && (
            <Select
              label="计收方式"
              data={FEE_SCHEMES.map((s) => ({ value: s, label: FEE_SCHEME_LABELS[s] }))}
              value={String(values.scheme)}
              onChange={(v) => v && set('scheme', v)}
              allowDeselect={false}
            />
          )}
          {kind === 'fee_paid' && (
            <NumberInput
              label="缴费金额（元）"
              min={0}
              value={Number(values.amount)}
              onChange={(v) => set('amount', typeof v === 'number' ? v : Number(v))}
              error={errors.amount}
            />
          )}
        </SimpleGrid>
        {kind === 'correction_requested' && (
          <Textarea
            {...text('items', '需要补正的事项', { autosize: true, minRows: 2, required: true })}
          />
        )}
        {kind === 'consultation_started' && (
          <TextInput {...text('partyName', '第三方或机关名称', { required: true })} />
        )}
        {kind === 'consultation_ended' && (
          <Textarea {...text('note', '意见情况', { autosize: true })} />
        )}
        {kind === 'extension' && (
          <>
            <TextInput
              {...text('approver', '批准人（政府信息公开工作机构负责人）', { required: true })}
            />
            <Textarea
              {...text('reason', '延期理由', { autosize: true, minRows: 2, required: true })}
            />
          </>
        )}
        {kind === 'fee_notice' && (
          <NumberInput
            label={values.scheme === 'per_page' ? '页数' : '该申请人本自然月第几件申请'}
            min={1}
            value={Number(values.quantity)}
            onChange={(v) => set('quantity', typeof v === 'number' ? v : Number(v))}
            error={errors.quantity}
            description="金额由系统按累进标准计算"
          />
        )}
        {kind === 'answer' && (
          <>
            <Select
              label="答复类型"
              data={ANSWER_TYPES.map((t) => ({
                value: t,
                label: `${ANSWER_TYPE_LABELS[t].label}（${ANSWER_TYPE_LABELS[t].article}）`,
              }))}
              value={answerType}
              onChange={(v) => {
                if (!v) return
                set('answerType', v)
                set('outcome', OUTCOMES_BY_ANSWER[v as AnswerType][0])
              }}
              allowDeselect={false}
              required
            />
            <Select
              label="办理结果（年度报告表三）"
              data={outcomes.map((o) => ({
                value: o,
                label: `${OUTCOME_LABELS[o].code}${OUTCOME_LABELS[o].code.endsWith('）') ? '' : ' '}${OUTCOME_LABELS[o].label}`,
              }))}
              value={String(values.outcome)}
              onChange={(v) => v && set('outcome', v)}
              allowDeselect={false}
              required
              error={errors.outcome}
            />
            <Textarea
              {...text('note', '答复说明（写入答复书：获取方式、不予公开的理由等）', {
                autosize: true,
                minRows: 3,
              })}
            />
          </>
        )}
        <FormActions error={error} errorTitle="未能登记" busy={add.busy} onCancel={onClose} />
      </Stack>
    </form>
  )
}

function feeOf(v: RequestView): number {
  const e = [...v.events].reverse().find((x) => x.kind === 'fee_notice')
  return typeof e?.data.amount === 'number' ? e.data.amount : 0
}
