import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core'
import { z } from 'zod'
import { passwordSchema } from '../../../shared/accounts/schemas'
import type { UserView } from '../../../shared/accounts/types'
import { api, notifySuccess } from '../../api/client'
import { useApiAction } from '../../api/hooks'
import { useZodForm } from '../../lib/zod-form'

const schema = z.object({ password: passwordSchema })
const initialValues = { password: '' }

export function ResetPasswordModal({ user, onClose }: { user: UserView; onClose: () => void }) {
  const form = useZodForm(schema, { initialValues })
  const reset = useApiAction(api().users.resetPassword)

  const submit = form.onSubmit(async ({ password }) => {
    const result = await reset.run({ id: user.id, password })
    if (result.ok) {
      notifySuccess(`已重置「${user.displayName}」的密码`)
      onClose()
    }
  })

  return (
    <Modal opened onClose={onClose} title={`重置密码：${user.displayName}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text fz="sm" c="dimmed">
            为用户 {user.username} 设置一个新密码，请当面告知本人并提醒登录后修改。
          </Text>
          <PasswordInput
            label="新密码"
            description="至少 8 位，须同时包含字母和数字；本人下次登录时须改为自己的密码"
            autoComplete="new-password"
            data-autofocus
            required
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit" loading={reset.busy}>
              重置密码
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
