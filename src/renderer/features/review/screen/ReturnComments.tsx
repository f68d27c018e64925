import { ActionIcon, Button, Group, Select, Stack, Textarea, Title } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import type { ReviewFinding } from '../../../../shared/review/types'
import { FINDING_KIND_LABELS, SEVERITY_LABELS } from '../../../../shared/review/labels'
import { bySeverity } from '../shared/severity'
import type { CommentDraft } from './decision-form'

/** 修改意见 of a 退回修改: one or more comments, each optionally tied to a finding. */
export function ReturnComments({
  comments,
  findings,
  onChange,
  error,
}: {
  comments: CommentDraft[]
  findings: ReviewFinding[]
  onChange: (comments: CommentDraft[]) => void
  /** Shown on the first comment (the schema's 「退回修改须填写修改意见」). */
  error: string | undefined
}) {
  const options = [...findings].sort(bySeverity).map((f) => ({
    value: f.id,
    label: `${SEVERITY_LABELS[f.severity]} · ${FINDING_KIND_LABELS[f.kind]}：${f.text.slice(0, 40)}（${f.sourceLabel.slice(0, 20)}）`,
  }))
  const update = (i: number, patch: Partial<CommentDraft>) =>
    onChange(comments.map((x, j) => (j === i ? { ...x, ...patch } : x)))
  return (
    <Stack gap="xs">
      <Title order={4} fz="sm">
        修改意见
      </Title>
      {comments.map((c, i) => (
        <Stack key={i} gap={4} className="dd-comment-edit">
          <Group gap="xs" wrap="nowrap" align="flex-end">
            <Select
              label={`意见 ${i + 1} 针对的发现`}
              placeholder="（不针对具体发现）"
              data={options}
              value={c.findingId}
              onChange={(v) => update(i, { findingId: v })}
              clearable
              searchable
              style={{ flex: 1 }}
              comboboxProps={{ withinPortal: true }}
            />
            {comments.length > 1 && (
              <ActionIcon
                variant="subtle"
                color="red"
                mb={4}
                aria-label={`删除意见 ${i + 1}`}
                onClick={() => onChange(comments.filter((_, j) => j !== i))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
          <Textarea
            aria-label={`意见 ${i + 1}`}
            placeholder="请写明需要怎样修改"
            value={c.text}
            onChange={(e) => update(i, { text: e.currentTarget.value })}
            error={i === 0 ? error : undefined}
            autosize
            minRows={2}
            maxLength={2000}
          />
        </Stack>
      ))}
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconPlus size={14} />}
        w="fit-content"
        onClick={() => onChange([...comments, { text: '', findingId: null }])}
      >
        再加一条意见
      </Button>
    </Stack>
  )
}
