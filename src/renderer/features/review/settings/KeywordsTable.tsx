import { Checkbox, ScrollArea, Table, Text } from '@mantine/core'
import type { ReviewKeyword } from '../../../../shared/review/types'
import { formatDateTime } from '../../../lib/format'
import { SeverityBadge } from '../shared/SeverityBadge'

/** The department's keywords, with a selection for 删除所选. */
export function KeywordsTable({
  visible,
  total,
  loading,
  selected,
  setSelected,
}: {
  visible: ReviewKeyword[]
  /** How many keywords the list holds before the filter. */
  total: number
  loading: boolean
  selected: Set<string>
  setSelected: (update: (s: Set<string>) => Set<string>) => void
}) {
  const allVisibleSelected = visible.length > 0 && visible.every((k) => selected.has(k.id))
  return (
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
                  setSelected(() =>
                    allVisibleSelected ? new Set() : new Set(visible.map((k) => k.id)),
                  )
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
                  {loading
                    ? '正在加载…'
                    : total === 0
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
  )
}
