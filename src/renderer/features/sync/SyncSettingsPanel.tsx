import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import type { ConnectionTestResult, SyncSettingsView } from '../../../shared/sync/types'
import { serverUrlSchema, syncTokenSchema } from '../../../shared/sync/schemas'
import { api, notifySuccess } from '../../api/client'
import { useApiAction, useApiQuery } from '../../api/hooks'

function firstError(schema: typeof serverUrlSchema | typeof syncTokenSchema, value: string) {
  const parsed = schema.safeParse(value)
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? '格式不正确')
}

/** `scheme://host:port`, or null when not a URL: the saved token is bound to one origin. */
function originOf(url: string | null): string | null {
  if (!url) return null
  try {
    return new URL(url.trim()).origin
  } catch {
    return null
  }
}

function SyncSettingsForm({
  initial,
  onSaved,
}: {
  initial: SyncSettingsView
  onSaved: () => void
}) {
  const [serverUrl, setServerUrl] = useState(initial.serverUrl ?? '')
  const [token, setToken] = useState('')
  const [touched, setTouched] = useState(false)
  const [test, setTest] = useState<ConnectionTestResult | null>(null)
  const save = useApiAction(api().sync.updateSettings)
  const check = useApiAction(api().sync.testConnection)
  const urlError = touched && serverUrl.trim() ? firstError(serverUrlSchema, serverUrl) : null
  const savedOrigin = originOf(initial.serverUrl)
  const typedOrigin = originOf(serverUrl)
  // Core sends the saved token only to the saved server (exact origin): another address needs its own.
  const otherServer =
    initial.tokenSet && savedOrigin !== null && typedOrigin !== null && typedOrigin !== savedOrigin
  const needsToken = otherServer && !token.trim()
  const tokenError = token.trim()
    ? firstError(syncTokenSchema, token)
    : touched && needsToken
      ? '该地址不是已保存的服务器，请填写该服务器的令牌'
      : null

  const onSave = async () => {
    setTouched(true)
    if (!serverUrl.trim() || firstError(serverUrlSchema, serverUrl) || tokenError || needsToken)
      return
    const r = await save.run({
      serverUrl: serverUrl.trim(),
      ...(token.trim() ? { token: token.trim() } : {}),
    })
    if (r.ok) {
      setToken('')
      notifySuccess('同步设置已保存')
      onSaved()
    }
  }
  const onTest = async () => {
    setTest(null)
    if (needsToken) {
      setTouched(true)
      return
    }
    const r = await check.run({
      ...(serverUrl.trim() && !firstError(serverUrlSchema, serverUrl)
        ? { serverUrl: serverUrl.trim() }
        : {}),
      ...(token.trim() && !tokenError ? { token: token.trim() } : {}),
    })
    if (r.ok) setTest(r.data)
  }
  const onClear = async () => {
    const r = await save.run({ clearToken: true })
    if (r.ok) {
      notifySuccess('令牌已清除，同步暂停')
      onSaved()
    }
  }

  return (
    <Stack gap="sm">
      <TextInput
        label="区级服务器地址"
        description="例如 https://sync.example.gov.cn（由区级管理员提供）"
        value={serverUrl}
        onChange={(e) => setServerUrl(e.currentTarget.value)}
        onBlur={() => setTouched(true)}
        error={urlError}
        maw={560}
      />
      <Group gap="xs" align="center">
        <Text fz="sm" fw={500}>
          部门令牌
        </Text>
        {initial.tokenSet ? (
          <Badge color="teal" variant="light" aria-label="令牌状态">
            已设置（尾号 {initial.tokenHint}）
          </Badge>
        ) : (
          <Badge color="gray" variant="light" aria-label="令牌状态">
            未设置
          </Badge>
        )}
      </Group>
      <PasswordInput
        label={initial.tokenSet ? '更换令牌' : '令牌'}
        aria-label="令牌"
        description="令牌由系统加密保存在本机，不写入数据库，也不会再显示出来。留空表示不修改。"
        placeholder={
          initial.tokenSet ? '留空则保留当前令牌' : '粘贴区级管理员发放的令牌（ddt_ 开头）'
        }
        value={token}
        onChange={(e) => setToken(e.currentTarget.value)}
        error={tokenError}
        maw={560}
        autoComplete="off"
      />
      {otherServer && (
        <Alert color="yellow" maw={640} data-testid="sync-other-server">
          已保存的令牌只发送给已保存的服务器（{savedOrigin}
          ）。测试或改用其他服务器地址时，请填写该服务器的令牌。
        </Alert>
      )}
      <Group gap="sm">
        <Button onClick={onSave} loading={save.busy}>
          保存
        </Button>
        <Button variant="default" onClick={onTest} loading={check.busy}>
          测试连接
        </Button>
        {initial.tokenSet && (
          <Button variant="subtle" color="red" onClick={onClear} disabled={save.busy}>
            清除令牌
          </Button>
        )}
      </Group>
      {test && (
        <Alert
          color={test.ok ? 'teal' : 'red'}
          title={test.ok ? '连接正常' : '连接有问题'}
          maw={640}
        >
          {test.message}
        </Alert>
      )}
    </Stack>
  )
}

/** Settings → 同步 (administrators): the district server's address and the department token. */
export function SyncSettingsPanel() {
  const settings = useApiQuery(() => api().sync.getSettings({}))
  return (
    <Paper withBorder p="lg" component="section" aria-label="同步设置">
      <Title order={3} fz="md" mb={4}>
        同步
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        审查通过的条目会自动报送到区级服务器。地址和令牌由区级管理员提供。
      </Text>
      {settings.error && <Alert color="red">{settings.error.message}</Alert>}
      {settings.loading && !settings.data && <Loader size="sm" />}
      {settings.data && (
        <SyncSettingsForm
          key={JSON.stringify(settings.data)}
          initial={settings.data}
          onSaved={settings.reload}
        />
      )}
    </Paper>
  )
}
