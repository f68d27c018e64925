import {
  Alert,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type { z } from 'zod'
import {
  CONSULTATION_CHANNEL_LABELS,
  DECISION_TYPE_LABELS,
} from '../../../shared/engagement/labels'
import { consultationFieldsSchema } from '../../../shared/engagement/schemas'
import {
  CONSULTATION_CHANNELS,
  DECISION_TYPES,
  type ConsultationChannel,
  type ConsultationView,
  type DecisionType,
  type PeriodCheck,
} from '../../../shared/engagement/types'
import { api, request } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { DateField } from '../../components/DateField'
import { useCheckedForm } from './use-checked-form'
import { CONSULTATION_DRAFT_KINDS } from '../../../shared/engagement/rules'

export type ConsultationFields = z.input<typeof consultationFieldsSchema>

const blank = (): ConsultationFields => ({
  title: '',
  decisionType: 'normative',
  startDate: '',
  endDate: '',
  shortReason: '',
  questions: '',
  contact: '',
  channels: ['online'],
})

const fromView = (c: ConsultationView): ConsultationFields => ({
  title: c.title,
  decisionType: c.decisionType,
  startDate: c.startDate,
  endDate: c.endDate,
  shortReason: c.shortReason,
  questions: c.questions,
  contact: c.contact,
  channels: c.channels,
})

/**
 * The consultation's fields (征集主题, 类型, 征集时间, 征集说明, 渠道, 联系方式), validated with the
 * shared schema; the period's warnings (30 days / 7 working days) come from core as you type.
 * When opening, the draft (征求意见稿) is chosen first.
 */
export function ConsultationForm({
  consultation,
  draftItemId,
  busy,
  onSubmit,
}: {
  consultation: ConsultationView | null
  draftItemId?: string | null
  busy: boolean
  onSubmit: (fields: ConsultationFields, draftItemId: string | null) => void
}) {
  const { v, setV, errors, text, date, check } = useCheckedForm<ConsultationFields>(
    consultationFieldsSchema,
    () => (consultation ? fromView(consultation) : blank()),
  )
  const [draft, setDraft] = useState<string | null>(draftItemId ?? null)
  const [checked, setChecked] = useState<{ key: string; check: PeriodCheck } | null>(null)
  const drafts = useApiQuery(
    () =>
      api().items.search({
        kinds: [...CONSULTATION_DRAFT_KINDS],
        statuses: ['draft', 'returned', 'pending_review', 'approved'],
        sort: 'updated',
        order: 'desc',
        offset: 0,
        limit: 200,
      }),
    'drafts',
  )

  const datesFilled =
    /^\d{4}-\d{2}-\d{2}$/.test(v.startDate) && /^\d{4}-\d{2}-\d{2}$/.test(v.endDate)
  const periodKey = datesFilled
    ? `${v.decisionType}|${v.startDate}|${v.endDate}|${v.shortReason ?? ''}`
    : null
  useEffect(() => {
    if (periodKey === null) return
    let live = true
    request(
      api().engagement.periodCheck({
        decisionType: v.decisionType,
        startDate: v.startDate,
        endDate: v.endDate,
        shortReason: v.shortReason ?? '',
      }),
      { notify: false },
    ).then(
      (check) => live && setChecked({ key: periodKey, check }),
      () => undefined,
    )
    return () => {
      live = false
    }
    // periodKey covers every input of the check.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [periodKey])
  const period = checked && checked.key === periodKey ? checked.check : null

  const submit = () => {
    const missingDraft = !consultation && !draft
    if (check(v, missingDraft ? { draft: '请选择征求意见稿' } : {})) onSubmit(v, draft)
  }
  const toggleChannel = (c: ConsultationChannel, on: boolean) =>
    setV((o) => ({
      ...o,
      channels: on
        ? [...new Set([...(o.channels ?? []), c])]
        : (o.channels ?? []).filter((x) => x !== c),
    }))

  return (
    <Stack gap="xs">
      {!consultation && (
        <Select
          label="征求意见稿"
          description="选择要公开征求意见的政策文件草稿"
          withAsterisk
          searchable
          data={(drafts.data?.rows ?? []).map((r) => ({ value: r.id, label: r.title }))}
          value={draft}
          onChange={setDraft}
          error={errors.draft}
          nothingFoundMessage="没有可选的草稿"
        />
      )}
      <TextInput label="征集主题" withAsterisk {...text('title')} />
      <SimpleGrid cols={3} spacing="xs">
        <Select
          label="文件类型"
          allowDeselect={false}
          data={DECISION_TYPES.map((d) => ({ value: d, label: DECISION_TYPE_LABELS[d] }))}
          value={v.decisionType}
          onChange={(d) => d && setV((o) => ({ ...o, decisionType: d as DecisionType }))}
        />
        <DateField label="开始日期" withAsterisk {...date('startDate')} />
        <DateField label="截止日期" withAsterisk {...date('endDate')} />
      </SimpleGrid>
      {period && (
        <Text fz="sm" c="dimmed" data-testid="period-length">
          征集期共 {period.calendarDays} 日，其中 {period.workingDays} 个工作日
        </Text>
      )}
      {period && period.warnings.length > 0 && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle size={16} />}
          p="xs"
          data-testid="period-warnings"
        >
          {period.warnings.map((w) => (
            <Text key={w.code} fz="sm">
              {w.message}
            </Text>
          ))}
        </Alert>
      )}
      {period && period.warnings.some((w) => w.code !== 'end_before_start') && (
        <Textarea label="期限较短的说明" autosize minRows={1} {...text('shortReason')} />
      )}
      <Textarea
        label="征集说明"
        description="征求意见的问题、要求；每行一段"
        withAsterisk
        autosize
        minRows={3}
        {...text('questions')}
      />
      <Group gap="lg">
        <Text fz="sm" fw={500}>
          意见渠道
        </Text>
        {CONSULTATION_CHANNELS.map((c) => (
          <Checkbox
            key={c}
            label={CONSULTATION_CHANNEL_LABELS[c]}
            checked={(v.channels ?? []).includes(c)}
            onChange={(e) => toggleChannel(c, e.currentTarget.checked)}
          />
        ))}
      </Group>
      {errors.channels && (
        <Text c="red" fz="xs">
          {errors.channels}
        </Text>
      )}
      <TextInput
        label="联系方式"
        description="联系人、电话、邮箱或地址（随公告公开）"
        withAsterisk
        {...text('contact')}
      />
      <Group justify="flex-end" mt="sm">
        <Button onClick={submit} loading={busy}>
          {consultation ? '保存并重新生成公告' : '发起意见征集'}
        </Button>
      </Group>
    </Stack>
  )
}
