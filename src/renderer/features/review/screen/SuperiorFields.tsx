import { Stack, TextInput, Textarea, Title } from '@mantine/core'

/** 上级答复: recording a referred review's superior answer (条例第十七条). */
export function SuperiorFields({
  authority,
  opinion,
  onAuthority,
  onOpinion,
  errors,
}: {
  authority: string
  opinion: string
  onAuthority: (v: string) => void
  onOpinion: (v: string) => void
  errors: { authority?: string | undefined; opinion?: string | undefined }
}) {
  return (
    <Stack gap="xs">
      <Title order={4} fz="sm">
        上级答复
      </Title>
      <TextInput
        label="上级机关"
        placeholder="如：区保密局"
        withAsterisk
        value={authority}
        onChange={(e) => onAuthority(e.currentTarget.value)}
        error={errors.authority}
        maxLength={60}
      />
      <Textarea
        label="答复意见"
        withAsterisk
        value={opinion}
        onChange={(e) => onOpinion(e.currentTarget.value)}
        error={errors.opinion}
        autosize
        minRows={2}
        maxLength={2000}
      />
    </Stack>
  )
}
