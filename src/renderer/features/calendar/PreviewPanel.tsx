import { Alert, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core'
import type { CalendarPreview } from '../../../shared/calendar/types'
import { CALENDAR_SOURCE_LABELS } from '../../../shared/calendar/labels'
import { YearCalendar } from './MonthGrid'

/** 「2月15日至23日」 style list of dates, joined by 、. */
function shortDates(dates: string[]): string {
  if (dates.length === 0) return '—'
  const runs: string[][] = []
  for (const d of dates) {
    const last = runs.at(-1)
    const prev = last?.at(-1)
    const next = prev && new Date(Date.parse(`${prev}T00:00:00Z`) + 86_400_000)
    if (last && next && next.toISOString().slice(0, 10) === d) last.push(d)
    else runs.push([d])
  }
  const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`
  return runs.map((r) => (r.length === 1 ? md(r[0]!) : `${md(r[0]!)}至${md(r.at(-1)!)}`)).join('、')
}

/** The parsed notice (or .ics year) as month calendars, to be confirmed before it is stored. */
export function PreviewPanel(props: {
  preview: CalendarPreview
  saving: boolean
  canSave: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  const { preview } = props
  return (
    <Paper withBorder p="lg" component="section" aria-label={`${preview.year}年节假日安排预览`}>
      <Stack gap="sm">
        <Title order={3} fz="md">
          预览：{preview.year} 年节假日安排
        </Title>
        {preview.title && (
          <Text fz="sm" c="dimmed">
            {preview.title}
          </Text>
        )}
        <Text fz="sm">
          放假 {preview.holidays.length} 天（含放假期间的周末），调休上班 {preview.workdays.length}{' '}
          天。请与通知原文逐项核对后再保存。
        </Text>
        {preview.existing && (
          <Alert color="yellow" title="将替换现有安排">
            已有 {preview.year} 年的安排（{CALENDAR_SOURCE_LABELS[preview.existing.source]}
            ，放假 {preview.existing.holidays.length} 天、调休上班{' '}
            {preview.existing.workdays.length} 天）；保存后以本次内容为准，并重新计算受影响的期限。
          </Alert>
        )}
        {preview.warnings.length > 0 && (
          <Alert color="orange" title="请注意">
            <List size="sm">
              {preview.warnings.map((w) => (
                <List.Item key={w}>{w}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {preview.festivals.length > 0 && (
          <Table aria-label="各节日安排" withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>节日</Table.Th>
                <Table.Th>放假</Table.Th>
                <Table.Th>调休上班</Table.Th>
                <Table.Th>天数</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.festivals.map((f) => (
                <Table.Tr key={f.line} title={f.line}>
                  <Table.Td>{f.name}</Table.Td>
                  <Table.Td>{shortDates(f.holidays)}</Table.Td>
                  <Table.Td>{shortDates(f.workdays)}</Table.Td>
                  <Table.Td>{f.holidays.length}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <YearCalendar
          year={preview.year}
          holidays={preview.holidays}
          workdays={preview.workdays}
          names={preview.names}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel} disabled={props.saving}>
            取消
          </Button>
          <Button onClick={props.onConfirm} loading={props.saving} disabled={!props.canSave}>
            确认保存
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
