import { Alert, Button, Group, Text } from '@mantine/core'
import { IconPencil } from '@tabler/icons-react'
import { useState } from 'react'
import type { ItemView } from '../../../../shared/items/types'
import { editConfirmQuestion, editConfirmTitle } from '../../../../shared/items/revision-state'
import { ConfirmModal } from '../shared/confirm'

/**
 * 修订稿 (issue 10): a 待审查 / 已通过 / 已同步 item opens read-only with this banner; 「修改」 asks
 * first (「修改将撤回本次审查……」 / 「已通过的第 N 版保持不变……」), so a stray keystroke voids
 * nothing. The same text is core's refusal of an unconfirmed change.
 */
export function EditConfirmBanner({ view, onConfirm }: { view: ItemView; onConfirm: () => void }) {
  const [asking, setAsking] = useState(false)
  const pending = view.status === 'pending_review'
  return (
    <>
      <Alert color={pending ? 'yellow' : 'blue'} variant="light" aria-label="修改前须确认">
        <Group justify="space-between" wrap="nowrap" gap="md">
          <Text fz="sm">
            {pending
              ? '该条目正在审查中，内容已锁定。'
              : '该条目已审查通过，内容已锁定；修改将另起修订稿，已通过的版本继续生效。'}
          </Text>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPencil size={14} />}
            onClick={() => setAsking(true)}
            style={{ flexShrink: 0 }}
          >
            {pending ? '撤回审查并修改' : '修改（开始修订稿）'}
          </Button>
        </Group>
      </Alert>
      {asking && (
        <ConfirmModal
          title={editConfirmTitle(view.status)}
          confirmLabel={pending ? '撤回审查并修改' : '开始修订稿'}
          danger={pending}
          onClose={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false)
            onConfirm()
          }}
        >
          {editConfirmQuestion(view.status, view.revision)}
        </ConfirmModal>
      )}
    </>
  )
}
