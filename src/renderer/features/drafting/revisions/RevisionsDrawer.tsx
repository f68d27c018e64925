import {
  Alert,
  Badge,
  Button,
  Center,
  Checkbox,
  Drawer,
  Group,
  Loader,
  Modal,
  ScrollArea,
  Stack,
  Table,
  Text,
} from '@mantine/core'
import { IconArrowsDiff, IconRestore } from '@tabler/icons-react'
import { useState } from 'react'
import type { ItemView, RevisionKind, RevisionSummary } from '../../../../shared/items/types'
import { REVISION_KIND_LABELS } from '../../../../shared/items/labels'
import { api, notifySuccess } from '../../../api/client'
import { useApiQuery } from '../../../api/hooks'
import { formatDateTime } from '../../../lib/format'
import { ConfirmModal } from '../shared/confirm'
import { DiffView } from './DiffView'

const KIND_COLORS: Record<RevisionKind, string> = {
  create: 'gov',
  save: 'gov',
  autosave: 'gray',
  import: 'violet',
  restore: 'orange',
  attachment: 'cyan',
  validity: 'grape',
}

/** 版本: the item's revisions, newest first; pick two to compare, or restore one. */
export function RevisionsDrawer({
  item,
  readOnly,
  onClose,
  restore,
  onRestored,
}: {
  item: ItemView
  readOnly: boolean
  onClose: () => void
  restore: (revision: number) => Promise<ItemView>
  onRestored: (view: ItemView) => void
}) {
  const revisions = useApiQuery(
    () => api().items.revisions({ id: item.id }),
    `${item.id}:${item.revision}:${item.contentHash}`,
  )
  const [selected, setSelected] = useState<number[]>([])
  const [comparing, setComparing] = useState<[number, number] | null>(null)
  const [restoring, setRestoring] = useState<RevisionSummary | null>(null)

  const toggle = (revision: number) =>
    setSelected((s) =>
      s.includes(revision) ? s.filter((r) => r !== revision) : [...s, revision].slice(-2),
    )
  const pair =
    selected.length === 2
      ? ([Math.min(...selected), Math.max(...selected)] as [number, number])
      : null

  return (
    <>
      <Drawer
        opened
        onClose={onClose}
        position="right"
        size={560}
        title={<Text fw={600}>版本历史</Text>}
        scrollAreaComponent={ScrollArea.Autosize}
      >
        <Stack gap="sm">
          <Text fz="xs" c="dimmed">
            每次保存、导入、恢复和附件变更都会留下一个版本；连续输入时的自动保存合并为一个版本。勾选两个版本可对比差异。
          </Text>
          <Group justify="space-between">
            <Text fz="sm">已选 {selected.length}/2</Text>
            <Button
              size="xs"
              leftSection={<IconArrowsDiff size={14} />}
              disabled={!pair}
              onClick={() => pair && setComparing(pair)}
            >
              对比所选版本
            </Button>
          </Group>
          {revisions.error && <Alert color="red">{revisions.error.message}</Alert>}
          {!revisions.data ? (
            <Center h={120}>
              <Loader size="sm" aria-label="正在加载版本" />
            </Center>
          ) : (
            <Table fz="sm" aria-label="版本列表" verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36} />
                  <Table.Th w={70}>版本</Table.Th>
                  <Table.Th w={96}>类型</Table.Th>
                  <Table.Th>时间 / 修改人</Table.Th>
                  <Table.Th w={64} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {revisions.data.map((r) => {
                  const current = r.revision === item.revision
                  return (
                    <Table.Tr
                      key={r.revision}
                      data-revision={r.revision}
                      bg={
                        selected.includes(r.revision)
                          ? 'var(--mantine-primary-color-light)'
                          : undefined
                      }
                    >
                      <Table.Td>
                        <Checkbox
                          aria-label={`选择第 ${r.revision} 版`}
                          checked={selected.includes(r.revision)}
                          onChange={() => toggle(r.revision)}
                        />
                      </Table.Td>
                      <Table.Td className="dd-nowrap">
                        第 {r.revision} 版
                        {current && (
                          <Badge size="xs" ml={4} variant="dot">
                            当前
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={KIND_COLORS[r.kind]}>
                          {REVISION_KIND_LABELS[r.kind]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{formatDateTime(r.updatedAt)}</Text>
                        <Text fz="xs" c="dimmed">
                          {r.authorName ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {!current && !readOnly && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            leftSection={<IconRestore size={12} />}
                            onClick={() => setRestoring(r)}
                            aria-label={`恢复第 ${r.revision} 版`}
                          >
                            恢复
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Drawer>
      {comparing && (
        <DiffModal itemId={item.id} pair={comparing} onClose={() => setComparing(null)} />
      )}
      {restoring && (
        <ConfirmModal
          title="恢复此版本"
          confirmLabel="恢复此版本"
          onClose={() => setRestoring(null)}
          onConfirm={async () => {
            try {
              const next = await restore(restoring.revision)
              onRestored(next)
              notifySuccess(`已恢复第 ${restoring.revision} 版的内容，保存为第 ${next.revision} 版`)
            } catch {
              // request() already showed why.
            }
            setRestoring(null)
          }}
        >
          将把第 {restoring.revision} 版（{formatDateTime(restoring.updatedAt)}，
          {REVISION_KIND_LABELS[restoring.kind]}
          ）的内容和附件复制为一个新版本。当前内容仍保留在版本历史中。
        </ConfirmModal>
      )}
    </>
  )
}

function DiffModal({
  itemId,
  pair,
  onClose,
}: {
  itemId: string
  pair: [number, number]
  onClose: () => void
}) {
  const [from, to] = pair
  const diff = useApiQuery(() => api().items.diff({ id: itemId, from, to }), `${from}-${to}`)
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        <Text fw={600}>
          版本对比：第 {from} 版 → 第 {to} 版
        </Text>
      }
      size="90%"
      centered={false}
      yOffset="4vh"
    >
      {diff.error && <Alert color="red">{diff.error.message}</Alert>}
      {diff.data ? (
        <DiffView diff={diff.data} />
      ) : (
        <Center h={160}>
          <Loader size="sm" aria-label="正在对比" />
        </Center>
      )}
    </Modal>
  )
}
