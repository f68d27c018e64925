import {
  Alert,
  Button,
  Checkbox,
  Group,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { IconFileImport, IconPlus, IconTrash } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { keywordAddSchema } from '../../../../shared/review/schemas'
import {
  REVIEW_SEVERITIES,
  type ReviewKeyword,
  type ReviewSeverity,
} from '../../../../shared/review/types'
import { SEVERITY_LABELS } from '../../../../shared/review/labels'
import { api, notifySuccess } from '../../../api/client'
import { useApiAction, useApiQuery } from '../../../api/hooks'
import { formatDateTime } from '../../../lib/format'
import { useZodForm } from '../../../lib/zod-form'
import { ConfirmModal } from '../../drafting/shared/confirm'
import { SeverityBadge } from '../shared/SeverityBadge'

const SEVERITY_OPTIONS = REVIEW_SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))

/** 部门敏感词: the department's own words the scanner flags, with the severity of each. */
export function KeywordsPanel() {
  const keywords = useApiQuery(() => api().review.keywordsList({}))
  const [list, setList] = useState<ReviewKeyword[] | null>(null)
  const shown = useMemo(() => list ?? keywords.data ?? [], [list, keywords.data])
  const [filter, setFilter] = useState('')
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [mode, setMode] = useState<'merge' | 'replace'>('merge')
  const [confirm, setConfirm] = useState<'remove' | 'replace' | null>(null)
  const add = useApiAction(api().review.keywordsAdd)
  const remove = useApiAction(api().review.keywordsRemove)
  const importFile = useApiAction(api().review.keywordsImport)
  const form = useZodForm(keywordAddSchema, {
    initialValues: { word: '', severity: 'high' as ReviewSeverity, note: '' },
  })

  const refresh = () => {
    setList(null)
    keywords.reload()
  }

  const visible = useMemo(() => {
    const q = filter.trim()
    return q ? shown.filter((k) => k.word.includes(q) || k.note?.includes(q)) : shown
  }, [filter, shown])

  const submit = form.onSubmit(async (data) => {
    const r = await add.run(data)
    if (!r.ok) {
      form.setFieldError('word', r.error.message)
      return
    }
    notifySuccess(`已添加敏感词「${r.data.word}」`)
    form.reset()
    refresh()
  })

  const runImport = async () => {
    const r = await importFile.run({ mode })
    setConfirm(null)
    if (r.ok && r.data) {
      notifySuccess(
        `已导入 ${r.data.format === 'xlsx' ? 'Excel' : '文本'}词表：新增 ${r.data.added} 个，更新 ${r.data.updated} 个，未变 ${r.data.unchanged} 个，共 ${r.data.total} 个`,
      )
      refresh()
    }
  }

  const runRemove = async () => {
    const r = await remove.run({ ids: [...selected] })
    setConfirm(null)
    if (r.ok) {
      notifySuccess(`已删除 ${selected.size} 个敏感词`)
      setSelected(new Set())
      setList(r.data)
    }
  }

  const allVisibleSelected = visible.length > 0 && visible.every((k) => selected.has(k.id))
  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">
        扫描时除身份证号、手机号等通用规则外，还会查找本单位的敏感词（如内部项目代号、涉密工程名称）。
      </Text>
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

      <Group justify="space-between" gap="xs">
        <TextInput
          placeholder="筛选"
          aria-label="筛选敏感词"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          w={200}
          size="xs"
        />
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            aria-label="导入方式"
            value={mode}
            onChange={(v) => setMode(v as 'merge' | 'replace')}
            data={[
              { value: 'merge', label: '合并到现有词表' },
              { value: 'replace', label: '替换现有词表' },
            ]}
          />
          <Button
            size="xs"
            variant="default"
            leftSection={<IconFileImport size={14} />}
            loading={importFile.busy}
            onClick={() => (mode === 'replace' ? setConfirm('replace') : void runImport())}
          >
            导入 .txt / .xlsx
          </Button>
          <Button
            size="xs"
            variant="light"
            color="red"
            leftSection={<IconTrash size={14} />}
            disabled={selected.size === 0}
            onClick={() => setConfirm('remove')}
          >
            删除所选{selected.size > 0 ? `（${selected.size}）` : ''}
          </Button>
        </Group>
      </Group>
      <Text fz="xs" c="dimmed">
        文本文件每行一个词，# 开头的行为注释，可在词后用制表符隔开写级别（阻断/高/警告/提示）；Excel
        读取第一列。
      </Text>

      {keywords.error && <Alert color="red">{keywords.error.message}</Alert>}
      <ScrollArea.Autosize mah={360}>
        <Table aria-label="敏感词" fz="sm" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>
                <Checkbox
                  aria-label="全选"
                  checked={allVisibleSelected}
                  indeterminate={!allVisibleSelected && visible.some((k) => selected.has(k.id))}
                  onChange={() =>
                    setSelected(allVisibleSelected ? new Set() : new Set(visible.map((k) => k.id)))
                  }
                />
              </Table.Th>
              <Table.Th>关键词</Table.Th>
              <Table.Th w={80}>级别</Table.Th>
              <Table.Th>说明</Table.Th>
              <Table.Th w={220}>添加</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text fz="sm" c="dimmed" ta="center" py="sm">
                    {keywords.loading && !keywords.data
                      ? '正在加载…'
                      : shown.length === 0
                        ? '尚未添加本单位的敏感词。'
                        : '没有符合条件的敏感词'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              visible.map((k) => (
                <Table.Tr key={k.id} aria-label={k.word}>
                  <Table.Td>
                    <Checkbox
                      aria-label={`选择：${k.word}`}
                      checked={selected.has(k.id)}
                      onChange={() =>
                        setSelected((s) => {
                          const next = new Set(s)
                          if (next.has(k.id)) next.delete(k.id)
                          else next.add(k.id)
                          return next
                        })
                      }
                    />
                  </Table.Td>
                  <Table.Td fw={500}>{k.word}</Table.Td>
                  <Table.Td>
                    <SeverityBadge severity={k.severity} size="sm" />
                  </Table.Td>
                  <Table.Td c="dimmed">{k.note ?? ''}</Table.Td>
                  <Table.Td c="dimmed" fz="xs">
                    {formatDateTime(k.createdAt)} {k.createdByName ?? ''}
                  </Table.Td>
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <Text fz="xs" c="dimmed">
        共 {shown.length} 个
      </Text>

      {confirm === 'remove' && (
        <ConfirmModal
          title="删除敏感词"
          confirmLabel="删除"
          danger
          onClose={() => setConfirm(null)}
          onConfirm={runRemove}
        >
          将删除所选的 {selected.size} 个敏感词。之后的扫描不再查找它们。
        </ConfirmModal>
      )}
      {confirm === 'replace' && (
        <ConfirmModal
          title="替换敏感词表"
          confirmLabel="选择文件并替换"
          danger
          onClose={() => setConfirm(null)}
          onConfirm={runImport}
        >
          导入的文件将替换现有的全部 {shown.length} 个敏感词。
        </ConfirmModal>
      )}
    </Stack>
  )
}
