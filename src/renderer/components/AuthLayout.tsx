import { Box, Container, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconBuildingBank } from '@tabler/icons-react'
import type { ReactNode } from 'react'

/** The frame of the screens shown before the shell: setup, login, lock. */
export function AuthLayout({
  title,
  subtitle,
  width = 440,
  children,
}: {
  title: string
  subtitle?: ReactNode
  width?: number
  children: ReactNode
}) {
  return (
    <Box className="dd-auth-bg" py={48}>
      <Container size={width}>
        <Group gap="sm" mb="lg" c="white">
          <ThemeIcon size={40} radius="sm" variant="white">
            <IconBuildingBank size={24} aria-hidden />
          </ThemeIcon>
          <div>
            <Text fw={600} fz="lg" lh={1.3}>
              政务公开工作台
            </Text>
            <Text fz="xs" opacity={0.85}>
              政府信息公开 · 起草 · 审查 · 同步
            </Text>
          </div>
        </Group>
        <Paper withBorder shadow="sm" p={32} radius="md">
          <Stack gap={4} mb="lg">
            <Title order={2} fz={22}>
              {title}
            </Title>
            {subtitle && (
              <Text c="dimmed" fz="sm">
                {subtitle}
              </Text>
            )}
          </Stack>
          {children}
        </Paper>
      </Container>
    </Box>
  )
}
