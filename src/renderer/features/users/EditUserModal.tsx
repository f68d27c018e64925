import { Alert, Button, Group, Modal, MultiSelect, Stack, Switch, TextInput } from '@mantine/core'
import { z } from 'zod'
import type { Role } from '../../../shared/accounts/roles'
import { displayNameSchema, rolesSchema } from '../../../shared/accounts/schemas'
import type { UserView } from '../../../shared/accounts/types'
import { api, notifySuccess } from '../../api/client'
import { useApiAction } from '../../api/hooks'
import { useZodForm } from '../../lib/zod-form'
import { ROLE_HELP, ROLE_OPTIONS } from './role-options'

const schema = z.object({ displayName: displayNameSchema, roles: rolesSchema, active: z.boolean() })

/** Edits one user's name, roles and whether the account may log in. Mounted per user. */
export function EditUserModal({
  user,
  isSelf,
  onClose,
  onSaved,
}: {
  user: UserView
  isSelf: boolean
  onClose: () => void
  onSaved: () => void
}) {
  const form = useZodForm(schema, {
    initialValues: { displayName: user.displayName, roles: user.roles, active: user.active },
  })
  const update = useApiAction(api().users.update)

  const submit = form.onSubmit(async (v) => {
    const result = await update.run({ id: user.id, ...v })
    if (result.ok) {
      notifySuccess(`已保存用户「${result.data.displayName}」`)
      onSaved()
      onClose()
    }
  })

  return (
    <Modal opened onClose={onClose} title={`编辑用户：${user.username}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="姓名" data-autofocus required {...form.getInputProps('displayName')} />
          <MultiSelect
            label="角色"
            description={ROLE_HELP}
            data={ROLE_OPTIONS}
            required
            {...form.getInputProps('roles')}
            value={form.values.roles}
            onChange={(v) => form.setFieldValue('roles', v as Role[])}
          />
          <Switch
            label="允许登录"
            description="停用后该用户不能再登录，其历史记录保留"
            checked={form.values.active}
            onChange={(e) => form.setFieldValue('active', e.currentTarget.checked)}
          />
          {isSelf && (
            <Alert variant="light" p="xs" fz="sm">
              这是您自己的账号：如果您是唯一的管理员，程序不允许去掉管理员角色或停用。
            </Alert>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit" loading={update.busy}>
              保存
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
