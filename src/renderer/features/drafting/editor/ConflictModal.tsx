import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'

/** Core refused a save because the item changed meanwhile (CONFLICT): reload or keep editing. */
export function ConflictModal({
  message,
  onReload,
  onClose,
}: {
  message: string
  onReload: () => void
  onClose: () => void
}) {
  return (
    <Modal opened onClose={onClose} title="保存冲突" size="md">
      <Stack gap="md">
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} p="sm">
          {message}
        </Alert>
        <Text fz="sm">
          重新载入会显示最新版本，您尚未保存的修改将被放弃；如需保留，请先选择「暂不载入」，复制您的修改后再重新载入。
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            暂不载入
          </Button>
          <Button color="orange" onClick={onReload}>
            重新载入最新版本
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
