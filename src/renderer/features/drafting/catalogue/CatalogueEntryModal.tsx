import { Button, Grid, Group, Modal, NumberInput, Stack, TextInput, Textarea } from '@mantine/core'
import type { CatalogueEntry } from '../../../../shared/catalogue/types'
import { catalogueSaveSchema } from '../../../../shared/catalogue/schemas'
import { CATALOGUE_COLUMN_LABELS as L } from '../../../../shared/catalogue/labels'
import { api, notifySuccess } from '../../../api/client'
import { useApiAction } from '../../../api/hooks'
import { useZodForm } from '../../../lib/zod-form'

const blank = {
  level1: '',
  level2: '',
  content: '',
  basis: '',
  timeLimit: '',
  subject: '',
  channels: '',
  audience: '',
  method: '',
  level: '',
}

/** Adds (no `entry`) or edits one 公开事项目录 entry; core parses the 时限 on save. */
export function CatalogueEntryModal({
  entry,
  onClose,
  onSaved,
}: {
  entry: CatalogueEntry | null
  onClose: () => void
  onSaved: (entry: CatalogueEntry) => void
}) {
  const form = useZodForm(catalogueSaveSchema, {
    initialValues: {
      ...blank,
      ...(entry
        ? {
            level1: entry.level1,
            level2: entry.level2,
            content: entry.content,
            basis: entry.basis,
            timeLimit: entry.timeLimit,
            subject: entry.subject,
            channels: entry.channels,
            audience: entry.audience,
            method: entry.method,
            level: entry.level,
          }
        : {}),
      seq: entry?.seq as number | undefined,
    },
  })
  const save = useApiAction(api().catalogue.save)
  const submit = form.onSubmit(async (v) => {
    const result = await save.run({ ...v, ...(entry ? { id: entry.id } : {}) })
    if (result.ok) {
      notifySuccess(
        `已保存目录事项「${result.data.level1}${result.data.level2 ? ` / ${result.data.level2}` : ''}」`,
      )
      onSaved(result.data)
      onClose()
    }
  })
  const text = (field: keyof typeof blank, props: { placeholder?: string } = {}) => (
    <TextInput label={L[field]} {...props} {...form.getInputProps(field)} />
  )
  const area = (field: keyof typeof blank, placeholder?: string) => (
    <Textarea
      label={L[field]}
      autosize
      minRows={2}
      maxRows={6}
      placeholder={placeholder}
      {...form.getInputProps(field)}
    />
  )

  return (
    <Modal opened onClose={onClose} title={entry ? '编辑目录事项' : '新增目录事项'} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Grid gap="sm">
            <Grid.Col span={2}>
              <NumberInput
                label={L.seq}
                min={0}
                allowDecimal={false}
                placeholder="自动"
                value={form.values.seq ?? ''}
                onChange={(v) => form.setFieldValue('seq', typeof v === 'number' ? v : undefined)}
              />
            </Grid.Col>
            <Grid.Col span={5}>
              <TextInput
                label={L.level1}
                required
                data-autofocus
                placeholder="如：财政预决算"
                {...form.getInputProps('level1')}
              />
            </Grid.Col>
            <Grid.Col span={5}>{text('level2', { placeholder: '如：部门预算' })}</Grid.Col>
            <Grid.Col span={12}>{area('content', '公开内容（要素）')}</Grid.Col>
            <Grid.Col span={12}>{area('basis', '如：《中华人民共和国预算法》第十四条')}</Grid.Col>
            <Grid.Col span={6}>
              <TextInput
                label={L.timeLimit}
                placeholder="如：信息形成（变更）之日起20个工作日内"
                description="程序据此从成文日期计算公开到期日"
                {...form.getInputProps('timeLimit')}
              />
            </Grid.Col>
            <Grid.Col span={6}>{text('subject', { placeholder: '如：区财政局' })}</Grid.Col>
            <Grid.Col span={12}>
              {text('channels', { placeholder: '如：政府网站、公开查阅点' })}
            </Grid.Col>
            <Grid.Col span={4}>{text('audience', { placeholder: '全社会 / 特定群体' })}</Grid.Col>
            <Grid.Col span={4}>{text('method', { placeholder: '主动 / 依申请' })}</Grid.Col>
            <Grid.Col span={4}>{text('level', { placeholder: '县级 / 乡级' })}</Grid.Col>
          </Grid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit" loading={save.busy}>
              保存
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
