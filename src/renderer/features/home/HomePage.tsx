import { Badge, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import { ROLE_LABELS } from '../../../shared/labels'
import { useAppState, useSession } from '../../app/app-state'
import { PLANNED_MODULES } from '../placeholder/modules'
import { ScheduleHomeCard } from '../schedule/ScheduleHomeCard'
import { RequestsHomeCard } from '../requests/RequestsHomeCard'
import { PasswordResetNotice } from './PasswordResetNotice'

/** The landing page: who is signed in for which department, and what each module is for. */
export function HomePage() {
  const { state } = useAppState()
  const { user } = useSession()
  return (
    <Stack gap="lg" maw={1100}>
      <PasswordResetNotice />
      <Paper withBorder p="lg">
        <Title order={2} fz={20} mb={4}>
          {user.displayName}，您好
        </Title>
        <Text c="dimmed" fz="sm">
          {state.department?.name}
          {state.department && ` · 统一社会信用代码 ${state.department.orgCode}`}
        </Text>
        <Group gap={6} mt="sm">
          <Text fz="sm">当前角色：</Text>
          {user.roles.map((r) => (
            <Badge key={r} variant="light">
              {ROLE_LABELS[r]}
            </Badge>
          ))}
        </Group>
      </Paper>
      <ScheduleHomeCard />
      <RequestsHomeCard />
      <div>
        <Title order={3} fz="md" mb="sm">
          功能模块
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {PLANNED_MODULES.map((m) => (
            <Card
              key={m.path}
              withBorder
              component={Link}
              to={m.path}
              padding="md"
              style={{ textDecoration: 'none' }}
            >
              <Group justify="space-between" mb={6}>
                <Text fw={600}>{m.title}</Text>
                {m.ready ? (
                  <Badge variant="light" color="teal" size="sm">
                    可用
                  </Badge>
                ) : (
                  <Badge variant="light" color="orange" size="sm">
                    建设中
                  </Badge>
                )}
              </Group>
              <Text fz="sm" c="dimmed">
                {m.summary}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      </div>
      <Text fz="xs" c="dimmed">
        程序版本 {state.appVersion}
      </Text>
    </Stack>
  )
}
