import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core'
import { useState } from 'react'
import { BREAKDOWN_FIELD_LABELS } from '../../../shared/schedule/labels'
import type { BreakdownField, ImportPreview, ImportResult } from '../../../shared/schedule/types'
import { api, request } from '../../api/client'

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
function letter(col: number): string {
  let n = col + 1
  let out = ''
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out
    n = Math.floor((n - 1) / 26)
  }
  return out
}

/** The columns the mapping step offers, in the order officers think of them. */
const MAPPED_FIELDS: BreakdownField[] = [
  'number',
  'category',
  'requirement',
  'leadUnit',
  'leadLeader',
  'deadline',
  'measures',
  'disclosureContent',
  'sectionOffice',
  'owner',
  'progress',
  'completion',
  'note',
]

/**
 * The mapping step: which column holds which field (recognised by name, changeable), the first
 * rows as they would import, and any problem (naming sheet, row and cell). Nothing is stored
 * until 「导入」; then the whole file goes in one transaction or not at all.
 */
export function ImportModal({
  preview,
  year,
  onClose,
  onImported,
}: {
  preview: ImportPreview | null
  year: number
  onClose: () => void
  onImported: (r: ImportResult) => void
}) {
  return (
    <Modal opened={preview !== null} onClose={onClose} title="导入重点工作分解表" size={900}>
      {preview && (
        <Body
          key={preview.token}
          initial={preview}
          year={year}
          onImported={onImported}
          onClose={onClose}
        />
      )}
    </Modal>
  )
}

function Body({
  initial,
  year,
  onImported,
  onClose,
}: {
  initial: ImportPreview
  year: number
  onImported: (r: ImportResult) => void
  onClose: () => void
}) {
  const [preview, setPreview] = useState(initial)
  const [mapping, setMapping] = useState(initial.mapping)
  const [mapped, setMapped] = useState(false)
  const [busy, setBusy] = useState(false)
  const columns = preview.headers.map((h, i) => ({
    value: String(i),
    label: `${letter(i)} 列${h ? `：${h}` : ''}`,
  }))
  /** Reads the held file again: with the mapping shown, or (another sheet) recognised afresh. */
  const remap = async (next: typeof mapping | undefined, sheet = preview.sheet) => {
    setBusy(true)
    try {
      const p = await request(
        api().schedule.importRemap({
          token: preview.token,
          year,
          sheet,
          ...(next ? { mapping: next } : {}),
        }),
      )
      setPreview(p)
      setMapping(p.mapping)
      setMapped(next !== undefined)
    } catch {
      // notified
    } finally {
      setBusy(false)
    }
  }
  const commit = async () => {
    setBusy(true)
    try {
      const r = await request(
        api().schedule.importCommit({
          token: preview.token,
          year,
          sheet: preview.sheet,
          ...(mapped || JSON.stringify(mapping) !== JSON.stringify(preview.mapping)
            ? { mapping }
            : {}),
        }),
      )
      onImported(r)
    } catch {
      // notified; the modal stays open so the officer can fix the mapping
    } finally {
      setBusy(false)
    }
  }
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Text fz="sm">
          文件：<b>{preview.fileName}</b>
        </Text>
        {preview.sheets.length > 1 && (
          <Select
            size="xs"
            aria-label="工作表"
            data={preview.sheets}
            value={preview.sheet}
            onChange={(s) => s && void remap(undefined, s)}
          />
        )}
        <Badge variant="light">{year} 年</Badge>
        <Text fz="sm" c="dimmed">
          识别到 {preview.taskCount} 项任务
          {preview.headerRow !== null ? `，表头在第 ${preview.headerRow + 1} 行` : ''}
        </Text>
      </Group>
      {preview.needsMapping && (
        <Alert color="orange" title="有的列没有认出来">
          请在下面指定哪一列是「重点任务」或「具体任务」，以及其他各列，再点「按此对应重新识别」。
        </Alert>
      )}
      {preview.warnings.map((w) => (
        <Alert key={w} color="yellow">
          {w}
        </Alert>
      ))}
      {preview.errors.length > 0 && (
        <Alert color="red" title="这个文件现在还不能导入">
          <Stack gap={2}>
            {preview.errors.slice(0, 8).map((e) => (
              <Text key={e} fz="sm">
                {e}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        {MAPPED_FIELDS.map((f) => (
          <Select
            key={f}
            size="xs"
            label={BREAKDOWN_FIELD_LABELS[f]}
            placeholder="（无此列）"
            clearable
            data={columns}
            value={mapping[f] === undefined ? null : String(mapping[f])}
            onChange={(v) => {
              const next = { ...mapping }
              if (v === null) delete next[f]
              else next[f] = Number(v)
              setMapping(next)
            }}
          />
        ))}
      </SimpleGrid>
      <Group justify="flex-end">
        <Button size="xs" variant="default" loading={busy} onClick={() => void remap(mapping)}>
          按此对应重新识别
        </Button>
      </Group>
      <div style={{ overflowX: 'auto' }}>
        <Table withTableBorder withColumnBorders fz="xs" miw={700} aria-label="导入预览">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={50}>行</Table.Th>
              <Table.Th w={60}>序号</Table.Th>
              <Table.Th>重点任务</Table.Th>
              <Table.Th>具体任务</Table.Th>
              <Table.Th>责任单位</Table.Th>
              <Table.Th w={110}>完成时限</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.sample.map((t) => (
              <Table.Tr key={t.row}>
                <Table.Td>{t.row + 1}</Table.Td>
                <Table.Td>{t.number}</Table.Td>
                <Table.Td>{t.category}</Table.Td>
                <Table.Td>{t.requirement}</Table.Td>
                <Table.Td>
                  {t.leadUnit}
                  {t.own && (
                    <Badge size="xs" ml={4} variant="outline">
                      本单位
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{t.deadline}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Text fz="xs" c="dimmed">
        标题行、填报单位/日期行、分节标题、空行和表下的注释不作为任务；合并的单元格适用于它跨过的每一行。再次导入修订后的分解表时，按序号和内容更新原任务，本单位已填的措施和进展保留。
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          取消
        </Button>
        <Button
          loading={busy}
          disabled={preview.errors.length > 0 || preview.taskCount === 0}
          onClick={() => void commit()}
        >
          导入 {preview.taskCount} 项任务
        </Button>
      </Group>
    </Stack>
  )
}
