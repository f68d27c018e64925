import {
  Alert,
  Anchor,
  Button,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { Link } from 'react-router'
import { CALENDAR_SOURCE_LABELS } from '../../../shared/calendar/labels'
import type {
  CalendarAddResult,
  CalendarPreview,
  CalendarYearView,
} from '../../../shared/calendar/types'
import { api } from '../../api/client'
import { useApiAction, useApiQuery } from '../../api/hooks'
import { useSession } from '../../app/app-state'
import { PageHeader } from '../../components/PageHeader'
import { formatDateTime } from '../../lib/format'
import { YearCalendar } from './MonthGrid'
import { MovedList } from './MovedList'
import { NoticeForm } from './NoticeForm'
import { PreviewPanel, type ConfirmedYear } from './PreviewPanel'

const SOURCE_COLORS: Record<CalendarYearView['source'], string> = {
  package: 'dimmed',
  notice: 'teal.8',
  ics: 'indigo.7',
  manual: 'orange.8',
}

/** How many of the newest years the table shows before 「显示全部」. */
const RECENT_YEARS = 5

/** The stored years, newest first, with their source; 「查看月历」 shows that year's months. */
function YearsTable(props: {
  years: CalendarYearView[]
  selected: number | null
  onSelect: (y: number) => void
}) {
  const [all, setAll] = useState(false)
  const sorted = [...props.years].sort((a, b) => b.year - a.year)
  const rows = all ? sorted : sorted.slice(0, RECENT_YEARS)
  return (
    <>
      <Table aria-label="已录入的年份" highlightOnHover withTableBorder fz="sm" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>年份</Table.Th>
            <Table.Th>来源</Table.Th>
            <Table.Th w={80}>放假</Table.Th>
            <Table.Th w={90}>调休上班</Table.Th>
            <Table.Th>录入</Table.Th>
            <Table.Th w={90} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((y) => (
            <Table.Tr
              key={y.year}
              aria-selected={props.selected === y.year}
              bg={props.selected === y.year ? 'var(--mantine-primary-color-light)' : undefined}
            >
              <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                {y.year} 年
              </Table.Td>
              <Table.Td>
                <Text component="span" fz="sm" fw={500} c={SOURCE_COLORS[y.source]}>
                  {CALENDAR_SOURCE_LABELS[y.source]}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{y.holidays.length} 天</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{y.workdays.length} 天</Table.Td>
              <Table.Td>
                {y.source === 'package'
                  ? '随程序提供'
                  : `${y.updatedByName ?? '命令行'} · ${formatDateTime(y.updatedAt)}`}
              </Table.Td>
              <Table.Td>
                <Anchor component="button" fz="sm" onClick={() => props.onSelect(y.year)}>
                  查看月历
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {sorted.length > RECENT_YEARS && (
        <Anchor component="button" fz="sm" mt="xs" onClick={() => setAll((v) => !v)}>
          {all
            ? '只显示最近几年'
            : `显示全部 ${sorted.length} 年（最早 ${sorted.at(-1)?.year} 年）`}
        </Anchor>
      )}
    </>
  )
}

/**
 * 节假日日历: the working-day calendar every deadline is counted with (条例第三十三条、第二十六条).
 * Lists the stored years; officers and administrators add next year's notice (pasted text or an
 * .ics file) after checking it on month calendars, then see which due dates moved.
 */
export function CalendarPage() {
  const session = useSession()
  const canEdit = session.capabilities.maintain
  const years = useApiQuery(() => api().calendar.list({}))
  const [selected, setSelected] = useState<number | null>(null)
  const [previews, setPreviews] = useState<CalendarPreview[]>([])
  const [previewIndex, setPreviewIndex] = useState(0)
  const [saved, setSaved] = useState<CalendarAddResult | null>(null)
  const add = useApiAction((y: ConfirmedYear) =>
    api().calendar.add({
      year: y.year,
      holidays: y.holidays,
      workdays: y.workdays,
      names: y.names,
      source: y.source,
      ...(y.note ? { note: y.note } : {}),
    }),
  )
  const importIcs = useApiAction(() => api().calendar.importIcs({}))

  const nextYear = new Date().getFullYear() + 1
  const known = years.data?.map((y) => y.year) ?? []
  const preview = previews[previewIndex]
  const shown = years.data?.find((y) => y.year === (selected ?? new Date().getFullYear()))

  const showPreviews = (list: CalendarPreview[]) => {
    setSaved(null)
    setPreviews(list)
    setPreviewIndex(0)
  }

  const confirm = async (y: ConfirmedYear) => {
    const r = await add.run(y)
    if (!r.ok) return
    setSaved(r.data)
    const rest = previews.filter((_, i) => i !== previewIndex)
    setPreviews(rest)
    setPreviewIndex(0)
    setSelected(r.data.stored.year)
    years.reload()
  }

  return (
    <Stack gap="md" maw={1100}>
      <PageHeader
        title="节假日日历"
        description={
          <>
            计算答复期限（条例第三十三条）和公开时限（第二十六条）所用的放假与调休安排。
            <Anchor component={Link} to="/settings" fz="sm" ml={6}>
              返回设置
            </Anchor>
          </>
        }
        actions={
          canEdit && (
            <Button
              variant="default"
              loading={importIcs.busy}
              onClick={() =>
                void importIcs.run().then((r) => {
                  if (r.ok && r.data) showPreviews(r.data.years)
                })
              }
            >
              导入 .ics 日历文件
            </Button>
          )
        }
      />
      {years.data && !known.includes(nextYear) && (
        <Alert color="orange" title={`尚未录入 ${nextYear} 年的节假日安排`}>
          期限跨入 {nextYear} 年时暂按周一至周五计算，并标注「暂定」。国务院办公厅公布 {nextYear}{' '}
          年放假通知后，请在下方粘贴通知全文添加。
        </Alert>
      )}
      {saved && <MovedList result={saved} />}
      {canEdit && preview && (
        <>
          {previews.length > 1 && (
            <SegmentedControl
              aria-label="选择年份"
              value={String(previewIndex)}
              onChange={(v) => setPreviewIndex(Number(v))}
              data={previews.map((p, i) => ({ value: String(i), label: `${p.year} 年` }))}
            />
          )}
          <PreviewPanel
            key={`${preview.source}:${preview.year}`}
            preview={preview}
            saving={add.busy}
            canSave={canEdit}
            onConfirm={(y) => void confirm(y)}
            onCancel={() => setPreviews([])}
          />
        </>
      )}
      {canEdit && !preview && (
        <NoticeForm
          onPreview={(p) => showPreviews([p])}
          onManual={(year) => {
            const existing = years.data?.find((y) => y.year === year) ?? null
            showPreviews([
              {
                year,
                source: 'manual',
                title: null,
                holidays: existing?.holidays ?? [],
                workdays: existing?.workdays ?? [],
                names: existing?.names ?? {},
                festivals: [],
                warnings: [],
                existing,
              },
            ])
          }}
        />
      )}
      {!canEdit && (
        <Text fz="sm" c="dimmed" data-primary-action="none">
          添加或更新节假日安排须由起草人或管理员操作。
        </Text>
      )}
      <Paper withBorder p="lg" component="section" aria-label="已录入的年份">
        <Title order={3} fz="md" mb="sm">
          已录入的年份
        </Title>
        {years.loading && !years.data && <Loader size="sm" />}
        {years.error && <Alert color="red">{years.error.message}</Alert>}
        {years.data && (
          <Stack gap="md">
            <YearsTable years={years.data} selected={shown?.year ?? null} onSelect={setSelected} />
            {shown && (
              <section aria-label={`${shown.year}年月历`}>
                <Text fw={600} mb="xs">
                  {shown.year} 年月历
                </Text>
                <YearCalendar
                  year={shown.year}
                  holidays={shown.holidays}
                  workdays={shown.workdays}
                  names={shown.names}
                />
              </section>
            )}
          </Stack>
        )}
      </Paper>
    </Stack>
  )
}
