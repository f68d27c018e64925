import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { Link } from 'react-router'
import { api } from '../../api/client'
import { useApiQuery } from '../../api/hooks'

/** The home card: open consultations, comments waiting, Q&A flagged, the training warning. */
export function EngagementHomeCard() {
  const home = useApiQuery(() => api().engagement.home({}))
  const h = home.data
  if (!h) return null
  const nothing =
    h.openConsultations === 0 &&
    h.undecidedComments === 0 &&
    h.flaggedQa === 0 &&
    !h.trainingWarning
  if (nothing) return null
  const cells = [
    { label: '征集中', value: h.openConsultations, to: '/engagement' },
    { label: '待处理意见', value: h.undecidedComments, to: '/engagement' },
    { label: '待复核问答', value: h.flaggedQa, to: '/engagement?tab=qa' },
  ]
  return (
    <Paper withBorder p="md" data-testid="engagement-home-card">
      <Group justify="space-between" mb="xs">
        <Title order={3} fz="md">
          政民互动
        </Title>
        <Anchor component={Link} to="/engagement" fz="sm">
          查看全部
        </Anchor>
      </Group>
      {h.trainingWarning && (
        <Alert color="orange" icon={<IconAlertTriangle size={16} />} mb="xs" p="xs">
          <Group justify="space-between" wrap="nowrap">
            <Text fz="sm">{h.trainingWarning}</Text>
            <Anchor component={Link} to="/engagement?tab=records" fz="sm" style={{ flexShrink: 0 }}>
              登记培训
            </Anchor>
          </Group>
        </Alert>
      )}
      <SimpleGrid cols={3}>
        {cells.map((c) => (
          <Anchor key={c.label} component={Link} to={c.to} underline="never">
            <Stack gap={0}>
              <Text fz={24} fw={700} c={c.value ? 'orange.8' : undefined}>
                {c.value}
              </Text>
              <Text fz="xs" c="dimmed">
                {c.label}
              </Text>
            </Stack>
          </Anchor>
        ))}
      </SimpleGrid>
    </Paper>
  )
}
