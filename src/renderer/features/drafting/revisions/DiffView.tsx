import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { Fragment, useState } from 'react'
import type { DiffPart, DiffRow, ItemDiff } from '../../../../shared/items/types'
import { foldUnchanged } from './diff-rows'

function Parts({ parts, side }: { parts: DiffPart[]; side: 'left' | 'right' }) {
  return (
    <>
      {parts.map((p, i) =>
        p.op === 'same' ? (
          <Fragment key={i}>{p.text}</Fragment>
        ) : (p.op === 'removed' && side === 'left') || (p.op === 'added' && side === 'right') ? (
          <mark key={i} className={p.op === 'added' ? 'dd-diff-ins' : 'dd-diff-del'}>
            {p.text}
          </mark>
        ) : null,
      )}
    </>
  )
}

function Cell({ row, side }: { row: DiffRow; side: 'left' | 'right' }) {
  const text = side === 'left' ? row.left : row.right
  const no = side === 'left' ? row.leftNo : row.rightNo
  const parts = side === 'left' ? row.leftParts : row.rightParts
  const tone =
    text === null ? 'empty' : row.op === 'same' ? 'same' : side === 'left' ? 'removed' : 'added'
  return (
    <>
      <div className={`dd-diff-no dd-diff-${tone}`}>{no ?? ''}</div>
      <div className={`dd-diff-text dd-diff-${tone}`}>
        {text === null ? (
          ''
        ) : row.op === 'changed' && parts ? (
          <Parts parts={parts} side={side} />
        ) : (
          text
        )}
      </div>
    </>
  )
}

/** Metadata changes as a table, then the body side by side: deletions red, additions green. */
export function DiffView({ diff }: { diff: ItemDiff }) {
  const [expanded, setExpanded] = useState<Set<number>>(new Set())
  const blocks = foldUnchanged(diff.body)
  const added = diff.body.filter((r) => r.op === 'added' || r.op === 'changed').length
  const removed = diff.body.filter((r) => r.op === 'removed' || r.op === 'changed').length
  return (
    <Stack gap="md">
      <section aria-label="元数据变化">
        <Text fw={600} fz="sm" mb={6}>
          元数据
        </Text>
        {diff.fields.length === 0 ? (
          <Text fz="sm" c="dimmed">
            元数据无变化
          </Text>
        ) : (
          <Paper withBorder>
            <Table fz="sm" highlightOnHover={false} aria-label="元数据变化">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={140}>字段</Table.Th>
                  <Table.Th>第 {diff.from} 版</Table.Th>
                  <Table.Th>第 {diff.to} 版</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {diff.fields.map((f) => (
                  <Table.Tr key={f.field}>
                    <Table.Td fw={500}>{f.label}</Table.Td>
                    <Table.Td className="dd-diff-removed">{f.before || '（空）'}</Table.Td>
                    <Table.Td className="dd-diff-added">{f.after || '（空）'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </section>
      <section aria-label="正文变化">
        <Group gap="xs" mb={6}>
          <Text fw={600} fz="sm">
            正文
          </Text>
          {added > 0 && (
            <Badge size="sm" color="teal" variant="light">
              新增/修改 {added} 段
            </Badge>
          )}
          {removed > 0 && (
            <Badge size="sm" color="red" variant="light">
              删除/修改 {removed} 段
            </Badge>
          )}
        </Group>
        {diff.bodySame ? (
          <Text fz="sm" c="dimmed">
            正文无变化
          </Text>
        ) : (
          <Paper withBorder className="dd-diff" role="table" aria-label="正文对比">
            <div className="dd-diff-head">
              <div />
              <div>第 {diff.from} 版</div>
              <div />
              <div>第 {diff.to} 版</div>
            </div>
            {blocks.map((b, i) =>
              b.kind === 'gap' && !expanded.has(i) ? (
                <div key={i} className="dd-diff-gap">
                  <Button
                    variant="subtle"
                    size="compact-xs"
                    color="gray"
                    onClick={() => setExpanded((s) => new Set(s).add(i))}
                  >
                    … {b.rows.length} 段未变化，点击展开 …
                  </Button>
                </div>
              ) : (
                b.rows.map((row, j) => (
                  <div key={`${i}-${j}`} className="dd-diff-row" role="row" data-op={row.op}>
                    <Cell row={row} side="left" />
                    <Cell row={row} side="right" />
                  </div>
                ))
              ),
            )}
          </Paper>
        )}
      </section>
    </Stack>
  )
}
