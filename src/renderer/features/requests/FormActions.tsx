import { Alert, Button, Group } from '@mantine/core'

/** The foot of every request form: core's refusal (Chinese, says why) above 取消 / submit. */
export function FormActions({
  error,
  errorTitle = '未能保存',
  busy,
  onCancel,
  submitLabel = '保存',
}: {
  error: string | null
  errorTitle?: string
  busy: boolean
  onCancel: () => void
  submitLabel?: string
}) {
  return (
    <>
      {error && (
        <Alert color="red" title={errorTitle}>
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          取消
        </Button>
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
      </Group>
    </>
  )
}
