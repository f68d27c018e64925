import { AppShell, NavLink, ScrollArea, Stack, Text } from '@mantine/core'
import { NavLink as RouterLink, useLocation } from 'react-router'
import { useCapabilities } from '../../app/app-state'
import { navOf } from '../../app/registry'
import { useFeatures } from '../../app/registry-context'

/** The navbar, built from the feature registry: sections in the order an officer's work flows. */
export function Navbar({ onNavigate }: { onNavigate: () => void }) {
  const { pathname } = useLocation()
  const sections = navOf(useFeatures(), useCapabilities())
  return (
    <AppShell.Navbar p="xs" aria-label="主导航">
      <ScrollArea>
        <Stack gap="md">
          {sections.map((section) => (
            <div key={section.id}>
              {section.title && (
                <Text fz="xs" fw={600} c="dimmed" px="sm" mb={4}>
                  {section.title}
                </Text>
              )}
              {section.items.map(({ path, label, icon: Icon, badge: Badge }) => (
                <NavLink
                  key={path}
                  component={RouterLink}
                  to={path}
                  end={path === '/'}
                  label={label}
                  leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
                  rightSection={Badge ? <Badge /> : undefined}
                  active={path === '/' ? pathname === '/' : pathname.startsWith(path)}
                  onClick={onNavigate}
                  styles={{ root: { borderRadius: 'var(--mantine-radius-sm)' } }}
                />
              ))}
            </div>
          ))}
        </Stack>
      </ScrollArea>
    </AppShell.Navbar>
  )
}
