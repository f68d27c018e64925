import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core'
import { IconDatabaseExport, IconFolderOpen } from '@tabler/icons-react'
import { useState } from 'react'
import type { RestorePreview } from '../../../shared/backup/types'
import { api, notifySuccess } from '../../api/client'
import { useApiAction, useApiQuery } from '../../api/hooks'
import { useAppState } from '../../app/app-state'
import { formatBytes, formatDateTime } from '../../lib/format'
import { RestoreConfirmModal } from './RestoreConfirmModal'

/** Backups: make one now, list them, restore one (or a file chosen in a dialog). */
export function BackupPanel() {
  const { refresh } = useAppState()
  const backups = useApiQuery(() => api().backup.list({}))
  const create = useApiAction(api().backup.create)
  const inspect = useApiAction(api().backup.inspect)
  const restore = useApiAction(api().backup.restore)
  // The file is chosen (or taken from the list) first; then its preview asks for confirmation.
  const [preview, setPreview] = useState<RestorePreview | null>(null)

  const choose = async (file?: string) => {
    const r = await inspect.run(file ? { file } : {})
    if (r.ok && r.data) setPreview(r.data)
  }

  const backupNow = async () => {
    const r = await create.run({})
    if (r.ok && r.data) {
      notifySuccess(`备份已保存到 ${r.data.file}`)
      backups.reload()
    }
  }

  const doRestore = async () => {
    if (!preview) return
    const r = await restore.run({ token: preview.token })
    setPreview(null)
    if (r.ok && r.data) {
      notifySuccess(r.data.notice)
      await refresh()
    }
  }

  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={3} fz="md">
            备份与恢复
          </Title>
          <Text fz="sm" c="dimmed">
            备份文件包含本机全部数据。请定期把备份复制到单位指定的存储介质。
          </Text>
        </div>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconFolderOpen size={16} aria-hidden />}
            onClick={() => choose()}
            loading={inspect.busy}
          >
            从文件恢复…
          </Button>
          <Button
            leftSection={<IconDatabaseExport size={16} aria-hidden />}
            onClick={backupNow}
            loading={create.busy}
          >
            立即备份…
          </Button>
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={640} type="native">
        <Table aria-label="备份列表" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={190}>时间</Table.Th>
              <Table.Th w={70}>方式</Table.Th>
              <Table.Th w={90}>大小</Table.Th>
              <Table.Th>文件</Table.Th>
              <Table.Th w={80}>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.data?.map((b) => (
              <Table.Tr key={b.file}>
                <Table.Td className="dd-nowrap">{formatDateTime(b.createdAt)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={b.kind === 'auto' ? 'gray' : 'gov'}>
                    {b.kind === 'auto' ? '自动' : '手动'}
                  </Badge>
                </Table.Td>
                <Table.Td className="dd-nowrap">{formatBytes(b.sizeBytes)}</Table.Td>
                <Table.Td className="dd-mono">{b.file}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="light"
                    color="orange"
                    onClick={() => choose(b.file)}
                    disabled={inspect.busy}
                  >
                    恢复
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {backups.data?.length === 0 && (
        <Text c="dimmed" ta="center" p="md" fz="sm">
          还没有备份
        </Text>
      )}
      {preview && (
        <RestoreConfirmModal
          preview={preview}
          busy={restore.busy}
          onConfirm={doRestore}
          onClose={() => setPreview(null)}
        />
      )}
    </Paper>
  )
}
