import { Badge, Box, Group, Table, Text } from '@mantine/core'
import type { ScheduleTaskView } from '../../../shared/schedule/types'
import { TaskStatusBadge } from './StatusBadge'

/**
 * The 配档表 as a table that fits the main area at 1024×700 (text columns wrap and clamp);
 * should it ever be wider, it scrolls inside its own box, never the page.
 */
export function TaskTable({
  tasks,
  onOpen,
}: {
  tasks: ScheduleTaskView[]
  onOpen: (task: ScheduleTaskView) => void
}) {
  const rows = tasks.flatMap((t, i) => {
    const out = []
    if (t.section !== '' && t.section !== (tasks[i - 1]?.section ?? '')) {
      out.push(
        <Table.Tr key={`s-${t.id}`} bg="var(--mantine-color-gray-0)">
          <Table.Td colSpan={8}>
            <Text fz="sm" fw={600}>
              {t.section}
            </Text>
          </Table.Td>
        </Table.Tr>,
      )
    }
    out.push(
      <Table.Tr
        key={t.id}
        tabIndex={0}
        aria-label={`任务 ${t.number} ${t.requirement}`}
        style={{ cursor: 'pointer' }}
        onClick={() => onOpen(t)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onOpen(t)
        }}
      >
        <Table.Td>{t.number}</Table.Td>
        <Table.Td>
          <Text fz="sm" lineClamp={2}>
            {t.category}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text fz="sm" lineClamp={3}>
            {t.requirement}
          </Text>
          {t.measures.length > 0 && (
            <Text fz="xs" c="dimmed" lineClamp={1}>
              措施 {t.measures.length} 项：{t.measures[0]?.text}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <TaskStatusBadge status={t.status} />
          {t.evidence.length > 0 && (
            <Text fz="xs" c="dimmed" mt={2}>
              佐证 {t.evidence.length}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Text fz="sm">{t.deadline.text || '—'}</Text>
          {t.deadline.date && t.deadline.date !== t.deadline.text && (
            <Text fz="xs" c="dimmed">
              {t.deadline.date}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Group gap={4}>
            <Text fz="sm" lineClamp={2}>
              {t.leadUnit || '—'}
            </Text>
            {t.own && (
              <Badge size="xs" variant="outline">
                本单位
              </Badge>
            )}
          </Group>
        </Table.Td>
        <Table.Td>{t.owner || '—'}</Table.Td>
        <Table.Td>
          <Text fz="xs" lineClamp={2}>
            {t.progress[0] ? `${t.progress[0].date} ${t.progress[0].text}` : '—'}
          </Text>
        </Table.Td>
      </Table.Tr>,
    )
    return out
  })
  return (
    <Box style={{ overflowX: 'auto', maxWidth: '100%' }} data-testid="schedule-table-scroll">
      <Table
        aria-label="工作配档表"
        highlightOnHover
        withColumnBorders
        verticalSpacing="xs"
        style={{ tableLayout: 'fixed' }}
      >
        <Table.Thead>
          {/* Fixed columns in px, the text columns share the rest: fits 1024×700 without scrolling. */}
          <Table.Tr>
            <Table.Th w={58}>序号</Table.Th>
            <Table.Th w="12%">重点任务</Table.Th>
            <Table.Th>具体任务</Table.Th>
            <Table.Th w={84}>状态</Table.Th>
            <Table.Th w={96}>完成时限</Table.Th>
            <Table.Th w="13%">责任单位</Table.Th>
            <Table.Th w={64}>责任人</Table.Th>
            <Table.Th w="14%">最新进展</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows}</Table.Tbody>
      </Table>
    </Box>
  )
}
