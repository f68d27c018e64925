import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core'
import { z } from 'zod'
import { passwordAttemptSchema, passwordSchema } from '../../../shared/accounts/schemas'
import { api, notifySuccess } from '../../api/client'
import { useApiAction } from '../../api/hooks'
import { useZodForm } from '../../lib/zod-form'

const schema = z
  .object({ oldPassword: passwordAttemptSchema, newPassword: passwordSchema, confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, {
    message: '两次输入的新密码不一致',
    path: ['confirm'],
    when: () => true,
  })

const initialValues = { oldPassword: '', newPassword: '', confirm: '' }

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const form = useZodForm(schema, { initialValues, liveFields: ['confirm'] })
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
