import type { ReactNode } from 'react'
import { Button, Group, Paper } from '@mantine/core'
import { IconArrowLeft } from '@tabler/icons-react'
import { useNavigate } from 'react-router'
import { TitleText } from './TitleText'

export interface DetailHeaderProps {
  /** Where 「返回…」 leads, and what it says. */
  backTo: string
  backLabel: string
  title: string
  /** Status badges after the title. */
  badges?: ReactNode
  /** Buttons on the right; they never shrink or wrap. */
  actions?: ReactNode
}

/** The sticky header of a detail page (the item editor, the review screen): back, title, actions. */
export function DetailHeader({ backTo, backLabel, title, badges, actions }: DetailHeaderProps) {
  const navigate = useNavigate()
  return (
    <div className="dd-editor-sticky">
      <Paper withBorder px="md" py="sm" shadow="xs">
        <Group justify="space-between" wrap="nowrap" gap="md">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Button
              variant="subtle"
              color="gray"
              size="compact-sm"
              leftSection={<IconArrowLeft size={16} />}
              onClick={() => void navigate(backTo)}
              style={{ flexShrink: 0 }}
            >
              {backLabel}
            </Button>
            <TitleText order={2} fz={18}>
              {title}
            </TitleText>
            {badges && (
              <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                {badges}
              </Group>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            {actions}
          </Group>
        </Group>
      </Paper>
    </div>
  )
}
