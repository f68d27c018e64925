import {
  Button,
  Group,
  Modal,
  MultiSelect,
  PasswordInput,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core'
import { createUserSchema } from '../../../shared/accounts/schemas'
import type { Role } from '../../../shared/accounts/roles'
import { api, notifySuccess } from '../../api/client'
import { useApiAction } from '../../api/hooks'
import { useZodForm } from '../../lib/zod-form'
import { ROLE_HELP, ROLE_OPTIONS } from './role-options'

const initialValues = { username: '', displayName: '', password: '', roles: [] as Role[] }

export function CreateUserModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean
  onClose: () => void
  onCreated: () => void
}) {
  const form = useZodForm(createUserSchema, { initialValues })
  const create = useApiAction(api().users.create, { notify: false })

  const close = () => {
    form.reset()
    onClose()
  }

  const submit = form.onSubmit(async (input) => {
    const result = await create.run(input)
    if (result.ok) {
      notifySuccess(`已创建用户「${result.data.displayName}」`)
      onCreated()
      close()
    } else form.setFieldError('username', result.error.message)
  })

  return (
    <Modal opened={opened} onClose={close} title="新建用户" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label="用户名"
              description="登录时使用"
              spellCheck={false}
              autoComplete="off"
              data-autofocus
              required
              {...form.getInputProps('username')}
            />
            <TextInput
              label="姓名"
              description="记入审计日志"
              required
              {...form.getInputProps('displayName')}
            />
          </SimpleGrid>
          <PasswordInput
            label="初始密码"
            description="至少 8 位，须同时包含字母和数字；请当面告知本人，本人首次登录时须改为自己的密码"
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <MultiSelect
            label="角色"
            description={ROLE_HELP}
            data={ROLE_OPTIONS}
            placeholder="选择一个或多个角色"
            required
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('roles')}
            value={form.values.roles}
            onChange={(v) => form.setFieldValue('roles', v as Role[])}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              取消
            </Button>
            <Button type="submit" loading={create.busy}>
              创建
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
