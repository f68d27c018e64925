import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import dayjs from 'dayjs'
import { useState } from 'react'
import type { z } from 'zod'
import { ACTIVITY_CHANNEL_LABELS, OPINION_ADOPTION_LABELS } from '../../../shared/activities/labels'
import {
  activityRecordSchema,
  activitySaveSchema,
  opinionInputSchema,
} from '../../../shared/activities/schemas'
import {
  ACTIVITY_CHANNELS,
  ACTIVITY_FORMS,
  OPINION_ADOPTIONS,
  type ActivityChannel,
  type ActivityView,
  type OpinionAdoption,
} from '../../../shared/activities/types'
import { validateWith, type FieldErrors } from '../../lib/zod-form'
import { limitOf } from '../../lib/schema-limits'
import { DateField } from '../../components/DateField'

export type PlanInput = z.input<typeof activitySaveSchema>
export type RecordInput = z.input<typeof activityRecordSchema>

const blankPlan = (year: number) => ({
  unitName: '',
  title: '',
  plannedDate: null as string | null,
  plannedTimeText: '',
  location: '',
  form: '座谈交流',
  channel: 'offline' as ActivityChannel,
  content: '',
  invitees: '',
  inviteeCount: null as number | null,
  signup: '',
  contact: '',
  phone: '',
  note: '',
  year,
})

/** The plan: the 报送表's columns. Rules come from the shared schema. */
export function PlanForm({
  year,
  activity,
  busy,
  onSave,
}: {
  year: number
  activity: ActivityView | null
  busy: boolean
  onSave: (input: PlanInput) => void
}) {
  const [v, setV] = useState(() =>
    activity
      ? {
          unitName: activity.unitName,
          title: activity.title,
          plannedDate: activity.plannedDate,
          plannedTimeText: activity.plannedTimeText,
          location: activity.location,
          form: activity.form,
          channel: activity.channel,
          content: activity.content,
          invitees: activity.invitees,
          inviteeCount: activity.inviteeCount,
          signup: activity.signup,
          contact: activity.contact,
          phone: activity.phone,
          note: activity.note,
          year: activity.year,
        }
      : blankPlan(year),
  )
  const [errors, setErrors] = useState<FieldErrors>({})
  const text = (k: keyof typeof v) => ({
    ...limitOf(activitySaveSchema, k),
    value: (v[k] as string) ?? '',
    error: errors[k],
    onChange: (e: { currentTarget: { value: string } }) => {
      // Read now: React clears the event's currentTarget before the state updater runs.
      const value = e.currentTarget.value
      setV((o) => ({ ...o, [k]: value }))
    },
  })
  const submit = () => {
    const input = { ...v, ...(activity ? { id: activity.id } : {}) }
    const r = validateWith(activitySaveSchema, input)
    if (!r.ok) return setErrors(r.errors)
    setErrors({})
    onSave(input)
  }
  return (
    <Stack gap="xs">
      <TextInput label="活动名称/主题" withAsterisk {...text('title')} />
      <SimpleGrid cols={2} spacing="xs">
        <DateField
          label="计划时间"
          value={v.plannedDate}
          onChange={(d) => setV((o) => ({ ...o, plannedDate: d }))}
          error={errors.plannedDate}
        />
        <TextInput label="具体时间" placeholder="如 上午 9:00" {...text('plannedTimeText')} />
        <TextInput label="地点" {...text('location')} />
        <Select
          label="形式"
          withAsterisk
          data={[...ACTIVITY_FORMS]}
          searchable
          value={v.form}
          onChange={(f) => setV((o) => ({ ...o, form: f ?? '' }))}
          error={errors.form}
        />
        <Select
          label="线上/线下"
          data={ACTIVITY_CHANNELS.map((c) => ({ value: c, label: ACTIVITY_CHANNEL_LABELS[c] }))}
          value={v.channel}
          allowDeselect={false}
          onChange={(c) => c && setV((o) => ({ ...o, channel: c as ActivityChannel }))}
        />
        <TextInput label="单位名称" placeholder="默认本单位" {...text('unitName')} />
      </SimpleGrid>
      <Textarea label="主要内容" autosize minRows={2} {...text('content')} />
      <SimpleGrid cols={2} spacing="xs">
        <TextInput
          label="邀请对象"
          placeholder="人大代表、政协委员、企业、群众代表"
          {...text('invitees')}
        />
        <NumberInput
          label="邀请人数"
          min={0}
          value={v.inviteeCount ?? ''}
          onChange={(n) => setV((o) => ({ ...o, inviteeCount: typeof n === 'number' ? n : null }))}
        />
        <TextInput label="报名方式" {...text('signup')} />
        <TextInput label="联系人" {...text('contact')} />
        <TextInput label="联系电话" {...text('phone')} />
        <TextInput label="备注" {...text('note')} />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button loading={busy} onClick={submit}>
          {activity ? '保存计划' : '添加活动'}
        </Button>
      </Group>
    </Stack>
  )
}

