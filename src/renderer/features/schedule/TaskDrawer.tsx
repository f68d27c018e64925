import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Timeline,
} from '@mantine/core'
import { IconCheck, IconLink, IconTrash, IconX } from '@tabler/icons-react'
import dayjs from 'dayjs'
import { useEffect, useState } from 'react'
import { Link } from 'react-router'
import { EVIDENCE_STATE_LABELS } from '../../../shared/schedule/labels'
import {
  measureAddSchema,
  progressAddSchema,
  scheduleTaskUpdateSchema,
  taskCompleteSchema,
} from '../../../shared/schedule/schemas'
import type { ScheduleTaskView } from '../../../shared/schedule/types'
import { api, notifySuccess, request } from '../../api/client'
import { useSession } from '../../app/app-state'
import { formatDate } from '../../lib/format'
import { limitOf } from '../../lib/schema-limits'
import { DateField } from '../../components/DateField'
import { TaskStatusBadge } from './StatusBadge'

const today = () => dayjs().format('YYYY-MM-DD')
const EVIDENCE_COLORS = {
  published: 'teal',
  approved: 'blue',
  in_review: 'yellow',
  draft: 'gray',
  withdrawn: 'red',
} as const

/** One task of the 配档表: the district's fields, the department's fields, measures, progress, completion, evidence. */
export function TaskDrawer({
  task,
  onClose,
  onChanged,
  onRemoved,
}: {
  task: ScheduleTaskView | null
  onClose: () => void
  onChanged: (task: ScheduleTaskView) => void
  onRemoved: () => void
}) {
  return (
    <Drawer
      opened={task !== null}
      onClose={onClose}
      position="right"
      size={560}
      title={task ? `任务 ${task.number}` : ''}
    >
      {task && <TaskBody key={task.id} task={task} onChanged={onChanged} onRemoved={onRemoved} />}
    </Drawer>
  )
}

