import { Alert, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
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

/** What 确认保存 stores: the preview's days as the officer left them. */
export interface ConfirmedYear {
  year: number
  holidays: string[]
  workdays: string[]
  names: Record<string, string>
  source: 'notice' | 'ics' | 'manual'
  note: string | null
}

const sameList = (a: string[], b: string[]) =>
  a.length === b.length && a.every((d, i) => d === b[i])

/**
 * The parsed notice (or .ics year, or an empty year to fill in by hand) as month calendars, to be
 * checked before it is stored. Clicking a day cycles it 放假 → 调休上班 → ordinary; a changed
 * preview is stored as 手工录入 (source 'manual') so the list says it was adjusted by hand.
 */
export function PreviewPanel(props: {
  preview: CalendarPreview
  saving: boolean
  canSave: boolean
  onConfirm: (year: ConfirmedYear) => void
  onCancel: () => void
}) {
  const { preview } = props
  const [holidays, setHolidays] = useState(preview.holidays)
  const [workdays, setWorkdays] = useState(preview.workdays)
  const edited = !sameList(holidays, preview.holidays) || !sameList(workdays, preview.workdays)
  const toggle = (date: string) => {
    if (holidays.includes(date)) {
      setHolidays(holidays.filter((d) => d !== date))
      setWorkdays([...workdays, date].sort())
    } else if (workdays.includes(date)) {
      setWorkdays(workdays.filter((d) => d !== date))
    } else {
      setHolidays([...holidays, date].sort())
    }
  }
  const confirm = () =>
    props.onConfirm({
      year: preview.year,
      holidays,
      workdays,
      names: Object.fromEntries(
        Object.entries(preview.names).filter(([d]) => holidays.includes(d) || workdays.includes(d)),
      ),
      source: edited ? 'manual' : preview.source,
      note: edited
        ? `${preview.title ?? `${preview.year} 年节假日安排`}（手工调整）`
        : preview.title,
    })
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
          放假 {holidays.length} 天（含放假期间的周末），调休上班 {workdays.length}{' '}
          天。请与通知原文逐项核对后再保存；如有出入，点击月历中的日期可切换为放假、调休上班或恢复。
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
        {edited && (
          <Alert color="blue" title="已手工调整">
            与{preview.source === 'manual' ? '原有安排' : '识别结果'}
            相比有改动，保存时来源记为「手工录入」。
          </Alert>
        )}
        <YearCalendar
          year={preview.year}
          holidays={holidays}
          workdays={workdays}
          names={preview.names}
          onToggle={toggle}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel} disabled={props.saving}>
            取消
          </Button>
          <Button onClick={confirm} loading={props.saving} disabled={!props.canSave}>
            确认保存
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
