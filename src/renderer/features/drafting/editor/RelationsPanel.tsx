import { Button, Divider, Group, SegmentedControl, Stack, Text } from '@mantine/core'
import { IconLink } from '@tabler/icons-react'
import { useState } from 'react'
import type { ItemKind, ItemView } from '../../../../shared/items/types'
import { VALIDITY_LABELS } from '../../../../shared/items/labels'
import { api, notifySuccess, request } from '../../../api/client'
import { ItemPicker } from '../shared/ItemPicker'
import { ItemRefLine } from '../shared/ItemRefLine'
import { ConfirmModal } from '../shared/confirm'
import { editConfirmQuestion, needsEditConfirm } from '../../../../shared/items/revision-state'
import { Panel } from './Panel'

interface Props {
  view: ItemView
  /** The kind in the form (may be ahead of core's until the next autosave). */
  kind: ItemKind
  readOnly: boolean
  /** Runs after pending saves, then re-reads this item. */
  run: (task: () => Promise<unknown>) => Promise<void>
}

/** 政策解读 ↔ 政策文件, both ways (谁起草谁解读). */
export function InterpretationPanel({ view, kind, readOnly, run }: Props) {
  const [picked, setPicked] = useState<string | null>(null)
  if (kind !== 'policy' && kind !== 'interpretation') return null
  const isPolicy = kind === 'policy'

  const link = (otherId: string) =>
    run(async () => {
      const pair = isPolicy
        ? { policyId: view.id, interpretationId: otherId }
        : { policyId: otherId, interpretationId: view.id }
      await request(api().items.link(pair))
      notifySuccess('已关联')
      setPicked(null)
    })
  const unlink = (otherId: string) =>
    run(async () => {
      const pair = isPolicy
        ? { policyId: view.id, interpretationId: otherId }
        : { policyId: otherId, interpretationId: view.id }
      await request(api().items.unlink(pair))
      notifySuccess('已取消关联')
    })

  const linked = isPolicy ? view.interpretations : view.policy ? [view.policy] : []
  return (
    <Panel
      label={isPolicy ? '政策解读' : '所解读的政策文件'}
      title={
        <Group gap={6}>
          <IconLink size={16} aria-hidden />
          {isPolicy ? '政策解读' : '所解读的政策文件'}
        </Group>
      }
    >
      <Stack gap="xs">
        {linked.length === 0 ? (
          <Text fz="xs" c="dimmed">
            {isPolicy ? '尚未关联政策解读。' : '尚未关联政策文件。'}
          </Text>
        ) : (
          linked.map((ref) => (
            <ItemRefLine
              key={ref.id}
              item={ref}
              onUnlink={readOnly ? undefined : () => void unlink(ref.id)}
            />
          ))
        )}
        {!readOnly && (isPolicy || !view.policy) && (
          <Group gap={6} align="flex-end" wrap="nowrap">
            <ItemPicker
              aria-label={isPolicy ? '选择政策解读' : '选择政策文件'}
              kinds={[isPolicy ? 'interpretation' : 'policy']}
              excludeIds={[view.id, ...linked.map((l) => l.id)]}
              value={picked}
              onChange={setPicked}
              size="xs"
              style={{ flex: 1 }}
            />
            <Button size="xs" disabled={!picked} onClick={() => picked && void link(picked)}>
              关联
            </Button>
          </Group>
        )}
      </Stack>
    </Panel>
  )
}

/** 立改废: this item amends or repeals earlier ones; shows their resulting 有效性. */
export function SupersedesPanel({ view, readOnly, run }: Omit<Props, 'kind'>) {
  const [picked, setPicked] = useState<string | null>(null)
  const [relation, setRelation] = useState<'amended' | 'repealed'>('amended')
  /** 修订稿 (issue 10): the earlier item is 已通过/已同步 — its 有效性 changes as a 修订稿, asked first. */
  const [asking, setAsking] = useState<{ earlier: ItemView; go: () => Promise<void> } | null>(null)

  /** Changes the earlier item's 有效性, asking first when that starts its 修订稿. */
  const change = async (
    earlierId: string,
    validity: 'amended' | 'repealed' | 'valid',
    done: (earlier: ItemView) => void,
  ) => {
    const go = (confirmRevision: boolean) =>
      run(async () => {
        const earlier = await request(
          api().items.setValidity({
            id: earlierId,
            validity,
            ...(validity === 'valid' ? {} : { byItemId: view.id }),
            ...(confirmRevision ? { confirmRevision: true as const } : {}),
          }),
        )
        done(earlier)
      })
    const current = await request(api().items.get({ id: earlierId })).catch(() => null)
    if (!current) return
    if (needsEditConfirm(current.status)) setAsking({ earlier: current, go: () => go(true) })
    else await go(false)
  }
  const mark = (earlierId: string) =>
    change(earlierId, relation, (earlier) => {
      notifySuccess(`《${earlier.title}》的有效性已改为「${VALIDITY_LABELS[earlier.validity]}」`)
      setPicked(null)
    })
  const undo = (earlierId: string) =>
    change(earlierId, 'valid', (earlier) =>
      notifySuccess(`《${earlier.title}》已恢复为「${VALIDITY_LABELS.valid}」`),
    )

  return (
    <Panel label="立改废" title="立改废">
      <Stack gap="xs">
        {view.validityBy && (
          <ItemRefLine
            item={view.validityBy}
            prefix={
              <Text span fz="sm" c="dimmed">
                本文件{VALIDITY_LABELS[view.validity]}，依据：
              </Text>
            }
          />
        )}
        {view.supersedes.length === 0 && !view.validityBy && (
          <Text fz="xs" c="dimmed">
            本文件如修改或废止了以前的文件，在此标记，原文件的有效性随之变更。
          </Text>
        )}
        {view.supersedes.map(({ item, relation: r }) => (
          <ItemRefLine
            key={item.id}
            item={item}
            prefix={
              <Text span fz="sm" c="dimmed">
                {r === 'amends' ? '修改了' : '废止了'}：
              </Text>
            }
            unlinkLabel="撤销标记（恢复为有效）"
            onUnlink={readOnly ? undefined : () => void undo(item.id)}
          />
        ))}
        {!readOnly && (
          <>
            {view.supersedes.length > 0 && <Divider />}
            <Group gap={6} align="flex-end" wrap="nowrap">
              <SegmentedControl
                size="xs"
                value={relation}
                onChange={(v) => setRelation(v as 'amended' | 'repealed')}
                data={[
                  { value: 'amended', label: '修改' },
                  { value: 'repealed', label: '废止' },
                ]}
                aria-label="本文件对原文件的作用"
              />
              <ItemPicker
                aria-label="选择被修改或废止的文件"
                excludeIds={[view.id, ...view.supersedes.map((s) => s.item.id)]}
                value={picked}
                onChange={setPicked}
                size="xs"
                style={{ flex: 1 }}
              />
              <Button size="xs" disabled={!picked} onClick={() => picked && void mark(picked)}>
                标记
              </Button>
            </Group>
          </>
        )}
      </Stack>
      {asking && (
        <ConfirmModal
          title={`变更《${asking.earlier.title}》的有效性？`}
          confirmLabel="开始修订稿"
          onClose={() => setAsking(null)}
          onConfirm={async () => {
            const go = asking.go
            setAsking(null)
            await go()
          }}
        >
          {editConfirmQuestion(asking.earlier.status, asking.earlier.revision)}
        </ConfirmModal>
      )}
    </Panel>
  )
}