function TaskBody({
  task,
  onChanged,
  onRemoved,
}: {
  task: ScheduleTaskView
  onChanged: (t: ScheduleTaskView) => void
  onRemoved: () => void
}) {
  const [confirming, setConfirming] = useState(false)
  const mayEdit = useSession().capabilities.draft
  const remove = async () => {
    try {
      await request(api().schedule.removeTask({ id: task.id }))
      notifySuccess('已删除任务')
      onRemoved()
    } catch {
      // notified
    }
  }
  const [busy, setBusy] = useState(false)
  const apply: Apply = async (pending, message) => {
    setBusy(true)
    try {
      onChanged(await request(pending))
      if (message) notifySuccess(message)
      return true
    } catch {
      return false
    } finally {
      setBusy(false)
    }
  }
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Group gap={6}>
          <TaskStatusBadge status={task.status} />
          {task.own && <Badge variant="outline">本单位任务</Badge>}
          {task.completedLate && <Badge color="orange">逾期完成</Badge>}
        </Group>
        {task.section && (
          <Text fz="xs" c="dimmed">
            {task.section}
          </Text>
        )}
        {task.category && <Text fw={600}>{task.category}</Text>}
        <Text>{task.requirement}</Text>
        <Text fz="sm" c="dimmed">
          责任单位：{task.leadUnit || '—'}
          {'\u3000'}区定时限：{task.districtDeadline || '—'}
        </Text>
      </Stack>
      {!mayEdit && (
        <Text fz="sm" c="dimmed">
          只有起草人可以填写和修改配档表；您可以查看。
        </Text>
      )}
      {/* A disabled fieldset disables every control inside it for readers without 起草人. */}
      <fieldset disabled={!mayEdit} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
        <Stack gap="md">
          <FieldsForm
            task={task}
            busy={busy}
            onSave={(input) => apply(api().schedule.updateTask(input), '已保存')}
          />
          <Divider label="具体措施" labelPosition="left" />
          <Measures task={task} apply={apply} />
          <Divider label="进展情况" labelPosition="left" />
          <Progress task={task} apply={apply} />
          <Divider label="完成情况" labelPosition="left" />
          <Completion task={task} apply={apply} />
          <Divider label="佐证材料" labelPosition="left" />
          <Evidence task={task} apply={apply} />
          {task.source === 'manual' && (
            <Group justify="flex-end" gap="xs">
              {confirming ? (
                <>
                  <Text fz="sm">删除这项手工添加的任务？</Text>
                  <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                    取消
                  </Button>
                  <Button size="xs" color="red" onClick={() => void remove()}>
                    确认删除
                  </Button>
                </>
              ) : (
                <Button size="xs" variant="subtle" color="red" onClick={() => setConfirming(true)}>
                  删除任务
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </fieldset>
    </Stack>
  )
}

type Apply = (
  p: ReturnType<ReturnType<typeof api>['schedule']['get']>,
  message?: string,
) => Promise<boolean>

function FieldsForm({
  task,
  busy,
  onSave,
}: {
  task: ScheduleTaskView
  busy: boolean
  onSave: (
    input: Parameters<ReturnType<typeof api>['schedule']['updateTask']>[0],
  ) => Promise<boolean>
}) {
  const [v, setV] = useState({
    disclosureContent: task.disclosureContent,
    sectionOffice: task.sectionOffice,
    owner: task.owner,
    deadlineText: task.deadlineText ?? '',
    note: task.note,
  })
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => {
    // Read now: React clears the event's currentTarget before the state updater runs.
    const value = e.currentTarget.value
    setV((old) => ({ ...old, [k]: value }))
  }
  return (
    <Stack gap="xs">
      <TextInput
        label="公开内容/载体"
        {...limitOf(scheduleTaskUpdateSchema, 'disclosureContent')}
        value={v.disclosureContent}
        onChange={set('disclosureContent')}
      />
      <Group grow>
        <TextInput
          label="责任科室"
          {...limitOf(scheduleTaskUpdateSchema, 'sectionOffice')}
          value={v.sectionOffice}
          onChange={set('sectionOffice')}
        />
        <TextInput
          label="责任人"
          {...limitOf(scheduleTaskUpdateSchema, 'owner')}
          value={v.owner}
          onChange={set('owner')}
        />
      </Group>
      <TextInput
        label="完成时限（本单位）"
        description={`留空则按区定时限「${task.districtDeadline || '无'}」；可写日期或「2024年12月底前」「持续推进」`}
        {...limitOf(scheduleTaskUpdateSchema, 'deadlineText')}
        value={v.deadlineText}
        onChange={set('deadlineText')}
      />
      <TextInput
        label="备注"
        {...limitOf(scheduleTaskUpdateSchema, 'note')}
        value={v.note}
        onChange={set('note')}
      />
      <Group justify="space-between">
        <Group gap="xs">
          <Switch
            label="本单位任务"
            checked={task.own}
            onChange={(e) => void onSave({ id: task.id, ownManual: e.currentTarget.checked })}
          />
          {task.ownManual !== null && (
            <Anchor
              component="button"
              type="button"
              fz="xs"
              onClick={() => void onSave({ id: task.id, ownManual: null })}
            >
              按责任单位判断
            </Anchor>
          )}
        </Group>
        <Button
          size="xs"
          loading={busy}
          onClick={() =>
            void onSave({
              id: task.id,
              ...v,
              deadlineText: v.deadlineText === '' ? null : v.deadlineText,
            })
          }
        >
          保存
        </Button>
      </Group>
      <Text fz="xs" c="dimmed">
        当前完成时限：{task.deadline.text || '—'}
        {task.deadline.date ? `（按 ${formatDate(task.deadline.date)} 计）` : '（不计逾期）'}
      </Text>
    </Stack>
  )
}

function Measures({ task, apply }: { task: ScheduleTaskView; apply: Apply }) {
  const [text, setText] = useState('')
  return (
    <Stack gap={6}>
      {task.measures.length === 0 && (
        <Text fz="sm" c="dimmed">
          尚未填写具体措施。
        </Text>
      )}
      {task.measures.map((m, i) => (
        <Group key={m.id} gap={6} wrap="nowrap" align="flex-start">
          <Text fz="sm" w={20}>
            {i + 1}.
          </Text>
          <Text fz="sm" style={{ flex: 1 }}>
            {m.text}
          </Text>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`删除措施 ${i + 1}`}
            onClick={() => void apply(api().schedule.removeMeasure({ id: m.id }))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group gap={6} wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          placeholder="新增一条具体措施"
          aria-label="新增具体措施"
          {...limitOf(measureAddSchema, 'text')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Button
          size="sm"
          variant="light"
          disabled={text.trim() === ''}
          onClick={async () => {
            if (await apply(api().schedule.addMeasure({ taskId: task.id, text }))) setText('')
          }}
        >
          添加措施
        </Button>
      </Group>
    </Stack>
  )
}

function Progress({ task, apply }: { task: ScheduleTaskView; apply: Apply }) {
  const [date, setDate] = useState<string | null>(today())
  const [text, setText] = useState('')
  return (
    <Stack gap={6}>
      <Group gap={6} align="flex-end" wrap="nowrap">
        <DateField
          label="日期"
          value={date}
          onChange={(d) => setDate(d)}
          w={150}
          clearable={false}
        />
        <TextInput
          style={{ flex: 1 }}
          label="进展"
          placeholder="本次进展"
          {...limitOf(progressAddSchema, 'text')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Button
          variant="light"
          disabled={text.trim() === '' || !date}
          onClick={async () => {
            if (date && (await apply(api().schedule.addProgress({ taskId: task.id, date, text }))))
              setText('')
          }}
        >
          登记进展
        </Button>
      </Group>
      {task.progress.length > 0 && (
        <Timeline bulletSize={12} lineWidth={2} mt={4}>
          {task.progress.map((p) => (
            <Timeline.Item key={p.id} title={formatDate(p.date)}>
              <Text fz="sm">{p.text}</Text>
              <Text fz="xs" c="dimmed">
                {p.createdByName ?? ''}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  )
}

function Completion({ task, apply }: { task: ScheduleTaskView; apply: Apply }) {
  const [date, setDate] = useState<string | null>(task.completedOn ?? today())
  const [text, setText] = useState(task.completion)
  if (task.completedOn) {
    return (
      <Stack gap={6}>
        <Alert
          color="teal"
          icon={<IconCheck size={16} />}
          title={`已于 ${formatDate(task.completedOn)} 完成`}
        >
          {task.completion}
        </Alert>
        <Group justify="flex-end">
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            leftSection={<IconX size={14} />}
            onClick={() => void apply(api().schedule.reopen({ id: task.id }))}
          >
            撤销完成
          </Button>
        </Group>
      </Stack>
    )
  }
  return (
    <Stack gap={6}>
      <Textarea
        label="完成情况"
        autosize
        minRows={2}
        {...limitOf(taskCompleteSchema, 'completion')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <Group align="flex-end" gap={6}>
        <DateField
          label="完成日期"
          value={date}
          onChange={(d) => setDate(d)}
          w={170}
          clearable={false}
        />
        <Button
          color="teal"
          disabled={text.trim() === '' || !date}
          onClick={() =>
            date &&
            void apply(
              api().schedule.complete({ id: task.id, completedOn: date, completion: text }),
              '已登记完成',
            )
          }
        >
          登记完成
        </Button>
      </Group>
    </Stack>
  )
}

function Evidence({ task, apply }: { task: ScheduleTaskView; apply: Apply }) {
  const [query, setQuery] = useState('')
  const [options, setOptions] = useState<{ value: string; label: string }[]>([])
  useEffect(() => {
    let live = true
    const text = query.trim()
    void api()
      .items.search({ ...(text ? { text } : {}), limit: 20 })
      .then((r) => {
        if (live && r.ok)
          setOptions(
            r.data.rows.map((row) => ({ value: row.id, label: row.title || '（无标题）' })),
          )
      })
    return () => {
      live = false
    }
  }, [query])
  return (
    <Stack gap={6}>
      {task.evidence.length === 0 && (
        <Text fz="sm" c="dimmed">
          尚未关联佐证材料（已公开的信息条目）。
        </Text>
      )}
      {task.evidence.map((e) => (
        <Group key={e.id} gap={6} wrap="nowrap">
          <Anchor
            component={Link}
            to={`/drafts/${e.itemId}`}
            fz="sm"
            style={{ flex: 1 }}
            lineClamp={1}
          >
            {e.title}
          </Anchor>
          <Badge size="sm" variant="light" color={EVIDENCE_COLORS[e.state]}>
            {EVIDENCE_STATE_LABELS[e.state]}
          </Badge>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`取消关联 ${e.title}`}
            onClick={() => void apply(api().schedule.unlinkEvidence({ id: e.id }))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Select
        label="关联信息条目"
        placeholder="输入标题关键词查找"
        searchable
        clearable
        data={options}
        searchValue={query}
        onSearchChange={setQuery}
        filter={({ options: o }) => o}
        leftSection={<IconLink size={16} />}
        value={null}
        onChange={(id) => {
          if (id)
            void apply(
              api().schedule.linkEvidence({ taskId: task.id, itemId: id }),
              '已关联佐证材料',
            )
        }}
        nothingFoundMessage="没有找到匹配的条目"
      />
    </Stack>
  )
}
