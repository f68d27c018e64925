import { ActionIcon, Alert, Badge, Button, Group, Paper, Table, Text, Tooltip } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconEdit, IconKey, IconLockOpen, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { ROLE_LABELS } from '../../../shared/accounts/labels'
import type { UserView } from '../../../shared/accounts/types'
import { api, notifySuccess } from '../../api/client'
import { useApiAction, useApiQuery } from '../../api/hooks'
import { useSession } from '../../app/app-state'
import { PageHeader } from '../../components/PageHeader'
import { formatDateTime } from '../../lib/format'
import { CreateUserModal } from './CreateUserModal'
import { EditUserModal } from './EditUserModal'
import { ResetPasswordModal } from './ResetPasswordModal'
import { ROLE_COLORS } from './role-options'

type Dialog = { kind: 'edit' | 'reset'; user: UserView } | null

export function UsersPage() {
  const { user: me } = useSession()
  const users = useApiQuery(() => api().users.list({}))
  const [createOpen, createModal] = useDisclosure(false)
  const [dialog, setDialog] = useState<Dialog>(null)
  const unlock = useApiAction(api().users.unlock)
  const unlockUser = async (u: UserView) => {
    const result = await unlock.run({ id: u.id })
    if (result.ok) {
      notifySuccess(`已解锁 ${u.username}，可以重新登录`)
      users.reload()
    }
  }

  return (
    <>
      <PageHeader
        title="用户管理"
        description="本机的用户账号和角色。每个人使用自己的账号，操作会记入审计日志。"
        actions={
          <Button
            data-primary-action
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={createModal.open}
          >
            新建用户
          </Button>
        }
      />
      {users.error && (
        <Alert color="red" mb="md">
          {users.error.message}
        </Alert>
      )}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={720} type="native">
          <Table aria-label="用户列表">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>用户名</Table.Th>
                <Table.Th>姓名</Table.Th>
                <Table.Th>角色</Table.Th>
                <Table.Th>状态</Table.Th>
                <Table.Th>最后登录</Table.Th>
                <Table.Th w={120}>操作</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data?.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td className="dd-nowrap">{u.username}</Table.Td>
                  <Table.Td className="dd-nowrap">
                    {u.displayName}
                    {u.id === me.id && (
                      <Text span c="dimmed" fz="xs" ml={6}>
                        （我）
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {u.roles.map((r) => (
                        <Badge key={r} variant="light" color={ROLE_COLORS[r]}>
                          {ROLE_LABELS[r]}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {u.active ? (
                      <Badge variant="dot" color="teal">
                        启用
                      </Badge>
                    ) : (
                      <Badge variant="dot" color="gray">
                        停用
                      </Badge>
                    )}
                    {u.lockedUntil && (
                      <Tooltip label={`密码错误次数过多，锁定至 ${formatDateTime(u.lockedUntil)}`}>
                        <Badge variant="light" color="red" ml={4}>
                          已锁定
                        </Badge>
                      </Tooltip>
                    )}
                    {u.mustChangePassword && (
                      <Tooltip label="密码由管理员设置，本人首次登录时须修改">
                        <Badge variant="light" color="yellow" ml={4}>
                          待本人改密码
                        </Badge>
                      </Tooltip>
                    )}
                  </Table.Td>
                  <Table.Td className="dd-nowrap" fz="sm">
                    {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : '从未登录'}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label="编辑角色和状态">
                        <ActionIcon
                          variant="subtle"
                          aria-label={`编辑 ${u.username}`}
                          onClick={() => setDialog({ kind: 'edit', user: u })}
                        >
                          <IconEdit size={18} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="重置密码">
                        <ActionIcon
                          variant="subtle"
                          aria-label={`重置 ${u.username} 的密码`}
                          onClick={() => setDialog({ kind: 'reset', user: u })}
                        >
                          <IconKey size={18} />
                        </ActionIcon>
                      </Tooltip>
                      {u.lockedUntil && (
                        <Tooltip label="解锁账户">
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`解锁 ${u.username}`}
                            loading={unlock.busy}
                            onClick={() => void unlockUser(u)}
                          >
                            <IconLockOpen size={18} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {users.data?.length === 0 && (
          <Text c="dimmed" ta="center" p="lg">
            还没有用户
          </Text>
        )}
      </Paper>
      <CreateUserModal opened={createOpen} onClose={createModal.close} onCreated={users.reload} />
      {dialog?.kind === 'edit' && (
        <EditUserModal
          user={dialog.user}
          isSelf={dialog.user.id === me.id}
          onClose={() => setDialog(null)}
          onSaved={users.reload}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />
      )}
    </>
  )
}
