import { Alert, Group, Stack, Text } from '@mantine/core'
import type { ReviewScanResult } from '../../../../shared/review/types'
import { SeverityCountBadges } from '../shared/SeverityBadge'

/** The scanner's counts before the self-check, so blockers are dealt with before submitting. */
export function ScanSummary({ title, scan }: { title: string; scan: ReviewScanResult }) {
  return (
    <Stack gap={4}>
      <Text fz="sm">
        「{title || '（无标题）'}」第 {scan.revision} 版
      </Text>
      <Group gap="xs">
        <Text fz="sm" c="dimmed">
          保密检查：
        </Text>
        <SeverityCountBadges counts={scan.counts} />
      </Group>
      {scan.counts.blocker > 0 && (
        <Alert color="red" variant="light" p="xs">
          存在阻断项（如密级标志），审核人不能同意公开。请先在「保密检查」中处理。
        </Alert>
      )}
      {scan.counts.blocker === 0 && scan.counts.high > 0 && (
        <Alert color="orange" variant="light" p="xs">
          存在高风险发现（如个人信息），建议先「遮盖」；保留的，审核人须逐项说明理由。
        </Alert>
      )}
    </Stack>
  )
}
