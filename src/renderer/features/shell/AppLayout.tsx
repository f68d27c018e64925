import { AppShell, Burger, Divider, Group, Text, ThemeIcon } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconBuildingBank } from '@tabler/icons-react'
import { Outlet } from 'react-router'
import { useAppState, useSession } from '../../app/app-state'
import { useIdleLock } from '../auth/use-idle-lock'
import { Navbar } from './Navbar'
import { UserMenu } from './UserMenu'

export function AppLayout() {
  const { state } = useAppState()
  const session = useSession()
  const [navOpen, nav] = useDisclosure(false)
  useIdleLock(session.lockAfterMinutes)

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 208, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpen}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="展开或收起导航"
            />
            <ThemeIcon size={32} radius="sm" aria-hidden>
              <IconBuildingBank size={20} />
            </ThemeIcon>
            <Text fw={600} fz="md" className="dd-nowrap">
              政务公开工作台
            </Text>
            {state.department && (
              <>
                <Divider orientation="vertical" visibleFrom="xs" />
                <Text fz="sm" c="dimmed" visibleFrom="xs" truncate data-testid="department-name">
                  {state.department.name}
                </Text>
              </>
            )}
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <Navbar onNavigate={nav.close} />
      <AppShell.Main bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  )
}
