import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core'
import type { ReactNode } from 'react'
import type { ReviewFinding, ReviewFindingKind } from '../../../../shared/review/types'
import { FINDING_KIND_LABELS } from '../../../../shared/review/labels'
import { bySeverity, severityRank } from './severity'
import { ContextLine } from './HighlightedText'
import { SeverityBadge } from './SeverityBadge'

interface Group_ {
  key: string
  title: ReactNode
  kind: ReviewFindingKind | null
  findings: ReviewFinding[]
}

function groups(findings: ReviewFinding[], by: 'kind' | 'source'): Group_[] {
  const map = new Map<string, Group_>()
  for (const f of [...findings].sort(bySeverity)) {
    const key = by === 'kind' ? f.kind : f.source === 'attachment' ? `a:${f.attachmentId}` : 'item'
    let g = map.get(key)
    if (!g) {
      g = {
        key,
        kind: by === 'kind' ? f.kind : null,
        title:
          by === 'kind'
            ? FINDING_KIND_LABELS[f.kind]
            : f.source === 'attachment'
              ? `附件：${f.attachmentName ?? '（未命名）'}`
              : '标题和正文',
        findings: [],
      }
      map.set(key, g)
    }
    g.findings.push(f)
  }
  const list = [...map.values()]
  // Groups with the most serious findings first; the item itself before its attachments.
  return list.sort(
    (a, b) =>
      (by === 'source' ? Number(a.key !== 'item') - Number(b.key !== 'item') : 0) ||
      severityRank(a.findings[0]!.severity) - severityRank(b.findings[0]!.severity),
  )
}

/** Where a finding is, without repeating the attachment's name (its group already shows it). */
function sourceText(f: ReviewFinding): string {
  const prefix = f.attachmentName ? `附件“${f.attachmentName}”：` : ''
  const label =
    prefix && f.sourceLabel.startsWith(prefix) ? f.sourceLabel.slice(prefix.length) : f.sourceLabel
  return label || (f.attachmentName ? '附件' : f.sourceLabel)
}

/** One finding: severity, kind, the text, where it is, why it was flagged, what to do. */
export function FindingCard({
  finding,
  active,
  onSelect,
  actions,
  showKind = true,
}: {
  finding: ReviewFinding
  active?: boolean
  onSelect?: (id: string) => void
  actions?: ReactNode
  showKind?: boolean
}) {
  const f = finding
  const content = (
    <Stack gap={4}>
      <Group gap={6} wrap="nowrap" justify="space-between" align="flex-start">
        <Group gap={6} wrap="wrap" style={{ minWidth: 0 }}>
          <SeverityBadge severity={f.severity} size="sm" />
          {showKind && (
            <Text fz="sm" fw={600} span>
              {FINDING_KIND_LABELS[f.kind]}
            </Text>
          )}
          <Badge
            size="xs"
            variant="outline"
            color="gray"
            tt="none"
            title={f.sourceLabel}
            maw="100%"
            data-testid="finding-source"
          >
            {sourceText(f)}
          </Badge>
        </Group>
        {actions}
      </Group>
      <Text fz="sm" className="dd-finding-text" data-testid="finding-text">
        {f.source === 'body' || f.source === 'title' ? (
          <mark className="dd-finding" data-severity={f.severity}>
            {f.text}
          </mark>
        ) : (
          <ContextLine finding={f} />
        )}
      </Text>
      <Text fz="xs" c="dimmed">
        {f.reason}
      </Text>
      {(f.masked || f.suggestion) && (
        <Text fz="xs">
          {f.masked ? (
            <>
              遮盖后：<span className="dd-mono">{f.masked}</span>
            </>
          ) : (
            <>建议：{f.suggestion}</>
          )}
        </Text>
      )}
    </Stack>
  )
  return (
    <Paper
      withBorder
      p="xs"
      className="dd-finding-card"
      data-severity={f.severity}
      data-active={active || undefined}
      data-finding-id={f.id}
      role="listitem"
      aria-label={`${FINDING_KIND_LABELS[f.kind]}：${f.text}`}
    >
      {onSelect ? (
        <UnstyledButton
          onClick={() => onSelect(f.id)}
          w="100%"
          aria-label={`定位：${f.text}`}
          component="div"
          role="button"
          tabIndex={0}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault()
              onSelect(f.id)
            }
          }}
        >
          {content}
        </UnstyledButton>
      ) : (
        content
      )}
    </Paper>
  )
}

/** Findings grouped by kind (the officer masks by kind) or by source (the reviewer reads by file). */
export function FindingsList({
  findings,
  groupBy = 'kind',
  activeId = null,
  onSelect,
  findingActions,
  groupActions,
  empty = '未发现需要处理的内容。',
}: {
  findings: ReviewFinding[]
  groupBy?: 'kind' | 'source'
  activeId?: string | null
  onSelect?: (id: string) => void
  findingActions?: (f: ReviewFinding) => ReactNode
  groupActions?: (kind: ReviewFindingKind | null, findings: ReviewFinding[]) => ReactNode
  empty?: ReactNode
}) {
  if (findings.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        {empty}
      </Text>
    )
  }
  return (
    <Stack gap="sm" aria-label="发现列表">
      {groups(findings, groupBy).map((g) => (
        <section key={g.key} aria-label={typeof g.title === 'string' ? g.title : undefined}>
          <Group justify="space-between" mb={4} wrap="nowrap">
            <Text fz="xs" fw={700} c="dimmed">
              {g.title}（{g.findings.length}）
            </Text>
            {groupActions?.(g.kind, g.findings)}
          </Group>
          <Stack gap={6} role="list">
            {g.findings.map((f) => (
              <FindingCard
                key={f.id}
                finding={f}
                active={f.id === activeId}
                onSelect={onSelect}
                actions={findingActions?.(f)}
                showKind={groupBy !== 'kind'}
              />
            ))}
          </Stack>
        </section>
      ))}
    </Stack>
  )
}
