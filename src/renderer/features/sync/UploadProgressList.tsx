import { Badge, Group, Progress, Stack, Text } from '@mantine/core'
import type { SyncUploadView } from '../../../shared/sync/types'
import { formatBytes } from '../../lib/format'

const STATE: Record<SyncUploadView['state'], { label: string; color: string }> = {
  uploading: { label: '上传中', color: 'blue' },
  done: { label: '已送达', color: 'green' },
  failed: { label: '未送达', color: 'red' },
}

/**
 * Per-file progress of the attachment uploads (protocol v2): each file of the approved revisions
 * being sent, its bytes on the server, and why a file was refused (size, quota, damaged file).
 */
export function UploadProgressList({ files }: { files: readonly SyncUploadView[] }) {
  return (
    <Stack gap={6} mt="md" data-testid="sync-uploads" aria-label="附件上传进度">
      <Text fz="sm" fw={600}>
        附件上传（{files.filter((f) => f.state === 'done').length} / {files.length} 个已送达）
      </Text>
      {files.map((f) => {
        const state = STATE[f.state]
        const percent = f.size > 0 ? Math.min(100, (f.sentBytes / f.size) * 100) : 100
        return (
          <Stack key={f.sha256} gap={2} data-upload={f.sha256}>
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Text fz="xs" truncate title={f.name} style={{ minWidth: 0 }}>
                {f.name}
              </Text>
              <Group gap={6} wrap="nowrap">
                <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatBytes(f.sentBytes)} / {formatBytes(f.size)}
                </Text>
                <Badge size="xs" variant="light" color={state.color}>
                  {state.label}
                </Badge>
              </Group>
            </Group>
            <Progress
              size="xs"
              value={percent}
              color={state.color}
              aria-label={`「${f.name}」上传进度`}
            />
            {f.message && (
              <Text fz="xs" c={f.state === 'failed' ? 'red' : 'dimmed'}>
                {f.message}
              </Text>
            )}
          </Stack>
        )
      })}
    </Stack>
  )
}
