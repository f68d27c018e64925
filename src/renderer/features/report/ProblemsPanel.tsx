import { Alert, Badge, Group, Paper, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react'
import { REPORT_SECTION_HEADINGS, cellName } from '../../../shared/report/format'
import type { ReportProblem, ReportView } from '../../../shared/report/types'

/** Where a problem points, in words: the cell or the section and sentence. */
export function problemPlace(view: ReportView, p: ReportProblem): string | null {
  if (p.table && p.row && p.column) return cellName(view.format, p.table, p.row, p.column)
  if (p.section)
    return `${REPORT_SECTION_HEADINGS[p.section]}${p.sentence ? `：「${p.sentence.slice(0, 30)}${p.sentence.length > 30 ? '…' : ''}」` : ''}`
  return null
}

/** The validation panel: every failing rule; choosing one shows its cell or sentence in the preview. */
export function ProblemsPanel({
  view,
  selected,
  onSelect,
}: {
  view: ReportView
  selected: number | null
  onSelect: (index: number) => void
}) {
  const errors = view.problems.filter((p) => p.severity === 'error').length
  const warnings = view.problems.length - errors
  return (
    <Paper withBorder p="sm" data-testid="report-problems">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={600} fz="sm">
          校验结果
        </Text>
        <Group gap={4} wrap="nowrap">
          <Badge color={errors ? 'red' : 'teal'} variant="light" style={{ flexShrink: 0 }}>
            {errors} 个问题
          </Badge>
          {warnings > 0 && (
            <Badge color="yellow" variant="light" style={{ flexShrink: 0 }}>
              {warnings} 个提示
            </Badge>
          )}
        </Group>
      </Group>
      {view.notes.map((n) => (
        <Alert key={n} color="orange" p="xs" mb="xs" fz="xs">
          {n}
        </Alert>
      ))}
      {view.problems.length === 0 ? (
        <Group gap={6} c="teal.8">
          <IconCircleCheck size={18} />
          <Text fz="sm">各表勾稽关系、跨年度数据和正文数字均已核对无误。</Text>
        </Group>
      ) : (
        <ScrollArea.Autosize mah={520} type="auto" offsetScrollbars>
          <Stack gap={4}>
            {view.problems.map((p, i) => (
              <UnstyledButton
                key={`${p.rule}-${i}`}
                onClick={() => onSelect(i)}
                data-testid="report-problem"
                p={6}
                style={{
                  borderRadius: 4,
                  border: `1px solid var(--mantine-color-${p.severity === 'error' ? 'red' : 'yellow'}-${selected === i ? 6 : 2})`,
                  background: selected === i ? 'var(--mantine-color-red-0)' : undefined,
                }}
              >
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <IconAlertTriangle
                    size={16}
                    style={{ flexShrink: 0, marginTop: 2 }}
                    color={
                      p.severity === 'error'
                        ? 'var(--mantine-color-red-7)'
                        : 'var(--mantine-color-yellow-7)'
                    }
                  />
                  <Stack gap={2}>
                    <Text fz="xs">{p.message}</Text>
                    {problemPlace(view, p) && (
                      <Text fz={11} c="dimmed">
                        位置：{problemPlace(view, p)}
                      </Text>
                    )}
                  </Stack>
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Paper>
  )
}
