import { ActionIcon, Group, Table, Text, Tooltip } from '@mantine/core'
import { IconEdit, IconTrash } from '@tabler/icons-react'
import type { CatalogueEntry } from '../../../../shared/catalogue/types'
import { CATALOGUE_COLUMN_LABELS as L } from '../../../../shared/catalogue/labels'

const clamp = (text: string, lines = 2) => (
  <Text fz="sm" lineClamp={lines} title={text}>
    {text || '—'}
  </Text>
)

/** The 公开事项目录 as a table: the standard columns, 主体/渠道/对象/方式/层级 in one cell. */
export function CatalogueTable({
  entries,
  onEdit,
  onDelete,
}: {
  entries: CatalogueEntry[]
  onEdit: (entry: CatalogueEntry) => void
  onDelete: (entry: CatalogueEntry) => void
}) {
  return (
    <>
      {/* Fits 1024×700 without sideways scroll (issue 10): 主体/渠道/对象/方式/层级 share one cell. */}
      <Table.ScrollContainer minWidth={740} type="native">
        <Table aria-label="公开事项目录" fz="sm" verticalSpacing={8} striped="even" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={44}>{L.seq}</Table.Th>
              <Table.Th w={96}>{L.level1}</Table.Th>
              <Table.Th w={96}>{L.level2}</Table.Th>
              <Table.Th>{L.content}</Table.Th>
              <Table.Th>{L.basis}</Table.Th>
              <Table.Th w={130}>{L.timeLimit}</Table.Th>
              <Table.Th w={150}>
                {L.subject} · {L.method}
              </Table.Th>
              <Table.Th w={52} ta="right">
                条目
              </Table.Th>
              <Table.Th w={72} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id} aria-label={`${e.level1} ${e.level2}`.trim()}>
                <Table.Td c="dimmed">{e.seq}</Table.Td>
                <Table.Td fw={500}>{e.level1}</Table.Td>
                <Table.Td>{e.level2 || '—'}</Table.Td>
                <Table.Td>{clamp(e.content)}</Table.Td>
                <Table.Td>{clamp(e.basis)}</Table.Td>
                <Table.Td>
                  <Text fz="sm">{e.timeLimit || '—'}</Text>
                  <Text fz="xs" c={e.rule ? 'dimmed' : 'orange.7'}>
                    {e.ruleText}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {clamp(e.subject)}
                  <Text fz="xs" c="dimmed" lineClamp={2} title={e.channels}>
                    {L.channels}：{e.channels || '—'}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {[e.audience, e.method, e.level].filter(Boolean).join(' · ') || '—'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{e.itemCount}</Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <Tooltip label="编辑">
                      <ActionIcon
                        variant="subtle"
                        onClick={() => onEdit(e)}
                        aria-label={`编辑：${e.level1} ${e.level2}`}
                      >
                        <IconEdit size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="删除">
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => onDelete(e)}
                        aria-label={`删除：${e.level1} ${e.level2}`}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  )
}
