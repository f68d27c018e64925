import {
  Alert,
  Button,
  Group,
  Modal,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core'
import { useState } from 'react'
import { IMPORT_FIELD_LABELS } from '../../../shared/requests/labels'
import { IMPORT_FIELDS, type ImportField, type ImportPreview } from '../../../shared/requests/types'
import { api, errorMessage, notifySuccess } from '../../api/client'
import { useApiAction } from '../../api/hooks'
import { announceRequestsChanged } from './ui-labels'

const REQUIRED: ImportField[] = ['receivedDate', 'applicantType', 'content']

/**
 * 导入台账: choose a file, check the column mapping (recognised by name, adjustable), see the
 * first rows and the first error (row and cell) — then import all or nothing.
 */
export function ImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const open = useApiAction(api().requests.importPreview, { notify: false })
  const commit = useApiAction(api().requests.importCommit, { notify: false })
  const close = () => {
    setPreview(null)
    setError(null)
    onClose()
  }
  const choose = async () => {
    setError(null)
    const r = await open.run({})
    if (r.ok) setPreview(r.data)
    else setError(errorMessage(r.error))
  }
  const remap = async (field: ImportField, col: string | null) => {
    if (!preview) return
    const mapping = { ...preview.mapping }
    if (col === null) delete mapping[field]
    else mapping[field] = Number(col)
    const r = await open.run({ importId: preview.importId, mapping })
    if (r.ok && r.data) setPreview(r.data)
    else if (!r.ok) setError(errorMessage(r.error))
  }
  const run = async () => {
    if (!preview) return
    const r = await commit.run({ importId: preview.importId, mapping: preview.mapping })
    if (r.ok) {
      announceRequestsChanged()
      notifySuccess(
        `已导入 ${r.data.imported} 件申请（已办结 ${r.data.answered} 件，办理中 ${r.data.open} 件）`,
      )
      close()
    } else setError(errorMessage(r.error))
  }
  const columns = (preview?.headers ?? []).map((h, i) => ({
    value: String(i),
    label: `${preview?.columns[i] ?? ''} 列：${h || '（空）'}`,
  }))

  return (
    <Modal opened={opened} onClose={close} title="导入申请登记台账" size="xl">
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">
          支持
          .xlsx、.xls、.csv。按列名识别：编号、收到日期、申请人类型、申请方式、申请内容、答复日期、办理结果（年度报告表三的结果，如“予以公开”“部分公开”“属于国家秘密”“重复申请”“其他”）；答复日期为空表示仍在办理。任何一行有误，整个文件都不导入。
        </Text>
        <Group>
          <Button
            variant={preview ? 'default' : 'filled'}
            onClick={() => void choose()}
            loading={open.busy && !preview}
          >
            {preview ? '重新选择文件' : '选择文件…'}
          </Button>
          {preview && (
            <Text fz="sm">
              {preview.fileName} · 工作表「{preview.sheetName}」 · 表头在第 {preview.headerRow + 1}{' '}
              行
            </Text>
          )}
        </Group>
        {preview && (
          <>
            <Text fz="sm" fw={600}>
              列对应
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
              {IMPORT_FIELDS.map((f) => (
                <Select
                  key={f}
                  label={IMPORT_FIELD_LABELS[f][0]}
                  required={REQUIRED.includes(f)}
                  size="xs"
                  data={columns}
                  value={preview.mapping[f] === undefined ? null : String(preview.mapping[f])}
                  onChange={(v) => void remap(f, v)}
                  clearable={!REQUIRED.includes(f)}
                  placeholder="（不导入）"
                />
              ))}
            </SimpleGrid>
            <Text fz="sm" fw={600}>
              预览（前 {preview.sample.length} 行）
            </Text>
            <ScrollArea>
              <Table fz="xs" withTableBorder striped aria-label="导入预览">
                <Table.Thead>
                  <Table.Tr>
                    {IMPORT_FIELDS.map((f) => (
                      <Table.Th key={f} className="dd-nowrap">
                        {IMPORT_FIELD_LABELS[f][0]}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.sample.map((row, i) => (
                    <Table.Tr key={i}>
                      {IMPORT_FIELDS.map((f) => (
                        <Table.Td key={f}>{row[f]}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            {preview.error ? (
              <Alert color="red" title="这个文件不能导入">
                {preview.error}
              </Alert>
            ) : (
              <Alert color="teal" title="可以导入">
                共 {preview.rowCount} 件申请。
              </Alert>
            )}
          </>
        )}
        {error && (
          <Alert color="red" title="操作未完成">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            取消
          </Button>
          <Button
            onClick={() => void run()}
            disabled={!preview || preview.error !== null}
            loading={commit.busy}
          >
            导入
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
