import {
  Avatar,
  Badge,
  Group,
  Menu,
  Text,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import {
  IconChevronDown,
  IconKey,
  IconLock,
  IconLogout,
  IconMoon,
  IconSun,
} from '@tabler/icons-react'
import { ROLE_LABELS } from '../../../shared/accounts/labels'
import { api, request } from '../../api/client'
import { flushPendingEdits } from '../drafting/shared/pending-saves'
import { useAppState, useSession } from '../../app/app-state'
import { ChangePasswordModal } from '../auth/ChangePasswordModal'

export function UserMenu() {
  const { user } = useSession()
  const { setLocked, signedOut } = useAppState()
  const { setColorScheme } = useMantineColorScheme()
  const scheme = useComputedColorScheme('light')
  const [passwordOpen, passwordModal] = useDisclosure(false)

  // Unsaved edits are stored first (issue 10: a line typed just before 锁定 was lost).
  const lock = () =>
    flushPendingEdits()
      .then(() => request(api().auth.lock({})))
      .then(
        () => setLocked(true),
        () => undefined,
      )
  const logout = () =>
    flushPendingEdits()
      .then(() => request(api().auth.logout({})))
      .then(
        () => signedOut(),
        () => undefined,
      )

  return (
    <>
      <Menu position="bottom-end" width={240} shadow="md" withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={`用户菜单：${user.displayName}`} px="xs" py={4}>
            <Group gap="xs" wrap="nowrap">
              <Avatar color="gov" radius="xl" size={30}>
                {user.displayName.slice(-2)}
              </Avatar>
              <Text fz="sm" fw={500}>
                {user.displayName}
              </Text>
              <IconChevronDown size={14} aria-hidden />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Text fz="sm" fw={600} c="var(--mantine-color-text)">
              {user.displayName}（{user.username}）
            </Text>
            <Group gap={4} mt={4}>
              {user.roles.map((r) => (
                <Badge key={r} size="xs" variant="light">
                  {ROLE_LABELS[r]}
                </Badge>
              ))}
            </Group>
          </Menu.Label>
          <Menu.Divider />
          <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={passwordModal.open}>
            修改密码
          </Menu.Item>
          <Menu.Item
            leftSection={
              scheme === 'dark' ? (
                <IconSun size={16} aria-hidden />
              ) : (
                <IconMoon size={16} aria-hidden />
              )
            }
            onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
          >
            {scheme === 'dark' ? '浅色模式' : '深色模式'}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item leftSection={<IconLock size={16} aria-hidden />} onClick={lock}>
            锁定
          </Menu.Item>
          <Menu.Item
            color="red"
            leftSection={<IconLogout size={16} aria-hidden />}
            onClick={logout}
          >
            退出登录
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={passwordOpen} onClose={passwordModal.close} />
    </>
  )
}
