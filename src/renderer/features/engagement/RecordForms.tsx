import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import type { z } from 'zod'
import { ATTENDEE_TYPE_LABELS } from '../../../shared/engagement/labels'
import {
  attendanceSaveSchema,
  supervisorSaveSchema,
  trainingSaveSchema,
} from '../../../shared/engagement/schemas'
import { ATTENDEE_TYPES, type AttendeeType } from '../../../shared/engagement/types'
import { DateField } from '../../components/DateField'
import { useCheckedForm } from './use-checked-form'

export type SupervisorInput = z.input<typeof supervisorSaveSchema>
export type AttendanceInput = z.input<typeof attendanceSaveSchema>
export type TrainingInput = z.input<typeof trainingSaveSchema>

/** The frame of every record form: its fields, then 保存. */
function RecordFrame({
  busy,
  onSave,
  children,
}: {
  busy: boolean
  onSave: () => void
  children: ReactNode
}) {
  return (
    <Stack gap="xs">
      {children}
      <Group justify="flex-end">
        <Button loading={busy} onClick={onSave}>
          保存
        </Button>
      </Group>
    </Stack>
  )
}

export function SupervisorForm({
  busy,
  onSave,
}: {
  busy: boolean
  onSave: (i: SupervisorInput) => void
}) {
  const f = useCheckedForm(supervisorSaveSchema, {
    name: '',
    organisation: '',
    appointedOn: null as string | null,
    note: '',
  })
  return (
    <RecordFrame busy={busy} onSave={f.submit(onSave)}>
      <SimpleGrid cols={2} spacing="xs">
        <TextInput label="姓名" withAsterisk {...f.text('name')} />
        <TextInput
          label="单位/身份"
          placeholder="如 人大代表、企业代表"
          {...f.text('organisation')}
        />
        <DateField label="聘任日期" {...f.date('appointedOn', null)} />
      </SimpleGrid>
      <Textarea label="备注" autosize {...f.text('note')} />
    </RecordFrame>
  )
}

export function AttendanceForm({
  busy,
  onSave,
}: {
  busy: boolean
  onSave: (i: AttendanceInput) => void
}) {
  const f = useCheckedForm(attendanceSaveSchema, {
    meeting: '',
    heldOn: '',
    attendees: [{ name: '', type: 'public' as AttendeeType }],
    opinions: '',
    handling: '',
  })
  const setAttendee = (i: number, patch: Partial<{ name: string; type: AttendeeType }>) =>
    f.setV((o) => ({
      ...o,
      attendees: o.attendees.map((a, j) => (j === i ? { ...a, ...patch } : a)),
    }))
  return (
    <RecordFrame busy={busy} onSave={f.submit(onSave)}>
      <SimpleGrid cols={2} spacing="xs">
        <TextInput label="会议名称" withAsterisk {...f.text('meeting')} />
        <DateField label="会议日期" withAsterisk {...f.date('heldOn')} />
      </SimpleGrid>
      {f.v.attendees.map((a, i) => (
        <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={i === 0 ? '列席人员' : undefined}
            aria-label={`列席人员 ${i + 1}`}
            style={{ flex: 1 }}
            maxLength={50}
            value={a.name}
            onChange={(e) => setAttendee(i, { name: e.currentTarget.value })}
            error={f.errors[`attendees.${i}.name`]}
          />
          <Select
            aria-label={`列席人员 ${i + 1} 类型`}
            w={140}
            allowDeselect={false}
            data={ATTENDEE_TYPES.map((t) => ({ value: t, label: ATTENDEE_TYPE_LABELS[t] }))}
            value={a.type}
            onChange={(t) => t && setAttendee(i, { type: t as AttendeeType })}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label="删除此人"
            disabled={f.v.attendees.length === 1}
            onClick={() =>
              f.setV((o) => ({ ...o, attendees: o.attendees.filter((_, j) => j !== i) }))
            }
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            f.setV((o) => ({ ...o, attendees: [...o.attendees, { name: '', type: 'public' }] }))
          }
        >
          添加列席人员
        </Button>
      </Group>
      <Textarea label="发表的意见" autosize minRows={2} {...f.text('opinions')} />
      <Textarea label="采纳情况" autosize minRows={2} {...f.text('handling')} />
    </RecordFrame>
  )
}

export function TrainingForm({
  busy,
  onSave,
}: {
  busy: boolean
  onSave: (i: TrainingInput) => void
}) {
  const f = useCheckedForm(trainingSaveSchema, {
    heldOn: '',
    topic: '',
    organiser: '',
    participantCount: 1,
    participantRoles: '',
    hours: 1,
    materials: '',
  })
  return (
    <RecordFrame busy={busy} onSave={f.submit(onSave)}>
      <TextInput label="培训主题" withAsterisk {...f.text('topic')} />
      <SimpleGrid cols={3} spacing="xs">
        <DateField label="培训日期" withAsterisk {...f.date('heldOn')} />
        <NumberInput
          label="参训人数"
          min={1}
          allowDecimal={false}
          value={f.v.participantCount}
          error={f.errors.participantCount}
          onChange={(n) => f.setV((o) => ({ ...o, participantCount: Number(n) || 0 }))}
        />
        <NumberInput
          label="学时"
          min={0.5}
          step={0.5}
          decimalScale={1}
          value={f.v.hours}
          error={f.errors.hours}
          onChange={(n) => f.setV((o) => ({ ...o, hours: Number(n) || 0 }))}
        />
      </SimpleGrid>
      <SimpleGrid cols={2} spacing="xs">
        <TextInput label="组织单位" {...f.text('organiser')} />
        <TextInput
          label="参训人员构成"
          placeholder="如 领导干部 5 人、信息员 20 人"
          {...f.text('participantRoles')}
        />
      </SimpleGrid>
      <Textarea label="培训材料" autosize {...f.text('materials')} />
    </RecordFrame>
  )
}
