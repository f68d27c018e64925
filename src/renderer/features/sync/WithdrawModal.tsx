import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import type { SyncedItemView } from '../../../shared/sync/types'
import { api, notifySuccess } from '../../api/client'
import { useApiAction } from '../../api/hooks'

/** 撤回: asks for the reason; the item becomes 已撤回 and the district is told at the next sync. */
export function WithdrawModal({
  item,
  onClose,
  onDone,
}: {
  item: SyncedItemView
  onClose: () => void
  onDone: () => void
}) {
  const [reason, setReason] = useState('')
  const withdraw = useApiAction(api().sync.withdraw)
  const valid = reason.trim().length >= 2
  return (
    <Modal opened onClose={onClose} title="撤回条目" centered>
      <Stack>
        <Text fz="sm">
          撤回「{item.title}
          」后，本条目变为「已撤回」，并在下次同步时通知区级服务器撤下。如需重新公开，请修改后重新提交审查。
        </Text>
        <Textarea
          label="撤回原因"
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button
            color="red"
            disabled={!valid}
            loading={withdraw.busy}
            onClick={async () => {
              const r = await withdraw.run({ id: item.itemId, reason: reason.trim() })
              if (r.ok) {
                notifySuccess('已撤回，将在下次同步时通知区级服务器')
                onDone()
              }
            }}
          >
            撤回
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
