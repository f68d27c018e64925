import { Badge, Group, Paper, Stack, Text } from '@mantine/core'
import { IconFileText } from '@tabler/icons-react'
import type { ReviewView } from '../../../../shared/review/types'
import { formatBytes } from '../../../lib/format'
import { FindingCard } from '../shared/FindingsList'
import { markId } from '../shared/highlight'
import { bySeverity } from '../shared/severity'

/** The item's attachments, each with the findings the scanner made in it. */
export function Attachments({
  data,
  findings,
  activeId,
}: {
  data: ReviewView
  findings: ReviewView['findings']
  activeId: string | null
}) {
  const attachments = data.item.attachments
  const unmatched = findings.filter((f) => !attachments.some((a) => a.id === f.attachmentId))
  if (attachments.length === 0 && findings.length === 0) return null
  return (
    <Paper withBorder p="sm" component="section" aria-label="附件">
      <Text fw={600} fz="sm" mb={8}>
        附件（{attachments.length}）
      </Text>
      <Stack gap="sm">
        {attachments.map((a) => {
          const own = findings.filter((f) => f.attachmentId === a.id).sort(bySeverity)
          return (
            <Stack key={a.id} gap={6} className="dd-attachment" aria-label={a.name}>
              <Group gap="xs" wrap="nowrap">
                <IconFileText size={18} stroke={1.5} aria-hidden />
                <Text fz="sm" fw={500} truncate style={{ flex: 1 }} title={a.name}>
                  {a.name}
                </Text>
                <Text fz="xs" c="dimmed">
                  {a.ext.toUpperCase()} · {formatBytes(a.sizeBytes)}
                </Text>
                {own.length === 0 && (
                  <Badge size="xs" variant="light" color="teal">
                    {a.textStatus === 'ok' ? '未发现问题' : '无可检查文字'}
                  </Badge>
                )}
              </Group>
              {a.textWarning && (
                <Text fz="xs" c="orange.8">
                  {a.textWarning}
                </Text>
              )}
              {own.map((f) => (
                <div key={f.id} id={markId('rv-att', f.id)}>
                  <FindingCard finding={f} active={f.id === activeId} />
                </div>
              ))}
            </Stack>
          )
        })}
        {unmatched.map((f) => (
          <div key={f.id} id={markId('rv-att', f.id)}>
            <FindingCard finding={f} active={f.id === activeId} />
          </div>
        ))}
      </Stack>
    </Paper>
  )
}
