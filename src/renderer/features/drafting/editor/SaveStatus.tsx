import { Group, Loader, Text, Tooltip } from '@mantine/core'
import { IconAlertCircle, IconCircleCheck, IconPencil } from '@tabler/icons-react'
import type { SaveState } from './use-item-session'

/** 「已自动保存 HH:mm:ss」/「保存中…」/ the error, next to the save button. */
export function SaveStatus({
  state,
  revision,
  compact = false,
}: {
  state: SaveState
  revision: number | null
  /** A narrow header (1024 px): cut to one short line, whole in the tooltip and for readers. */
  compact?: boolean
}) {
  const body = (() => {
    switch (state.kind) {
      case 'idle':
        return revision ? (
          <Text fz="xs" c="dimmed">
            第 {revision} 版
          </Text>
        ) : (
          <Text fz="xs" c="dimmed">
            输入内容后自动保存
          </Text>
        )
      case 'dirty':
        return (
          <>
            <IconPencil size={14} aria-hidden />
            <Text fz="xs" c="dimmed">
              有未保存的修改
            </Text>
          </>
        )
      case 'saving':
        return (
          <>
            <Loader size={12} />
            <Text fz="xs" c="dimmed">
              保存中…
            </Text>
          </>
        )
      case 'saved':
        return (
          <>
            <IconCircleCheck size={14} color="var(--mantine-color-teal-7)" aria-hidden />
            <Text fz="xs" c="dimmed">
              {state.auto ? `已自动保存 ${state.at}` : `已保存 ${state.at}`}
              {revision ? `（第 ${revision} 版）` : ''}
            </Text>
          </>
        )
      case 'error':
        return (
          <Tooltip label={state.message} multiline maw={360}>
            <Group gap={4} wrap="nowrap">
              <IconAlertCircle size={14} color="var(--mantine-color-red-7)" aria-hidden />
              <Text fz="xs" c="red.7" truncate maw={280}>
                保存失败：{state.message}
              </Text>
            </Group>
          </Tooltip>
        )
    }
  })()
  const status = (
    <Group
      gap={4}
      wrap="nowrap"
      role="status"
      aria-live="polite"
      data-testid="save-status"
      className={compact ? 'dd-save-status-compact' : undefined}
    >
      {body}
    </Group>
  )
  if (!compact || state.kind === 'error') return status
  return (
    <Tooltip label={<Group gap={4}>{body}</Group>} openDelay={300}>
      {status}
    </Tooltip>
  )
}
