import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core'
import { api, notifySuccess } from '../../api/client'
import { useApiAction } from '../../api/hooks'
import { useZodForm } from '../../lib/zod-form'
import { changePasswordFormSchema, emptyChangePasswordForm } from './change-password-form'

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const form = useZodForm(changePasswordFormSchema, {
    initialValues: emptyChangePasswordForm,
    liveFields: ['confirm'],
  })
  const change = useApiAction(api().auth.changePassword, { notify: false })

  const close = () => {
    form.reset()
    onClose()
  }

  const submit = form.onSubmit(async ({ oldPassword, newPassword }) => {
    const result = await change.run({ oldPassword, newPassword })
    if (result.ok) {
      notifySuccess('密码已修改，下次登录请使用新密码。')
      close()
    } else form.setFieldError('oldPassword', result.error.message)
  })

  return (
    <Modal opened={opened} onClose={close} title="修改密码">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label="当前密码"
            autoComplete="current-password"
            data-autofocus
            required
            {...form.getInputProps('oldPassword')}
          />
          <PasswordInput
            label="新密码"
            description="至少 8 位，须同时包含字母和数字"
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
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              取消
            </Button>
            <Button type="submit" loading={change.busy}>
              保存
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
