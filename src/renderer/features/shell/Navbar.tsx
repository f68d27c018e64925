import { AppShell, NavLink, ScrollArea, Stack, Text } from '@mantine/core'
import { NavLink as RouterLink, useLocation } from 'react-router'
import { RequestsNavBadge } from '../requests/RequestsNavBadge'
import { NAV_SECTIONS } from './nav'

export function Navbar({ isAdmin, onNavigate }: { isAdmin: boolean; onNavigate: () => void }) {
  const { pathname } = useLocation()
  return (
    <AppShell.Navbar p="xs" aria-label="主导航">
      <ScrollArea>
        <Stack gap="md">
          {NAV_SECTIONS.map((section, i) => {
            const items = section.items.filter((item) => isAdmin || !item.adminOnly)
            if (items.length === 0) return null
            return (
              <div key={section.title ?? i}>
                {section.title && (
                  <Text fz="xs" fw={600} c="dimmed" px="sm" mb={4}>
                    {section.title}
                  </Text>
                )}
                {items.map(({ path, label, icon: Icon }) => (
                  <NavLink
                    key={path}
                    component={RouterLink}
                    to={path}
                    end={path === '/'}
                    label={label}
                    leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
                    rightSection={path === '/requests' ? <RequestsNavBadge /> : undefined}
                    active={path === '/' ? pathname === '/' : pathname.startsWith(path)}
                    onClick={onNavigate}
                    styles={{ root: { borderRadius: 'var(--mantine-radius-sm)' } }}
                  />
                ))}
              </div>
            )
          })}
        </Stack>
      </ScrollArea>
    </AppShell.Navbar>
  )
}
