import { Alert, Button, Group, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { PasswordResetNotice as Notice } from '../../../shared/accounts/types'
import { api, request } from '../../api/client'
import { formatDateTime } from '../../lib/format'

/**
 * 「您的密码已于 … 由管理员 … 重置」: shown to the owner of a password an administrator reset,
 * until they acknowledge it (or change the password). Core keeps the facts; an account reset after
 * an item was submitted cannot decide on that item.
 */
export function PasswordResetNotice() {
  const [notice, setNotice] = useState<Notice | null>(null)
  useEffect(() => {
    let live = true
    request(api().accounts.resetNotice({}), { notify: false }).then(
      (n) => live && setNotice(n),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  if (!notice) return null
  const acknowledge = () =>
    request(api().accounts.acknowledgeReset({})).then(
      () => setNotice(null),
      () => undefined,
    )
  return (
    <Alert color="orange" title="密码已被重置" data-testid="password-reset-notice">
      <Text fz="sm">
        您的密码已于 {formatDateTime(notice.resetAt)} 由管理员 {notice.resetByName}{' '}
        重置。如不是您本人要求的，请立即修改密码并告知单位负责人。重置之前已提交审查的条目，您不能再审查。
      </Text>
      <Group gap="xs" mt="xs">
        <Button size="xs" variant="light" color="orange" onClick={acknowledge}>
          我知道了
        </Button>
      </Group>
    </Alert>
  )
}
