import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'

/** Confirms a restore; `file` undefined means the user will choose the backup file next. */
export function RestoreConfirmModal({
  file,
  busy,
  onConfirm,
  onClose,
}: {
  file: string | undefined
  busy: boolean
  onConfirm: () => void
  onClose: () => void
}) {
  return (
    <Modal opened onClose={onClose} title="恢复备份" size="lg">
      <Stack gap="sm">
        <Text fz="sm">
          {file
            ? '将用下面的备份替换当前数据：'
            : '接下来请选择要恢复的备份文件，它将替换当前数据。'}
        </Text>
        {file && <Code block>{file}</Code>}
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} p="sm">
          恢复前，程序会把当前数据库另存一份（不会删除），需要时可以再恢复回来。恢复后备份时间之后的修改将不再显示，所有用户需要重新登录。
        </Alert>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
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
