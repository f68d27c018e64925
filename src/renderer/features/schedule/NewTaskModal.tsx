import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core'
import { useState } from 'react'
import { scheduleTaskCreateSchema } from '../../../shared/schedule/schemas'
import type { ScheduleTaskView } from '../../../shared/schedule/types'
import { api, request } from '../../api/client'
import { limitOf } from '../../lib/schema-limits'
import { validateWith, type FieldErrors } from '../../lib/zod-form'

const blank = { number: '', category: '', requirement: '', leadUnit: '', districtDeadline: '' }

/** A task the district's table lacks, added by hand (it can be removed again; imported ones cannot). */
export function NewTaskModal({
  opened,
  year,
  onClose,
  onCreated,
}: {
  opened: boolean
  year: number
  onClose: () => void
  onCreated: (task: ScheduleTaskView) => void
}) {
  const [v, setV] = useState(blank)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const field = (k: keyof typeof blank) => ({
    ...limitOf(scheduleTaskCreateSchema, k),
    value: v[k],
    error: errors[k],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value
      setV((o) => ({ ...o, [k]: value }))
    },
  })
  const submit = async () => {
    const input = { ...v, year }
    const r = validateWith(scheduleTaskCreateSchema, input)
    if (!r.ok) return setErrors(r.errors)
    setBusy(true)
    try {
      const task = await request(api().schedule.createTask(input))
      setV(blank)
      setErrors({})
      onCreated(task)
    } catch {
      // notified
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title={`新增 ${year} 年任务`} size={560}>
      <Stack gap="xs">
        <Group grow>
          <TextInput label="序号" {...field('number')} />
          <TextInput
            label="完成时限"
            placeholder="如 2026年12月底前"
            {...field('districtDeadline')}
          />
        </Group>
        <TextInput label="重点任务" {...field('category')} />
        <Textarea label="具体任务" withAsterisk autosize minRows={2} {...field('requirement')} />
        <TextInput label="责任单位" placeholder="留空即本单位" {...field('leadUnit')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button loading={busy} onClick={() => void submit()}>
            添加任务
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
