import {
  Alert,
  Button,
  Code,
  Group,
  List,
  Modal,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react'
import { REVIEW_DECISION_LABELS } from '../../../shared/review/labels'
import type { RestorePreview } from '../../../shared/backup/types'
import { formatDateTime } from '../../lib/format'

/** The rows of the 内容 table: what the backup holds next to what the app holds now. */
const COUNT_ROWS: { key: keyof RestorePreview['backup']; label: string }[] = [
  { key: 'items', label: '公开条目' },
  { key: 'users', label: '用户' },
  { key: 'attachments', label: '附件文件' },
  { key: 'auditEntries', label: '审计记录' },
]

/**
 * The second step of a restore (the file is already chosen): the backup's date and contents,
 * what restoring it sets aside (kept in replaced/), then 确认恢复 and the progress.
 */
export function RestoreConfirmModal({
  preview,
  busy,
  onConfirm,
  onClose,
}: {
  preview: RestorePreview
  busy: boolean
  onConfirm: () => void
  onClose: () => void
}) {
  const aside = preview.setAside
  const nothingAside = aside.decisionsTotal === 0 && aside.itemsChanged === 0
  return (
    <Modal
      opened
      onClose={busy ? () => {} : onClose}
      title="恢复备份"
      size="xl"
      closeOnClickOutside={!busy}
      closeOnEscape={!busy}
      withCloseButton={!busy}
    >
      <Stack gap="sm">
        <div>
          <Text fz="sm" c="dimmed">
            备份文件
          </Text>
          <Code block>{preview.file}</Code>
        </div>
        <Group gap="xl">
          <Text fz="sm">
            数据截至：<b>{preview.dataAsOf ? formatDateTime(preview.dataAsOf) : '（空）'}</b>
          </Text>
          <Text fz="sm">文件时间：{formatDateTime(preview.fileTime)}</Text>
          {preview.appVersion && <Text fz="sm">程序版本：{preview.appVersion}</Text>}
        </Group>

        <Table aria-label="备份内容" fz="sm" withTableBorder maw={460}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>内容</Table.Th>
              <Table.Th ta="right">备份中</Table.Th>
              <Table.Th ta="right">当前</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {COUNT_ROWS.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td ta="right">{preview.backup[r.key]}</Table.Td>
                <Table.Td ta="right">{preview.live[r.key]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>

        <Title order={4} fz="sm">
          恢复后将被搁置的当前数据
        </Title>
        {nothingAside ? (
          <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} p="sm">
            备份之后没有新的审查决定或条目修改。
          </Alert>
        ) : (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            p="sm"
            title={`${aside.decisionsTotal} 个审查决定、${aside.itemsChanged} 个条目的修改在备份之后，恢复后不再生效`}
          >
            {aside.decisions.length > 0 && (
              <List fz="sm" spacing={2} aria-label="将被搁置的审查决定">
                {aside.decisions.map((d, i) => (
                  <List.Item key={i}>
                    {formatDateTime(d.decidedAt)} {d.deciderName}「{d.stepName}」
                    {REVIEW_DECISION_LABELS[d.decision]}：{d.itemTitle}
                  </List.Item>
                ))}
              </List>
            )}
            {aside.decisionsTotal > aside.decisions.length && (
              <Text fz="sm">…… 另有 {aside.decisionsTotal - aside.decisions.length} 个</Text>
            )}
          </Alert>
        )}
        <Text fz="sm">
          当前数据库会完整另存到 <Code>{preview.keptIn}</Code>
          ，不会删除，需要时可以再恢复回来；备份之后的 {aside.auditEntries}{' '}
          条审计记录会作为「恢复前记录」保存在恢复后的审计日志中。恢复后所有用户需要重新登录。
        </Text>

        {busy && (
          <Stack gap={4} aria-live="polite">
            <Text fz="sm">正在恢复：校验备份、另存当前数据库、替换并重新打开……</Text>
            <Progress value={100} animated striped aria-label="恢复进度" />
          </Stack>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
            取消
          </Button>
          <Button color="orange" onClick={onConfirm} loading={busy}>
            确认恢复
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
