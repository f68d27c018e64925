import { Group, Paper, Text } from '@mantine/core'
import type { ReactNode } from 'react'

/** A titled box in the editor's side column. */
export function Panel({
  title,
  actions,
  children,
  label,
}: {
  title: ReactNode
  actions?: ReactNode
  children: ReactNode
  label?: string
}) {
  return (
    <Paper withBorder p="sm" component="section" aria-label={label}>
      <Group justify="space-between" mb={8} wrap="nowrap" gap="xs">
        <Text fw={600} fz="sm">
          {title}
        </Text>
        {actions}
      </Group>
      {children}
    </Paper>
  )
}
