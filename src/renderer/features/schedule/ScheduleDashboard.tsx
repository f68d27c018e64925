import { Box, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core'
import { TASK_STATUS_COLORS, TASK_STATUS_LABELS } from '../../../shared/schedule/labels'
import { TASK_STATUSES, type ScheduleOverview, type TaskRef } from '../../../shared/schedule/types'
import { formatDate } from '../../lib/format'
import { TaskStatusBadge } from './StatusBadge'

/** Where things stand: counts by status, overdue and due-this-week lists, the month timeline. */
export function ScheduleDashboard({
  overview,
  onOpen,
}: {
  overview: ScheduleOverview
  onOpen: (id: string) => void
}) {
  const max = Math.max(1, ...overview.timeline.map((m) => m.due))
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        <Stat label="任务总数" value={overview.total} note={`本单位 ${overview.own} 项`} />
        {TASK_STATUSES.map((s) => (
          <Stat
            key={s}
            label={TASK_STATUS_LABELS[s]}
            value={overview.counts[s]}
            color={TASK_STATUS_COLORS[s]}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TaskList
          title="逾期任务"
          empty="没有逾期任务。"
          tasks={overview.overdue}
          onOpen={onOpen}
        />
        <TaskList
          title="本周到期"
          empty="本周没有到期的任务。"
          tasks={overview.dueThisWeek}
          onOpen={onOpen}
        />
      </SimpleGrid>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={4} fz="sm">
            按月时间轴（按完成时限）
          </Title>
          <Text fz="xs" c="dimmed">
            无具体日期（持续推进等）：{overview.undated} 项
          </Text>
        </Group>
        <Group gap={6} align="flex-end" wrap="nowrap" h={150} aria-label="按月时间轴">
          {overview.timeline.map((m) => (
            <Tooltip
              key={m.month}
              label={`${m.month}月：到期 ${m.due} 项，已完成 ${m.done} 项，逾期 ${m.overdue} 项`}
            >
              <Stack gap={2} align="center" style={{ flex: 1, minWidth: 0 }}>
                <Text fz="xs">{m.due || ''}</Text>
                <Box
                  w="100%"
                  h={Math.round((m.due / max) * 100) + 2}
                  bg={m.overdue > 0 ? 'red.4' : m.done === m.due && m.due > 0 ? 'teal.4' : 'blue.3'}
                  style={{ borderRadius: 3 }}
                />
                <Text fz="xs" c="dimmed">
                  {m.month}月
                </Text>
              </Stack>
            </Tooltip>
          ))}
        </Group>
      </Paper>
    </Stack>
  )
}

function Stat({
  label,
  value,
  note,
  color,
}: {
  label: string
  value: number
  note?: string
  color?: string
}) {
  return (
    <Paper withBorder p="sm">
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700} c={color ? `${color}.7` : undefined} data-testid={`stat-${label}`}>
        {value}
      </Text>
      {note && (
        <Text fz="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  )
}

export function TaskList({
  title,
  empty,
  tasks,
  onOpen,
}: {
  title: string
  empty: string
  tasks: TaskRef[]
  onOpen: (id: string) => void
}) {
  return (
    <Paper withBorder p="md">
      <Title order={4} fz="sm" mb="xs">
        {title}（{tasks.length}）
      </Title>
      {tasks.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap={6}>
          {tasks.slice(0, 8).map((t) => (
            <Group
              key={t.id}
              gap={6}
              wrap="nowrap"
              style={{ cursor: 'pointer' }}
              onClick={() => onOpen(t.id)}
            >
              <TaskStatusBadge status={t.status} size="xs" />
              <Text fz="sm" lineClamp={1} style={{ flex: 1 }}>
                {t.number} {t.title}
              </Text>
              <Text fz="xs" c="dimmed" className="dd-nowrap">
                {t.deadline.date ? formatDate(t.deadline.date) : t.deadline.text}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  )
}
