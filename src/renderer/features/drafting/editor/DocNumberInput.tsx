import { Anchor, Stack, Text, TextInput, type TextInputProps } from '@mantine/core'
import { checkDocNumber, DOC_NUMBER_EXAMPLE } from '../../../../shared/doc-number'

/**
 * 发文字号 with the shared validator's message as the officer types, and its suggested correction
 * as a link that applies it.
 */
export function DocNumberInput({
  value,
  onChange,
  error: otherError,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange'> & {
  value: string
  onChange: (value: string) => void
}) {
  const check = checkDocNumber(value)
  const error = check.ok ? (
    otherError
  ) : (
    <Stack gap={2} align="flex-start">
      <span>{check.message}</span>
      {check.suggestion && (
        <Anchor
          component="button"
          type="button"
          fz="xs"
          fw={600}
          onClick={() => onChange(check.suggestion ?? value)}
        >
          改为「{check.suggestion}」
        </Anchor>
      )}
    </Stack>
  )
  return (
    <TextInput
      label="发文字号"
      placeholder={DOC_NUMBER_EXAMPLE}
      description={
        value.trim() === '' ? (
          <Text span fz="xs" c="dimmed">
            如 {DOC_NUMBER_EXAMPLE}；没有文号请填「无文号」
          </Text>
        ) : undefined
      }
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      {...props}
    />
  )
}
