import { Alert, Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { IconFileImport, IconTrash } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import type { ReviewKeyword } from '../../../../shared/review/types'
import { api, notifySuccess } from '../../../api/client'
import { useApiAction, useApiQuery } from '../../../api/hooks'
import { ConfirmModal } from '../../drafting/shared/confirm'
import { KeywordAddForm } from './KeywordAddForm'
import { KeywordsTable } from './KeywordsTable'

/**
 * 部门敏感词: the department's own words the scanner flags, with the severity of each — the add
 * form (KeywordAddForm), the list (KeywordsTable), and here the filter, import and removal.
 */
export function KeywordsPanel() {
  const keywords = useApiQuery(() => api().review.keywordsList({}))
  const [list, setList] = useState<ReviewKeyword[] | null>(null)
  const shown = useMemo(() => list ?? keywords.data ?? [], [list, keywords.data])
  const [filter, setFilter] = useState('')
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [mode, setMode] = useState<'merge' | 'replace'>('merge')
  const [confirm, setConfirm] = useState<'remove' | 'replace' | null>(null)
  const remove = useApiAction(api().review.keywordsRemove)
  const importFile = useApiAction(api().review.keywordsImport)

  const refresh = () => {
    setList(null)
    keywords.reload()
  }

  const visible = useMemo(() => {
    const q = filter.trim()
    return q ? shown.filter((k) => k.word.includes(q) || k.note?.includes(q)) : shown
  }, [filter, shown])

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

  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">
        扫描时除身份证号、手机号等通用规则外，还会查找本单位的敏感词（如内部项目代号、涉密工程名称）。
      </Text>
      <KeywordAddForm onAdded={refresh} />

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
      <KeywordsTable
        visible={visible}
        total={shown.length}
        loading={keywords.loading && !keywords.data}
        selected={selected}
        setSelected={setSelected}
      />
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
