import { ActionIcon, Alert, Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import {
  IconAlertTriangle,
  IconDownload,
  IconFileText,
  IconPaperclip,
  IconTrash,
} from '@tabler/icons-react'
import { useState } from 'react'
import type { AttachmentView, ItemView } from '../../../../shared/items/types'
import { api, ApiError, notifySuccess, request } from '../../../api/client'
import { formatBytes, formatDateTime } from '../../../lib/format'
import { ConfirmModal } from '../shared/confirm'
import { Panel } from './Panel'

const TEXT_STATUS: Record<AttachmentView['textStatus'], { label: string; color: string }> = {
  ok: { label: '已提取文字', color: 'teal' },
  none: { label: '无文字内容', color: 'gray' },
  failed: { label: '提取失败', color: 'orange' },
}

/** 附件: add (core opens the file dialog), save a copy, remove. */
export function AttachmentsPanel({
  view,
  readOnly,
  confirmRevision,
  ensureItem,
  onChanged,
}: {
  view: ItemView | null
  readOnly: boolean
  /** The officer confirmed starting a 修订稿 / withdrawing the review (sent with the change). */
  confirmRevision: boolean
  /** Creates the draft first when it was never saved (attachments need an item). */
  ensureItem: () => Promise<ItemView | null>
  onChanged: (item: ItemView) => void
}) {
  const [busy, setBusy] = useState(false)
  const [removing, setRemoving] = useState<AttachmentView | null>(null)
  /** Core's refusal (size, type …) stays readable here; the item itself is unchanged. */
  const [refused, setRefused] = useState<string | null>(null)
  const attachments = view?.attachments ?? []

  const add = async () => {
    setBusy(true)
    try {
      const item = view ?? (await ensureItem())
      if (!item) return
      setRefused(null)
      const result = await request(
        api().attachments.add({
          itemId: item.id,
          ...(confirmRevision ? { confirmRevision: true as const } : {}),
        }),
        {
          notify: false,
        },
      ).catch((e: unknown) => {
        if (e instanceof ApiError) setRefused(e.message)
        return null
      })
      if (!result) return
      onChanged(result.item)
      if (result.warnings.length > 0) {
        notifications.show({
          color: 'yellow',
          title: `附件「${result.attachment.name}」已添加`,
          message: result.warnings.join('；'),
          autoClose: 10_000,
        })
      } else {
        notifySuccess(
          result.deduplicated
            ? `附件「${result.attachment.name}」与已有文件相同，只保存一份`
            : `已添加附件「${result.attachment.name}」`,
        )
      }
    } finally {
      setBusy(false)
    }
  }

  const exportCopy = async (a: AttachmentView) => {
    const saved = await request(
      api().attachments.export({ itemId: a.itemId, attachmentId: a.id }),
    ).catch(() => null)
    if (saved) notifySuccess(`已另存为 ${saved}`)
  }

  return (
    <Panel
      label="附件"
      title={
        <Group gap={6}>
          <IconPaperclip size={16} aria-hidden />
          <span>{`附件（${attachments.length}）`}</span>
        </Group>
      }
      actions={
        !readOnly && (
          <Button size="compact-sm" variant="light" onClick={add} loading={busy}>
            添加附件
          </Button>
        )
      }
    >
      {refused && (
        <Alert
          color="red"
          variant="light"
          p="xs"
          mb="xs"
          title="附件未添加"
          withCloseButton
          onClose={() => setRefused(null)}
          role="alert"
        >
          <Text fz="xs" style={{ overflowWrap: 'anywhere' }}>
            {refused}
          </Text>
        </Alert>
      )}
      {attachments.length === 0 ? (
        <Text fz="xs" c="dimmed">
          尚无附件。支持 PDF、Word、WPS、Excel、图片、OFD 和 ZIP；可提取文字的附件可被全文检索。
        </Text>
      ) : (
        <Stack gap={6} role="list" aria-label="附件列表">
          {attachments.map((a) => {
            const status = TEXT_STATUS[a.textStatus]
            return (
              <Group
                key={a.id}
                role="listitem"
                aria-label={a.name}
                gap="xs"
                wrap="nowrap"
                align="flex-start"
                className="dd-attachment"
              >
                <IconFileText size={18} stroke={1.5} aria-hidden style={{ marginTop: 2 }} />
                <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                  <Text fz="sm" fw={500} truncate title={a.name}>
                    {a.name}
                  </Text>
                  <Group gap={6}>
                    <Text fz="xs" c="dimmed">
                      {a.ext.toUpperCase()} · {formatBytes(a.sizeBytes)}
                    </Text>
                    <Tooltip
                      label={
                        a.textWarning ??
                        `${formatDateTime(a.addedAt)} 由 ${a.addedByName ?? '—'} 添加`
                      }
                      multiline
                      maw={320}
                    >
                      <Badge
                        size="xs"
                        variant="light"
                        color={status.color}
                        leftSection={
                          a.textStatus === 'failed' ? <IconAlertTriangle size={10} /> : undefined
                        }
                      >
                        {status.label}
                      </Badge>
                    </Tooltip>
                  </Group>
                </Stack>
                <Tooltip label="另存为">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    onClick={() => void exportCopy(a)}
                    aria-label={`另存为：${a.name}`}
                  >
                    <IconDownload size={16} />
                  </ActionIcon>
                </Tooltip>
                {!readOnly && (
                  <Tooltip label="删除">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      onClick={() => setRemoving(a)}
                      aria-label={`删除附件：${a.name}`}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            )
          })}
        </Stack>
      )}
      {removing && (
        <ConfirmModal
          title="删除附件"
          confirmLabel="删除"
          danger
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            const item = await request(
              api().attachments.remove({
                itemId: removing.itemId,
                attachmentId: removing.id,
                ...(confirmRevision ? { confirmRevision: true as const } : {}),
              }),
            ).catch(() => null)
            if (item) {
              onChanged(item)
              notifySuccess(`已删除附件「${removing.name}」`)
            }
            setRemoving(null)
          }}
        >
          确定删除附件「{removing.name}」吗？删除会记入版本历史，可从历史版本恢复。
        </ConfirmModal>
      )}
    </Panel>
  )
}
