import { Button, Group, Select, TextInput } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { keywordAddSchema } from '../../../../shared/review/schemas'
import { REVIEW_SEVERITIES, type ReviewSeverity } from '../../../../shared/review/types'
import { SEVERITY_LABELS } from '../../../../shared/review/labels'
import { api, notifySuccess } from '../../../api/client'
import { useApiAction } from '../../../api/hooks'
import { useZodForm } from '../../../lib/zod-form'

const SEVERITY_OPTIONS = REVIEW_SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))

/** 添加敏感词: one word with its severity and note, checked by the shared keywordAddSchema. */
export function KeywordAddForm({ onAdded }: { onAdded: () => void }) {
  const add = useApiAction(api().review.keywordsAdd)
  const form = useZodForm(keywordAddSchema, {
    initialValues: { word: '', severity: 'high' as ReviewSeverity, note: '' },
  })
  const submit = form.onSubmit(async (data) => {
    const r = await add.run(data)
    if (!r.ok) {
      form.setFieldError('word', r.error.message)
      return
    }
    notifySuccess(`已添加敏感词「${r.data.word}」`)
    form.reset()
    onAdded()
  })
  return (
    <form onSubmit={submit} aria-label="添加敏感词">
      <Group gap="xs" align="flex-start">
        <TextInput
          label="关键词"
          placeholder="如：某某工程"
          {...form.getInputProps('word')}
          w={200}
          maxLength={100}
        />
        <Select
          label="级别"
          data={SEVERITY_OPTIONS}
          value={form.values.severity}
          onChange={(v) => v && form.setFieldValue('severity', v as ReviewSeverity)}
          allowDeselect={false}
          w={110}
        />
        <TextInput
          label="说明"
          placeholder="选填"
          {...form.getInputProps('note')}
          style={{ flex: 1 }}
          maxLength={200}
        />
        <Button type="submit" mt={25} leftSection={<IconPlus size={16} />} loading={add.busy}>
          添加
        </Button>
      </Group>
    </form>
  )
}
