import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { Fragment } from 'react'
import { ROLE_LABELS } from '../../../shared/accounts/labels'
import { api } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { useAppState, useCapabilities, useSession } from '../../app/app-state'
import { homeCardsOf } from '../../app/registry'
import { useFeatures } from '../../app/registry-context'
import { PasswordResetNotice } from './PasswordResetNotice'

/**
 * The home page is the officer's to-do list (我的待办): the figures come from core (`home:todo`,
 * each domain's own query) and the cards from the feature registry — a module adds its card in
 * its own `feature.tsx`.
 */
export function HomePage() {
  const { state } = useAppState()
  const { user } = useSession()
  const capabilities = useCapabilities()
  const features = useFeatures()
  const todo = useApiQuery(() => api().home.todo({})).data
  const ctx = { todo, capabilities }
  const counts = homeCardsOf(features, capabilities, 'count')
  const panels = homeCardsOf(features, capabilities, 'panel')
  return (
    // The home page is a list of to-dos, each its own link: no single main button.
    <Stack gap="lg" maw={1100} data-primary-action="none">
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
      {counts.length > 0 && (
        <div>
          <Title order={3} fz="md" mb="sm">
            我的待办
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
            {counts.map((c) => (
              <div key={c.id}>{c.render(ctx)}</div>
            ))}
          </SimpleGrid>
        </div>
      )}
      {/* No wrapper: a card with nothing to show renders nothing, and leaves no gap. */}
      {panels.map((c) => (
        <Fragment key={c.id}>{c.render(ctx)}</Fragment>
      ))}
      <Text fz="xs" c="dimmed">
        程序版本 {state.appVersion}
      </Text>
    </Stack>
  )
}
