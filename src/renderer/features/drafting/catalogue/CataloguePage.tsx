import { Alert, Anchor, Breadcrumbs, Button, Paper, Text } from '@mantine/core'
import { IconFileExport, IconFileImport, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { Link } from 'react-router'
import type { CatalogueEntry, CatalogueImportResult } from '../../../../shared/catalogue/types'
import { api, ApiError, notifySuccess, request } from '../../../api/client'
import { useApiQuery } from '../../../api/hooks'
import { PageHeader } from '../../../components/PageHeader'
import { ConfirmModal } from '../shared/confirm'
import { CatalogueEntryModal } from './CatalogueEntryModal'
import { CatalogueTable } from './CatalogueTable'

type Outcome =
  | { kind: 'imported'; result: CatalogueImportResult }
  | { kind: 'exported'; file: string; count: number }
  | { kind: 'error'; title: string; message: string }

/** 目录管理: the department's 主动公开事项目录 (standard columns), with .xlsx import/export. */
export function CataloguePage() {
  const entries = useApiQuery(() => api().catalogue.list({}))
  const [editing, setEditing] = useState<CatalogueEntry | 'new' | null>(null)
  const [deleting, setDeleting] = useState<CatalogueEntry | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [busy, setBusy] = useState<'import' | 'export' | null>(null)

  const importXlsx = async () => {
    setBusy('import')
    try {
      const result = await request(api().catalogue.importXlsx({}), { notify: false })
      if (result) {
        setOutcome({ kind: 'imported', result })
        entries.reload()
      }
    } catch (e) {
      if (e instanceof ApiError)
        setOutcome({ kind: 'error', title: '导入失败，目录未作任何修改', message: e.message })
    } finally {
      setBusy(null)
    }
  }
  const exportXlsx = async () => {
    setBusy('export')
    try {
      const result = await request(api().catalogue.exportXlsx({}))
      if (result) setOutcome({ kind: 'exported', file: result.file, count: result.count })
    } catch {
      // request() showed it.
    } finally {
      setBusy(null)
    }
  }

  return (
    <>
      <Breadcrumbs mb={6} fz="sm">
        <Anchor component={Link} to="/drafts" fz="sm">
          起草
        </Anchor>
        <Text fz="sm">目录管理</Text>
      </Breadcrumbs>
      <PageHeader
        title="公开事项目录"
        description="本单位的主动公开事项目录（基层政务公开标准目录）。条目归入目录事项后，按其公开时限从成文日期计算公开到期日。"
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} />}
              loading={busy === 'import'}
              onClick={() => void importXlsx()}
            >
              导入 .xlsx
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileExport size={16} />}
              loading={busy === 'export'}
              onClick={() => void exportXlsx()}
            >
              导出 .xlsx
            </Button>
            <Button
              data-primary-action
              leftSection={<IconPlus size={16} />}
              onClick={() => setEditing('new')}
            >
              新增事项
            </Button>
          </>
        }
      />
      {outcome && <OutcomeAlert outcome={outcome} onClose={() => setOutcome(null)} />}
      {entries.error && (
        <Alert color="red" mb="md">
          {entries.error.message}
        </Alert>
      )}
      <Paper withBorder>
        <CatalogueTable entries={entries.data ?? []} onEdit={setEditing} onDelete={setDeleting} />
        {entries.data?.length === 0 && (
          <Text c="dimmed" ta="center" p="lg" fz="sm">
            目录为空。可「新增事项」逐条录入，或「导入 .xlsx」导入区里下发的标准目录。
          </Text>
        )}
      </Paper>
      <Text fz="xs" c="dimmed" mt={6}>
        共 {entries.data?.length ?? 0} 项
      </Text>

      {editing && (
        <CatalogueEntryModal
          entry={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => entries.reload()}
        />
      )}
      {deleting && (
        <ConfirmModal
          title="删除目录事项"
          confirmLabel="删除"
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            try {
              await request(api().catalogue.delete({ id: deleting.id }), { notify: false })
              notifySuccess(`已删除目录事项「${deleting.level1}」`)
              entries.reload()
            } catch (e) {
              if (e instanceof ApiError)
                setOutcome({ kind: 'error', title: '不能删除', message: e.message })
            }
            setDeleting(null)
          }}
        >
          确定删除「{deleting.level1}
          {deleting.level2 ? ` / ${deleting.level2}` : ''}」吗？
          {deleting.itemCount > 0 &&
            ` 目前有 ${deleting.itemCount} 个条目归入此事项，须先把它们改归其他事项。`}
        </ConfirmModal>
      )}
    </>
  )
}

function OutcomeAlert({ outcome, onClose }: { outcome: Outcome; onClose: () => void }) {
  if (outcome.kind === 'error') {
    return (
      <Alert
        color="red"
        title={outcome.title}
        withCloseButton
        onClose={onClose}
        mb="md"
        role="alert"
      >
        {outcome.message}
      </Alert>
    )
  }
  if (outcome.kind === 'exported') {
    return (
      <Alert color="teal" title="导出完成" withCloseButton onClose={onClose} mb="md">
        已导出 {outcome.count} 项到 {outcome.file}
      </Alert>
    )
  }
  const { result } = outcome
  return (
    <Alert
      color="teal"
      title="导入完成"
      withCloseButton
      onClose={onClose}
      mb="md"
      role="status"
      aria-label="导入结果"
    >
      <Text fz="sm">
        已从 {result.file} 导入：新增 {result.added} 项，更新 {result.updated} 项。
      </Text>
      {result.unparsedTimeLimitRows.length > 0 && (
        <Text fz="sm" c="orange.8" mt={4}>
          第 {result.unparsedTimeLimitRows.join('、')}{' '}
          行的公开时限无法识别，这些事项下的条目不计算到期日，请改写为「……之日起20个工作日内」之类的规范表述。
        </Text>
      )}
    </Alert>
  )
}
