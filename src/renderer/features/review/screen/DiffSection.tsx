import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { IconArrowsDiff } from '@tabler/icons-react'
import { useState } from 'react'
import type { ReviewView } from '../../../../shared/review/types'
import { DiffView } from '../../drafting/revisions/DiffView'

/** 版本对比: what changed since the revision the previous round reviewed. */
export function DiffSection({ data }: { data: ReviewView }) {
  const [open, setOpen] = useState(false)
  const previous = data.history[0]
  if (!data.diff) {
    return (
      <Text fz="sm" c="dimmed">
        {previous ? '与上次审查的版本相同。' : '首次提交审查，没有可对比的上次审查版本。'}
      </Text>
    )
  }
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fz="sm">
          上次审查：第 {data.diff.from} 版 → 本次：第 {data.diff.to} 版
        </Text>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconArrowsDiff size={14} />}
          onClick={() => setOpen(true)}
        >
          与上次审查版本对比
        </Button>
      </Group>
      <DiffView diff={data.diff} />
      {open && (
        <Modal
          opened
          onClose={() => setOpen(false)}
          size="90%"
          centered={false}
          yOffset="4vh"
          title={
            <Text fw={600}>
              与上次审查版本对比：第 {data.diff.from} 版 → 第 {data.diff.to} 版
            </Text>
          }
        >
          <DiffView diff={data.diff} />
        </Modal>
      )}
    </Stack>
  )
}
