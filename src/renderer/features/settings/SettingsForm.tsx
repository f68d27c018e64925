import { Button, Group, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { AppSettings } from '../../../shared/types'
import { settingsPatchSchema } from '../../../shared/schemas'
import { api, notifySuccess } from '../../api/client'
import { useApiAction } from '../../api/hooks'
import { validateWith, type FieldErrors } from '../../lib/zod-form'

/** Lock timeout and automatic backups. Mounted with the settings as loaded from core. */
export function SettingsForm({
  initial,
  onSaved,
}: {
  initial: AppSettings
  onSaved: (s: AppSettings) => void
}) {
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const save = useApiAction(api().settings.update)
  const dirty = JSON.stringify(values) !== JSON.stringify(initial)

  const set = <K extends keyof AppSettings>(key: K, value: AppSettings[K]) =>
    setValues((v) => ({ ...v, [key]: value }))

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    const parsed = validateWith(settingsPatchSchema, values)
    if (!parsed.ok) return setErrors(parsed.errors)
    setErrors({})
    const result = await save.run(parsed.data)
    if (result.ok) {
      notifySuccess('设置已保存')
      onSaved(result.data)
    }
  }

  return (
    <Paper withBorder p="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={3} fz="md">
            安全与备份
          </Title>
          <NumberInput
            label="无操作自动锁定（分钟）"
            description="超过这段时间没有键盘或鼠标操作，程序自动锁定，需要输入密码才能继续。"
            min={1}
            max={240}
            allowDecimal={false}
            value={values.lockAfterMinutes}
            onChange={(v) => set('lockAfterMinutes', typeof v === 'number' ? v : Number(v) || 0)}
            error={errors.lockAfterMinutes}
            maw={360}
          />
          <Switch
            label="每天自动备份"
            description="每天第一次打开程序时，自动把数据库备份到数据目录的 backups 文件夹。"
            checked={values.autoBackupEnabled}
            onChange={(e) => set('autoBackupEnabled', e.currentTarget.checked)}
          />
          <NumberInput
            label="保留自动备份份数"
            description="超过这个数量时删除最早的自动备份；手动备份不会被删除。"
            min={1}
            max={365}
            allowDecimal={false}
            value={values.autoBackupKeep}
            onChange={(v) => set('autoBackupKeep', typeof v === 'number' ? v : Number(v) || 0)}
            error={errors.autoBackupKeep}
            disabled={!values.autoBackupEnabled}
            maw={360}
          />
          <Group>
            <Button type="submit" loading={save.busy} disabled={!dirty}>
              保存设置
            </Button>
            {dirty && (
              <Text fz="sm" c="dimmed">
                有未保存的修改
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
