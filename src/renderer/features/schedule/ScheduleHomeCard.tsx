import { Anchor, Group, Paper, Text, Title } from '@mantine/core'
import { Link, useNavigate } from 'react-router'
import { TASK_STATUS_COLORS, TASK_STATUS_LABELS } from '../../../shared/schedule/labels'
import { TASK_STATUSES } from '../../../shared/schedule/types'
import { api } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { TaskList } from './ScheduleDashboard'

/** The home page's to-do card: this year's own tasks by status, overdue and due this week. */
export function ScheduleHomeCard() {
  const navigate = useNavigate()
  const card = useApiQuery(() => api().schedule.home({}))
  const data = card.data
  if (!data || data.total === 0) return null
  return (
    <Paper withBorder p="lg" data-testid="schedule-home-card">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="md">
          {data.year} 年工作配档表（本单位 {data.total} 项）
        </Title>
        <Anchor component={Link} to="/schedule" fz="sm">
          打开配档表
        </Anchor>
      </Group>
      <Group gap="lg" mb="sm">
        {TASK_STATUSES.map((s) => (
          <Text key={s} fz="sm">
            {TASK_STATUS_LABELS[s]}{' '}
            <Text span fw={700} c={`${TASK_STATUS_COLORS[s]}.7`}>
              {data.counts[s]}
            </Text>
          </Text>
        ))}
      </Group>
      <Group grow align="flex-start" gap="sm">
        <TaskList
          title="逾期"
          empty="没有逾期任务。"
          tasks={data.overdue}
          onOpen={() => void navigate('/schedule')}
        />
        <TaskList
          title="本周到期"
          empty="本周没有到期任务。"
          tasks={data.dueThisWeek}
          onOpen={() => void navigate('/schedule')}
        />
      </Group>
    </Paper>
  )
}
