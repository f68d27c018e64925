import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core'
import { IconAlertCircle, IconKey } from '@tabler/icons-react'
import { useState } from 'react'
import { api, notifySuccess } from '../../api/client'
import { useApiAction } from '../../api/hooks'
import { useAppState, useSession } from '../../app/app-state'
import { AuthLayout } from '../../components/AuthLayout'
import { useZodForm } from '../../lib/zod-form'
import { changePasswordFormSchema, emptyChangePasswordForm } from './change-password-form'

/**
 * Shown right after login while the password was set by an administrator (a new account or a
 * reset): core refuses everything else until the owner chooses their own (issue 10).
 */
export function FirstPasswordPage() {
  const { refresh, signedOut } = useAppState()
  const { user } = useSession()
  const form = useZodForm(changePasswordFormSchema, {
    initialValues: emptyChangePasswordForm,
    liveFields: ['confirm'],
  })
  const change = useApiAction(api().auth.changePassword, { notify: false })
  const logout = useApiAction(api().auth.logout, { sessionAware: false })
  const [failure, setFailure] = useState<string>()

  const submit = form.onSubmit(async ({ oldPassword, newPassword }) => {
    setFailure(undefined)
    const result = await change.run({ oldPassword, newPassword })
    if (result.ok) {
      notifySuccess('密码已设置，下次登录请使用新密码。')
      await refresh()
    } else setFailure(result.error.message)
  })

  return (
    <AuthLayout
      title="请设置您自己的密码"
      subtitle={`${user.displayName}（${user.username}）：该账号的密码由管理员设置，须由您本人修改后才能继续使用。`}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Alert color="blue" variant="light" icon={<IconKey aria-hidden />}>
            新密码只有您自己知道，管理员也无法看到。
          </Alert>
          {failure && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
              {failure}
            </Alert>
          )}
          <PasswordInput
            label="管理员给您的密码"
            autoComplete="current-password"
            autoFocus
            required
            {...form.getInputProps('oldPassword')}
          />
          <PasswordInput
            label="新密码"
            description="至少 8 位，须同时包含字母和数字，不能与原密码相同"
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label="确认新密码"
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <Button type="submit" loading={change.busy} size="md">
            设置新密码并继续
          </Button>
          <Button
            variant="subtle"
            color="gray"
            loading={logout.busy}
            onClick={async () => {
              await logout.run({})
              signedOut()
            }}
          >
            退出登录
          </Button>
          <Text fz="xs" c="dimmed">
            忘记了管理员给的密码？请联系管理员重新设置。
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  )
}
