import { Badge, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconTools } from '@tabler/icons-react'
import type { ModuleInfo } from './modules'

/** An honest page for a module that is not built yet: what it will do, no sample data. */
export function PlaceholderPage({ module }: { module: ModuleInfo }) {
  return (
    // Nothing to do on a module not built yet.
    <Stack gap="md" maw={760} data-primary-action="none">
      <Group gap="sm">
        <Title order={2} fz={20}>
          {module.title}
        </Title>
        <Badge variant="light" color="orange">
          建设中
        </Badge>
      </Group>
      <Paper withBorder p="lg">
        <Group align="flex-start" wrap="nowrap" gap="md">
          <ThemeIcon variant="light" size={44} radius="md" aria-hidden>
            <IconTools size={24} />
          </ThemeIcon>
          <Stack gap="sm">
            <Text fw={500}>{module.summary}</Text>
            <Text fz="sm" c="dimmed">
              该模块正在开发中，尚不能使用。建成后将提供：
            </Text>
            <List fz="sm" spacing={4}>
              {module.points.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          </Stack>
        </Group>
      </Paper>
    </Stack>
  )
}
