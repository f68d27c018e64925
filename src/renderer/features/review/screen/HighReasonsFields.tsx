import { Stack, Textarea, Title } from '@mantine/core'
import type { ReviewFinding } from '../../../../shared/review/types'
import { FindingCard } from '../shared/FindingsList'

/** 同意公开 keeps high findings only with a written reason each (the shared approvalGaps rule). */
export function HighReasonsFields({
  findings,
  reasons,
  onChange,
  missing,
  showErrors,
}: {
  findings: ReviewFinding[]
  reasons: Record<string, string>
  onChange: (findingId: string, reason: string) => void
  missing: ReadonlySet<string>
  showErrors: boolean
}) {
  if (findings.length === 0) return null
  return (
    <Stack gap="xs">
      <Title order={4} fz="sm">
        高风险发现的保留理由（{findings.length} 项）
      </Title>
      {findings.map((f) => (
        <Stack key={f.id} gap={4}>
          <FindingCard finding={f} />
          <Textarea
            aria-label={`保留理由：${f.text}`}
            placeholder="为什么可以公开（如：已取得本人同意、属于法定公开内容）"
            value={reasons[f.id] ?? ''}
            onChange={(e) => onChange(f.id, e.currentTarget.value)}
            error={showErrors && missing.has(f.id) ? '请填写理由' : undefined}
            autosize
            minRows={1}
            maxLength={1000}
          />
        </Stack>
      ))}
    </Stack>
  )
}
