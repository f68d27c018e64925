import { Badge, Group, Stack, Text } from '@mantine/core'
import type { ReviewComment, ReviewFinding } from '../../../../shared/review/types'
import { FINDING_KIND_LABELS } from '../../../../shared/review/labels'
import { SeverityBadge } from './SeverityBadge'

/** A reviewer's comments, each with the finding it points at (from the submission's snapshot). */
export function CommentsList({
  comments,
  findings,
  onSelectFinding,
}: {
  comments: ReviewComment[]
  findings: ReviewFinding[]
  onSelectFinding?: (id: string) => void
}) {
  return (
    <Stack gap={6} role="list" aria-label="审查意见">
      {comments.map((c, i) => {
        const f = c.findingId ? findings.find((x) => x.id === c.findingId) : undefined
        return (
          <Stack key={i} gap={2} role="listitem" className="dd-comment">
            {f && (
              <Group
                gap={4}
                wrap="nowrap"
                onClick={onSelectFinding ? () => onSelectFinding(f.id) : undefined}
                style={onSelectFinding ? { cursor: 'pointer' } : undefined}
                data-testid="comment-finding"
              >
                <SeverityBadge severity={f.severity} size="xs" />
                <Text fz="xs" c="dimmed" span>
                  {FINDING_KIND_LABELS[f.kind]}
                </Text>
                <Text fz="xs" span truncate>
                  <mark className="dd-finding" data-severity={f.severity}>
                    {f.text}
                  </mark>
                </Text>
              </Group>
            )}
            {c.findingId && !f && (
              <Badge size="xs" variant="outline" color="gray">
                针对的发现已不在本次结果中
              </Badge>
            )}
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.text}
            </Text>
          </Stack>
        )
      })}
    </Stack>
  )
}
