import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import { useRequestCounts } from './use-request-counts'

/** The home page's 依申请公开 to-do card: figures that link to the list's tabs. */
export function RequestsHomeCard() {
  const counts = useRequestCounts()
  if (!counts || counts.open === 0) return null
  const cells: { label: string; value: number; tab: string; color?: string }[] = [
    {
      label: '已逾期',
      value: counts.overdue,
      tab: 'overdue',
      color: counts.overdue ? 'red' : undefined,
    },
    {
      label: '3 个工作日内到期',
      value: counts.dueSoon,
      tab: 'due_soon',
      color: counts.dueSoon ? 'orange' : undefined,
    },
    { label: '暂停计时', value: counts.paused, tab: 'paused' },
    { label: '办理中', value: counts.open, tab: 'open' },
  ]
  return (
    <Paper withBorder p="md" data-testid="requests-home-card">
      <Group justify="space-between" mb="xs">
        <Title order={3} fz="md">
          依申请公开待办
        </Title>
        <Anchor component={Link} to="/requests" fz="sm">
          查看全部
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {cells.map((c) => (
          <Anchor key={c.tab} component={Link} to={`/requests?tab=${c.tab}`} underline="never">
            <Stack gap={0}>
              <Text fz={24} fw={700} c={c.color}>
                {c.value}
              </Text>
              <Text fz="xs" c="dimmed">
                {c.label}
              </Text>
            </Stack>
          </Anchor>
        ))}
      </SimpleGrid>
      {counts.provisional > 0 && (
        <Text fz="xs" c="orange.8" mt="xs">
          其中 {counts.provisional} 件的期限为暂定（跨越尚未录入节假日安排的年份）。
        </Text>
      )}
    </Paper>
  )
}
