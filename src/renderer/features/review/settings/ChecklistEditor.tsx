import { Button, Chip, Group, Stack, Text, Textarea } from '@mantine/core'
import { IconDeviceFloppy, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import {
  CHECKLIST_ANSWERS,
  type ChecklistAnswer,
  type ChecklistVersion,
} from '../../../../shared/review/types'
import { checklistUpdateSchema } from '../../../../shared/review/schemas'
import { CHECKLIST_ANSWER_LABELS } from '../../../../shared/review/labels'
import { api, notifySuccess } from '../../../api/client'
import { useApiAction, useApiQuery } from '../../../api/hooks'
import { validateWith } from '../../../lib/zod-form'
import { ListControls, moved } from './ListControls'
import { VersionedLoader, VersionHeader } from './VersionedSettings'

interface Row {
  key: string
  id?: string
  text: string
  noteRequiredOn: ChecklistAnswer[]
}

let nextKey = 0
const rowsOf = (v: ChecklistVersion): Row[] =>
  v.questions.map((q) => ({
    key: `r${nextKey++}`,
    id: q.id,
    text: q.text,
    noteRequiredOn: q.noteRequiredOn,
  }))

/** 审查清单: the questions officers and reviewers answer; saving makes a new version. */
export function ChecklistEditor() {
  const current = useApiQuery(() => api().review.checklistGet({}))
  return (
    <VersionedLoader query={current} loadingLabel="正在加载审查清单">
      {(data) => <ChecklistForm key={data.version} version={data} onSaved={current.reload} />}
    </VersionedLoader>
  )
}

function ChecklistForm({ version, onSaved }: { version: ChecklistVersion; onSaved: () => void }) {
  const [rows, setRows] = useState<Row[]>(() => rowsOf(version))
  const [showErrors, setShowErrors] = useState(false)
  const save = useApiAction(api().review.checklistUpdate)
  const input = {
    questions: rows.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      text: r.text,
      noteRequiredOn: r.noteRequiredOn,
    })),
  }
  const parsed = validateWith(checklistUpdateSchema, input)
  const errors = parsed.ok ? {} : parsed.errors
  const dirty =
    JSON.stringify(input.questions) !==
    JSON.stringify(
      version.questions.map((q) => ({ id: q.id, text: q.text, noteRequiredOn: q.noteRequiredOn })),
    )

  const update = (i: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)))

  const submit = async () => {
    setShowErrors(true)
    if (!parsed.ok) return
    const r = await save.run(parsed.data)
    if (r.ok) {
      notifySuccess(`审查清单已保存为第 ${r.data.version} 版`)
      onSaved()
    }
  }

  return (
    <Stack gap="sm">
      <VersionHeader
        testId="checklist-version"
        version={version.version}
        at={version.createdAt}
        by={version.createdByName}
        note="保存后新提交的审查使用新版本；进行中的审查仍用原版本。"
      />
      <Stack gap={0} role="list" aria-label="审查清单问题">
        {rows.map((r, i) => (
          <Group
            key={r.key}
            gap="sm"
            wrap="nowrap"
            align="flex-start"
            className="dd-checklist-row"
            role="listitem"
          >
            <Text fz="sm" fw={600} c="dimmed" w={24} ta="right" mt={6}>
              {i + 1}.
            </Text>
            <Stack gap={4} style={{ flex: 1 }}>
              <Textarea
                aria-label={`第 ${i + 1} 项问题`}
                value={r.text}
                onChange={(e) => update(i, { text: e.currentTarget.value })}
                autosize
                minRows={1}
                maxLength={500}
                error={showErrors ? errors[`questions.${i}.text`] : undefined}
              />
              <Group gap={6}>
                <Text fz="xs" c="dimmed">
                  须填写说明的答案：
                </Text>
                <Chip.Group
                  multiple
                  value={r.noteRequiredOn}
                  onChange={(v) => update(i, { noteRequiredOn: v as ChecklistAnswer[] })}
                >
                  {CHECKLIST_ANSWERS.map((a) => (
                    <Chip key={a} value={a} size="xs" variant="outline">
                      {CHECKLIST_ANSWER_LABELS[a]}
                    </Chip>
                  ))}
                </Chip.Group>
              </Group>
            </Stack>
            <ListControls
              index={i}
              count={rows.length}
              label={`第 ${i + 1} 项`}
              onMove={(from, to) => setRows((all) => moved(all, from, to))}
              onRemove={(at) => setRows((all) => all.filter((_, j) => j !== at))}
            />
          </Group>
        ))}
      </Stack>
      {showErrors && errors.questions && (
        <Text fz="xs" c="red">
          {errors.questions}
        </Text>
      )}
      <Group justify="space-between">
        <Button
          variant="subtle"
          leftSection={<IconPlus size={16} />}
          disabled={rows.length >= 50}
          onClick={() =>
            setRows((all) => [...all, { key: `r${nextKey++}`, text: '', noteRequiredOn: ['yes'] }])
          }
        >
          添加问题
        </Button>
        <Group gap="sm">
          {dirty && (
            <Button variant="default" onClick={() => setRows(rowsOf(version))}>
              放弃修改
            </Button>
          )}
          <Button
            leftSection={<IconDeviceFloppy size={16} />}
            disabled={!dirty}
            loading={save.busy}
            onClick={() => void submit()}
          >
            保存为新版本
          </Button>
        </Group>
      </Group>
    </Stack>
  )
}