interface OpinionRow {
  opinion: string
  adoption: OpinionAdoption
  response: string
}

/** After the event: what happened, who came, each opinion and its 采纳情况. */
export function RecordForm({
  activity,
  busy,
  onSave,
}: {
  activity: ActivityView
  busy: boolean
  onSave: (input: RecordInput) => void
}) {
  const [heldOn, setHeldOn] = useState<string | null>(
    activity.heldOn ?? activity.plannedDate ?? dayjs().format('YYYY-MM-DD'),
  )
  const [summary, setSummary] = useState(activity.summary)
  const [participants, setParticipants] = useState(activity.participants)
  const [count, setCount] = useState<number | null>(activity.participantCount)
  const [opinions, setOpinions] = useState<OpinionRow[]>(
    activity.opinions.map((o) => ({
      opinion: o.opinion,
      adoption: o.adoption,
      response: o.response,
    })),
  )
  const [errors, setErrors] = useState<FieldErrors>({})
  const setOpinion = (i: number, patch: Partial<OpinionRow>) =>
    setOpinions((list) => list.map((o, k) => (k === i ? { ...o, ...patch } : o)))
  const submit = () => {
    const input = {
      id: activity.id,
      heldOn,
      summary,
      participants,
      participantCount: count,
      opinions,
    }
    const r = validateWith(activityRecordSchema, input)
    if (!r.ok) return setErrors(r.errors)
    setErrors({})
    onSave(r.data)
  }
  return (
    <Stack gap="xs">
      <SimpleGrid cols={2} spacing="xs">
        <DateField
          label="开展日期"
          withAsterisk
          value={heldOn}
          onChange={setHeldOn}
          error={errors.heldOn}
        />
        <NumberInput
          label="参加人数"
          min={0}
          value={count ?? ''}
          onChange={(n) => setCount(typeof n === 'number' ? n : null)}
        />
      </SimpleGrid>
      <TextInput
        label="参加人员"
        placeholder="如 人大代表 3 名、企业代表 12 名"
        {...limitOf(activityRecordSchema, 'participants')}
        value={participants}
        onChange={(e) => setParticipants(e.currentTarget.value)}
      />
      <Textarea
        label="开展情况"
        withAsterisk
        autosize
        minRows={3}
        {...limitOf(activityRecordSchema, 'summary')}
        value={summary}
        error={errors.summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
      />
      <Group justify="space-between">
        <Text fz="sm" fw={500}>
          收集的意见建议及采纳情况
        </Text>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            setOpinions((l) => [...l, { opinion: '', adoption: 'pending', response: '' }])
          }
        >
          添加意见
        </Button>
      </Group>
      {opinions.map((o, i) => (
        <Stack
          key={i}
          gap={4}
          p="xs"
          style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
        >
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Textarea
              style={{ flex: 1 }}
              aria-label={`意见 ${i + 1}`}
              placeholder="意见建议内容"
              autosize
              minRows={1}
              {...limitOf(opinionInputSchema, 'opinion')}
              value={o.opinion}
              error={errors[`opinions.${i}.opinion`]}
              onChange={(e) => setOpinion(i, { opinion: e.currentTarget.value })}
            />
            <Select
              w={112}
              aria-label={`采纳情况 ${i + 1}`}
              data={OPINION_ADOPTIONS.map((a) => ({ value: a, label: OPINION_ADOPTION_LABELS[a] }))}
              value={o.adoption}
              allowDeselect={false}
              onChange={(a) => a && setOpinion(i, { adoption: a as OpinionAdoption })}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`删除意见 ${i + 1}`}
              onClick={() => setOpinions((l) => l.filter((_, k) => k !== i))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
          <TextInput
            aria-label={`答复 ${i + 1}`}
            placeholder="答复及理由（未采纳的须说明理由）"
            {...limitOf(opinionInputSchema, 'response')}
            value={o.response}
            onChange={(e) => setOpinion(i, { response: e.currentTarget.value })}
          />
        </Stack>
      ))}
      <Group justify="flex-end">
        <Button loading={busy} onClick={submit}>
          保存开展情况
        </Button>
      </Group>
    </Stack>
  )
}
