import { Badge, Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import type { ChecklistAnswerView, ChecklistQuestion } from '../../../../shared/review/types'
import { CHECKLIST_ANSWERS } from '../../../../shared/review/types'
import { CHECKLIST_ANSWER_LABELS } from '../../../../shared/review/labels'
import { noteRequired, type ChecklistValues } from './checklist-form'

/** The checklist as a form: 是/否/不适用 per question, with a note (required where core says). */
export function ChecklistForm({
  questions,
  values,
  onChange,
  errors,
  showErrors,
  reference,
  referenceLabel = '起草人自查',
}: {
  questions: ChecklistQuestion[]
  values: ChecklistValues
  onChange: (values: ChecklistValues) => void
  errors: Record<string, string>
  showErrors: boolean
  /** Earlier answers shown beside each question (the author's self-check). */
  reference?: ChecklistAnswerView[]
  referenceLabel?: string
}) {
  const [opened, setOpened] = useState<Set<string>>(new Set())
  return (
    <Stack gap={0} className="dd-checklist" role="list" aria-label="审查清单">
      {questions.map((q, i) => {
        const entry = values[q.id] ?? { answer: null, note: '' }
        const required = noteRequired(q, entry)
        const ref = reference?.find((r) => r.questionId === q.id)
        const error = showErrors ? errors[q.id] : undefined
        const noteShown = required || !!entry.note || opened.has(q.id)
        return (
          <div
            key={q.id}
            className="dd-checklist-row"
            role="listitem"
            aria-label={`第 ${i + 1} 项`}
          >
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <Text fz="sm" fw={600} c="dimmed" w={22} ta="right" style={{ flexShrink: 0 }}>
                {i + 1}.
              </Text>
              <Stack gap={6} style={{ flex: 1 }}>
                <Radio.Group
                  label={q.text}
                  description={
                    ref ? (
                      <>
                        {referenceLabel}：
                        <Badge
                          size="xs"
                          variant="light"
                          color={ref.answer === 'na' ? 'gray' : 'gov'}
                        >
                          {CHECKLIST_ANSWER_LABELS[ref.answer]}
                        </Badge>
                        {ref.note && <> {ref.note}</>}
                      </>
                    ) : undefined
                  }
                  value={entry.answer ?? ''}
                  onChange={(v) =>
                    onChange({
                      ...values,
                      [q.id]: { ...entry, answer: v as typeof entry.answer },
                    })
                  }
                  error={error && !entry.answer ? error : undefined}
                  styles={{ label: { fontWeight: 400 }, description: { marginTop: 2 } }}
                >
                  <Group gap="lg" mt={6}>
                    {CHECKLIST_ANSWERS.map((a) => (
                      <Radio key={a} value={a} label={CHECKLIST_ANSWER_LABELS[a]} />
                    ))}
                    {!noteShown && entry.answer && (
                      <Button
                        variant="subtle"
                        size="compact-xs"
                        color="gray"
                        onClick={() => setOpened((s) => new Set(s).add(q.id))}
                      >
                        添加说明
                      </Button>
                    )}
                  </Group>
                </Radio.Group>
                {noteShown && (
                  <Textarea
                    aria-label={`第 ${i + 1} 项说明`}
                    placeholder={required ? '此答案须填写说明' : '说明（选填）'}
                    value={entry.note}
                    onChange={(e) =>
                      onChange({ ...values, [q.id]: { ...entry, note: e.currentTarget.value } })
                    }
                    autosize
                    minRows={1}
                    maxRows={4}
                    withAsterisk={required}
                    error={error && entry.answer ? error : undefined}
                    size="xs"
                    autoFocus={opened.has(q.id) && !entry.note}
                  />
                )}
              </Stack>
            </Group>
          </div>
        )
      })}
    </Stack>
  )
}
