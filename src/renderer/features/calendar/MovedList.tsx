import { Alert, Badge, Table, Text } from '@mantine/core'
import type { CalendarAddResult } from '../../../shared/calendar/types'
import { CALENDAR_SOURCE_LABELS, PROVISIONAL_LABEL } from '../../../shared/calendar/labels'

const KIND_LABELS = { request: '依申请公开', item: '主动公开条目' } as const

function DateCell({ date, provisional }: { date: string | null; provisional: boolean }) {
  return (
    <>
      {date ?? '—'}
      {provisional && (
        <Badge ml={6} size="xs" color="orange" variant="light">
          {PROVISIONAL_LABEL}
        </Badge>
      )}
    </>
  )
}

/** After 确认保存: what was stored and which due dates moved (from → to). */
export function MovedList({ result }: { result: CalendarAddResult }) {
  const { stored, replaced, moved } = result
  return (
    <Alert color="green" title={`已保存 ${stored.year} 年节假日安排`} role="status">
      <Text fz="sm" mb="xs">
        来源：{CALENDAR_SOURCE_LABELS[stored.source]}；放假 {stored.holidays.length} 天，调休上班{' '}
        {stored.workdays.length} 天
        {replaced ? `；替换了原有的安排（${CALENDAR_SOURCE_LABELS[replaced.source]}）` : ''}。
      </Text>
      {moved.length === 0 ? (
        <Text fz="sm">没有期限因此变动。</Text>
      ) : (
        <>
          <Text fz="sm" fw={600} mb={4}>
            以下 {moved.length} 个期限已重新计算：
          </Text>
          <Table aria-label="变动的期限" striped withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>类别</Table.Th>
                <Table.Th>事项</Table.Th>
                <Table.Th>原期限</Table.Th>
                <Table.Th>新期限</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {moved.map((m) => (
                <Table.Tr key={`${m.kind}:${m.id}`}>
                  <Table.Td>{KIND_LABELS[m.kind]}</Table.Td>
                  <Table.Td>{m.label}</Table.Td>
                  <Table.Td>
                    <DateCell date={m.from} provisional={m.provisionalBefore} />
                  </Table.Td>
                  <Table.Td>
                    <DateCell date={m.to} provisional={m.provisionalAfter} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Alert>
  )
}
