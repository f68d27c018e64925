import {
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import type { AppSettings } from '../../../shared/settings/types'
import { draftingSettingsPatchSchema } from '../../../shared/catalogue/schemas'
import { settingRange, settingsPatchSchema } from '../../../shared/settings/schemas'
import { api, notifySuccess } from '../../api/client'
import { useApiAction, useApiQuery } from '../../api/hooks'
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
  const [submitted, setSubmitted] = useState(false)
  const save = useApiAction(api().settings.update)
  const dirty = JSON.stringify(values) !== JSON.stringify(initial)
  // Checked as you type: a changed field out of its range says the range at once (never clamped).
  const checked = validateWith(settingsPatchSchema, values)
  const errors: FieldErrors = checked.ok ? {} : checked.errors
  const errorOf = (key: keyof AppSettings) =>
    submitted || values[key] !== initial[key] ? errors[key] : undefined

  const set = <K extends keyof AppSettings>(key: K, value: AppSettings[K]) =>
    setValues((v) => ({ ...v, [key]: value }))
  /** Range from the shared schema; out-of-range input is kept and refused with the range, never clamped. */
  const numberProps = (
    key: 'lockAfterMinutes' | 'autoBackupKeep' | 'maxFailedLogins' | 'lockoutMinutes',
  ) => ({
    ...settingRange(key),
    clampBehavior: 'none' as const,
    allowDecimal: false,
    allowNegative: false,
    value: values[key],
    onChange: (v: string | number) => set(key, typeof v === 'number' ? v : Number(v) || 0),
    error: errorOf(key),
  })

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setSubmitted(true)
    if (!checked.ok) return
    const result = await save.run(checked.data)
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
          {/* Two columns: the form and its 保存设置 stay on the first screen at 1024×700. */}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="md">
            <NumberInput
              label="无操作自动锁定（分钟）"
              description={`超过这段时间没有键盘或鼠标操作，程序自动锁定。可填 ${settingRange('lockAfterMinutes').min}–${settingRange('lockAfterMinutes').max} 分钟。`}
              {...numberProps('lockAfterMinutes')}
            />
            <NumberInput
              label="连续输错密码次数上限"
              description={`登录或解锁时连续输错这么多次，账户即被锁定。可填 ${settingRange('maxFailedLogins').min}–${settingRange('maxFailedLogins').max} 次。`}
              {...numberProps('maxFailedLogins')}
            />
            <NumberInput
              label="账户锁定时长（分钟）"
              description={`锁定期间不能登录，管理员可在「用户管理」中提前解锁。可填 ${settingRange('lockoutMinutes').min}–${settingRange('lockoutMinutes').max} 分钟。`}
              {...numberProps('lockoutMinutes')}
            />
            <Stack gap="xs">
              <Switch
                label="每天自动备份"
                description="每天第一次打开程序时，把数据库备份到数据目录的 backups 文件夹。"
                checked={values.autoBackupEnabled}
                onChange={(e) => set('autoBackupEnabled', e.currentTarget.checked)}
              />
              <NumberInput
                label="保留自动备份份数"
                description={`超过时删除最早的自动备份；手动备份不会被删除。可填 ${settingRange('autoBackupKeep').min}–${settingRange('autoBackupKeep').max} 份。`}
                {...numberProps('autoBackupKeep')}
                disabled={!values.autoBackupEnabled}
              />
            </Stack>
          </SimpleGrid>
          <Group>
            <Button type="submit" data-primary-action loading={save.busy} disabled={!dirty}>
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

const attachmentMax = draftingSettingsPatchSchema.shape.attachmentMaxMb.unwrap()
/** 设置 → 附件大小上限: the range the store allows, from the shared schema. */
export const ATTACHMENT_LIMIT_RANGE = {
  min: attachmentMax.minValue ?? 1,
  max: attachmentMax.maxValue ?? 1024,
}

/** 附件大小上限 (MB): the largest attachment drafting accepts; administrators only. */
export function AttachmentLimitForm() {
  const settings = useApiQuery(() => api().drafting.getSettings({}))
  const save = useApiAction(api().drafting.updateSettings)
  const [value, setValue] = useState<number | null>(null)
  const current = settings.data?.attachmentMaxMb
  const shown = value ?? current ?? 0
  const dirty = value !== null && value !== current
  // Checked as you type: out of range says the range at once, the value is never clamped.
  const parsed = validateWith(draftingSettingsPatchSchema, { attachmentMaxMb: shown })
  const error = dirty && !parsed.ok ? parsed.errors.attachmentMaxMb : undefined

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!parsed.ok) return
    const result = await save.run(parsed.data)
    if (result.ok) {
      notifySuccess('附件大小上限已保存')
      setValue(null)
      settings.reload()
    }
  }

  return (
    <Paper withBorder p="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={3} fz="md">
            附件
          </Title>
          <NumberInput
            label="附件大小上限（MB）"
            description={`起草时添加的单个附件不能超过这个大小。可填 ${ATTACHMENT_LIMIT_RANGE.min}–${ATTACHMENT_LIMIT_RANGE.max} MB（程序能保存的最大附件为 ${ATTACHMENT_LIMIT_RANGE.max} MB）。`}
            min={ATTACHMENT_LIMIT_RANGE.min}
            max={ATTACHMENT_LIMIT_RANGE.max}
            clampBehavior="none"
            allowDecimal={false}
            allowNegative={false}
            value={shown}
            onChange={(v) => setValue(typeof v === 'number' ? v : Number(v) || 0)}
            error={error ?? settings.error?.message}
            disabled={!settings.data}
            maw={360}
          />
          <Group>
            <Button type="submit" loading={save.busy} disabled={!dirty || !parsed.ok}>
              保存附件上限
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
