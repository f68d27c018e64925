import { Alert, Avatar, Button, Group, PasswordInput, Stack, Text } from '@mantine/core'
import { IconAlertCircle, IconLock } from '@tabler/icons-react'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { passwordAttemptSchema } from '../../../shared/accounts/schemas'
import { ROLE_LABELS } from '../../../shared/accounts/labels'
import { z } from 'zod'
import { api } from '../../api/client'
import { useApiAction } from '../../api/hooks'
import { useAppState, useSession } from '../../app/app-state'
import { AuthLayout } from '../../components/AuthLayout'
import { useZodForm } from '../../lib/zod-form'

const unlockSchema = z.object({ password: passwordAttemptSchema })
const initialValues = { password: '' }

/** Shown when the session is locked (by inactivity or by the user): the password opens it again. */
export function LockScreen() {
  const { signedIn, signedOut } = useAppState()
  const { user } = useSession()
  const form = useZodForm(unlockSchema, { initialValues })
  const unlock = useApiAction(api().auth.unlock, { notify: false, sessionAware: false })
  const logout = useApiAction(api().auth.logout, { sessionAware: false })
  const [failure, setFailure] = useState<string>()

  const submit = form.onSubmit(async (input) => {
    setFailure(undefined)
    const result = await unlock.run(input)
    if (result.ok) signedIn(result.data)
    else if ((result.error.details as { accountLocked?: boolean } | undefined)?.accountLocked) {
      // Too many wrong passwords: core ended the session; the login page takes over.
      notifications.show({
        color: 'red',
        title: '账户已锁定',
        message: result.error.message,
        autoClose: false,
      })
      signedOut()
    } else {
      setFailure(result.error.message)
      form.reset()
    }
  })

  const switchUser = async () => {
    await logout.run({})
    signedOut()
  }

  return (
    <AuthLayout title="已锁定" subtitle="为保护信息安全，程序已锁定。请输入密码继续工作。">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Group gap="sm">
            <Avatar color="gov" radius="xl">
              <IconLock size={20} aria-hidden />
            </Avatar>
            <div>
              <Text fw={600}>{user.displayName}</Text>
              <Text fz="xs" c="dimmed">
                {user.username} · {user.roles.map((r) => ROLE_LABELS[r]).join('、')}
              </Text>
            </div>
          </Group>
          {failure && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
              {failure}
            </Alert>
          )}
          <PasswordInput
            label="密码"
            autoComplete="current-password"
            autoFocus
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={unlock.busy} size="md">
            解锁
          </Button>
          <Button variant="subtle" color="gray" onClick={switchUser} loading={logout.busy}>
            退出登录，换一个用户
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  )
}
