import { Alert, Center, Group, Loader, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { formatDateTime } from '../../../lib/format'

/**
 * The loading / error / loaded frame of a versioned settings editor (审查流程, 审查清单): an error
 * alert before the first answer, a loader while waiting, else the form for the loaded version.
 */
export function VersionedLoader<T>({
  query,
  loadingLabel,
  children,
}: {
  query: { data: T | undefined; error: { message: string } | undefined | null }
  loadingLabel: string
  children: (data: T) => ReactNode
}) {
  if (query.error && !query.data) return <Alert color="red">{query.error.message}</Alert>
  if (!query.data) {
    return (
      <Center h={120}>
        <Loader size="sm" aria-label={loadingLabel} />
      </Center>
    )
  }
  return <>{children(query.data)}</>
}

/** 「当前为第 N 版 · 时间 保存人」 and what saving changes, above a versioned settings editor. */
export function VersionHeader({
  testId,
  version,
  at,
  by,
  note,
}: {
  testId: string
  version: number
  at: string
  by: string | null
  note: string
}) {
  return (
    <Group justify="space-between">
      <Text fz="sm" data-testid={testId}>
        当前为第 {version} 版
        <Text span c="dimmed" fz="xs">
          {' '}
          · {formatDateTime(at)} {by ?? '系统内置'}
        </Text>
      </Text>
      <Text fz="xs" c="dimmed">
        {note}
      </Text>
    </Group>
  )
}
