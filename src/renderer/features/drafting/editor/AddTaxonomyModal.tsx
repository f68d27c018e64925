import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { z } from 'zod'
import type { Genre, TopicNode } from '../../../../shared/catalogue/types'
import { api, notifySuccess } from '../../../api/client'
import { useApiAction } from '../../../api/hooks'
import { useZodForm } from '../../../lib/zod-form'

const schema = z.object({
  label: z.string().trim().min(1, '请填写名称').max(40, '名称最多 40 个字符'),
})

/** 「新增分类」: a topic (under `parent`, or a new first level) or a 体裁. */
export function AddTaxonomyModal({
  what,
  parent,
  onClose,
  onAdded,
}: {
  what: 'topic' | 'genre'
  parent: TopicNode | null
  onClose: () => void
  onAdded: (added: TopicNode | Genre) => void
}) {
  const form = useZodForm(schema, { initialValues: { label: '' } })
  const addTopic = useApiAction(api().taxonomy.addTopic)
  const addGenre = useApiAction(api().taxonomy.addGenre)
  const title = what === 'genre' ? '新增体裁分类' : parent ? '新增二级主题分类' : '新增一级主题分类'

  const submit = form.onSubmit(async ({ label }) => {
    const result =
      what === 'genre'
        ? await addGenre.run({ label })
        : await addTopic.run({ parentId: parent?.id ?? null, label })
    if (result.ok) {
      notifySuccess(`已新增「${result.data.name}」`)
      onAdded(result.data)
      onClose()
    }
  })

  return (
    <Modal opened onClose={onClose} title={title} size="sm">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {what === 'topic' && parent && (
            <Text fz="sm" c="dimmed">
              上级分类：{parent.name}
            </Text>
          )}
          <TextInput label="名称" required data-autofocus {...form.getInputProps('label')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit" loading={addTopic.busy || addGenre.busy}>
              新增
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
