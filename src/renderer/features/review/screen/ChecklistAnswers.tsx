import { Badge, Group, Stack, Text } from '@mantine/core'
import type { ChecklistAnswer, ReviewView } from '../../../../shared/review/types'
import { CHECKLIST_ANSWER_LABELS } from '../../../../shared/review/labels'

const ANSWER_COLORS: Record<ChecklistAnswer, string> = { yes: 'orange', no: 'gov', na: 'gray' }

/** The checklist with the author's self-check and every earlier step's answers, per question. */
export function ChecklistAnswers({ data }: { data: ReviewView }) {
  const decisions = data.steps
    .flatMap((s) => s.decisions)
    .filter((d) => d.checklist.length > 0)
    .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt))
  const sources = [
    {
      key: 'self',
      who: `起草人自查（${data.review?.submittedByName ?? '—'}）`,
      answers: data.selfCheck,
    },
    ...decisions.map((d) => ({
      key: d.id,
      who: `${d.stepName}（${d.deciderName}）`,
      answers: d.checklist,
    })),
  ]
  if (data.checklist.questions.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        审查清单为空。
      </Text>
    )
  }
  return (
    <Stack gap={0} aria-label="审查清单答复">
      <Text fz="xs" c="dimmed" mb={6}>
        审查清单第 {data.checklist.version} 版
      </Text>
      {data.checklist.questions.map((q, i) => (
        <Stack key={q.id} gap={4} className="dd-checklist-row">
          <Text fz="sm">
            <Text span c="dimmed" fw={600}>
              {i + 1}.{' '}
            </Text>
            {q.text}
          </Text>
          {sources.map((s) => {
            const a = s.answers.find((x) => x.questionId === q.id)
            return (
              <Group key={s.key} gap={6} wrap="nowrap" align="flex-start" pl={22}>
                <Text fz="xs" c="dimmed" w={150} style={{ flexShrink: 0 }} truncate title={s.who}>
                  {s.who}
                </Text>
                {a ? (
                  <>
                    <Badge size="xs" variant="light" color={ANSWER_COLORS[a.answer]}>
                      {CHECKLIST_ANSWER_LABELS[a.answer]}
                    </Badge>
                    {a.note && <Text fz="xs">{a.note}</Text>}
                  </>
                ) : (
                  <Text fz="xs" c="dimmed">
                    —
                  </Text>
                )}
              </Group>
            )
          })}
        </Stack>
      ))}
    </Stack>
  )
}
