import { Badge, Group, Progress, Stack, Text } from '@mantine/core'
import type { SyncUploadView } from '../../../shared/sync/types'
import { formatBytes } from '../../lib/format'

const STATE: Record<SyncUploadView['state'], { label: string; color: string }> = {
  uploading: { label: '上传中', color: 'blue' },
  done: { label: '完成', color: 'green' },
  failed: { label: '未送达', color: 'red' },
}

/** 「已传 3.5 / 12.0 MB」: both figures in the unit of the file's size. */
export function sentOfSize(sent: number, size: number): string {
  const whole = formatBytes(size)
  const unit = /\s(\S+)$/.exec(whole)?.[1] ?? 'B'
  if (unit === 'B') return `已传 ${sent} / ${size} B`
  const factor = 1024 ** (['KB', 'MB', 'GB'].indexOf(unit) + 1)
  const digits = size / factor < 10 ? 1 : 0
  return `已传 ${(Math.min(sent, size) / factor).toFixed(digits)} / ${whole}`
}

/**
 * Per-file progress of the attachment uploads (protocol v2): each file of the approved revisions
 * being sent, its bytes on the server, and why a file was refused (size, quota, damaged file). A
 * 补传 file belongs to an item the district already holds (sent before its files could be).
 */
export function UploadProgressList({ files }: { files: readonly SyncUploadView[] }) {
  return (
    <Stack gap={6} mt="md" data-testid="sync-uploads" aria-label="附件上传进度">
      <Text fz="sm" fw={600}>
        附件上传（{files.filter((f) => f.state === 'done').length} / {files.length} 个完成）
      </Text>
      {files.map((f) => {
        const state = STATE[f.state]
        const percent = f.size > 0 ? Math.min(100, (f.sentBytes / f.size) * 100) : 100
        return (
          <Stack key={f.sha256} gap={2} data-upload={f.sha256} aria-label={`附件「${f.name}」`}>
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                <Text fz="xs" truncate title={f.name} style={{ minWidth: 0 }}>
                  {f.name}
                </Text>
                {f.backfill && (
                  <Badge
                    size="xs"
                    variant="outline"
                    color="teal"
                    title="该条目早先已报送，区级缺少此文件，现补传"
                  >
                    补传
                  </Badge>
                )}
              </Group>
              <Group gap={6} wrap="nowrap">
                <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-upload-bytes>
                  {sentOfSize(f.sentBytes, f.size)}
                  {f.state === 'uploading' ? `（${Math.floor(percent)}%）` : ''}
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
