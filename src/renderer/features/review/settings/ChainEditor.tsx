import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { IconDeviceFloppy, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { chainUpdateSchema } from '../../../../shared/review/schemas'
import {
  REVIEW_STEP_ROLES,
  type ReviewChain,
  type ReviewStepRole,
} from '../../../../shared/review/types'
import { ROLE_LABELS } from '../../../../shared/accounts/labels'
import { api, notifySuccess } from '../../../api/client'
import { useApiAction, useApiQuery } from '../../../api/hooks'
import { validateWith } from '../../../lib/zod-form'
import { ListControls, moved } from './ListControls'
import { VersionedLoader, VersionHeader } from './VersionedSettings'

const ROLE_OPTIONS = REVIEW_STEP_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))

interface Row {
  key: string
  name: string
  role: ReviewStepRole
}

let nextKey = 0
const rowsOf = (c: ReviewChain): Row[] =>
  c.steps.map((s) => ({ key: `s${nextKey++}`, name: s.name, role: s.role }))

/** 审查流程: the ordered steps, each decided by a user holding its role. */
export function ChainEditor() {
  const chain = useApiQuery(() => api().review.chainGet({}))
  return (
    <VersionedLoader query={chain} loadingLabel="正在加载审查流程">
      {(data) => <ChainForm key={data.version} chain={data} onSaved={chain.reload} />}
    </VersionedLoader>
  )
}

function ChainForm({ chain, onSaved }: { chain: ReviewChain; onSaved: () => void }) {
  const [rows, setRows] = useState<Row[]>(() => rowsOf(chain))
  const [showErrors, setShowErrors] = useState(false)
  const save = useApiAction(api().review.chainUpdate)
  const input = { steps: rows.map(({ name, role }) => ({ name, role })) }
  const parsed = validateWith(chainUpdateSchema, input)
  const errors = parsed.ok ? {} : parsed.errors
  const dirty =
    JSON.stringify(input.steps) !==
    JSON.stringify(chain.steps.map(({ name, role }) => ({ name, role })))
  const update = (i: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)))

  const submit = async () => {
    setShowErrors(true)
    if (!parsed.ok) return
    const r = await save.run(parsed.data)
    if (r.ok) {
      notifySuccess(`审查流程已保存（第 ${r.data.version} 版，共 ${r.data.steps.length} 步）`)
      onSaved()
    }
  }

  return (
    <Stack gap="sm">
      <VersionHeader
        testId="chain-version"
        version={chain.version}
        at={chain.updatedAt}
        by={chain.updatedByName}
        note="起草人不能审查自己起草的信息；进行中的审查仍按原流程。"
      />
      <Stack gap={6} role="list" aria-label="审查步骤">
        {rows.map((r, i) => (
          <Group key={r.key} gap="sm" wrap="nowrap" align="flex-start" role="listitem">
            <Text fz="sm" fw={600} c="dimmed" w={44} mt={6} ta="right">
              第 {i + 1} 步
            </Text>
            <TextInput
              aria-label={`第 ${i + 1} 步名称`}
              placeholder="如：保密审核"
              value={r.name}
              onChange={(e) => update(i, { name: e.currentTarget.value })}
              maxLength={30}
              style={{ flex: 1 }}
              error={showErrors ? errors[`steps.${i}.name`] : undefined}
            />
            <Select
              aria-label={`第 ${i + 1} 步角色`}
              data={ROLE_OPTIONS}
              value={r.role}
              onChange={(v) => v && update(i, { role: v as ReviewStepRole })}
              allowDeselect={false}
              w={130}
            />
            <ListControls
              index={i}
              count={rows.length}
              label={`第 ${i + 1} 步`}
              onMove={(from, to) => setRows((all) => moved(all, from, to))}
              onRemove={(at) => setRows((all) => all.filter((_, j) => j !== at))}
            />
          </Group>
        ))}
      </Stack>
      <Group justify="space-between">
        <Button
          variant="subtle"
          leftSection={<IconPlus size={16} />}
          disabled={rows.length >= 6}
          onClick={() =>
            setRows((all) => [...all, { key: `s${nextKey++}`, name: '', role: 'reviewer' }])
          }
        >
          添加步骤
        </Button>
        <Group gap="sm">
          {dirty && (
            <Button variant="default" onClick={() => setRows(rowsOf(chain))}>
              放弃修改
            </Button>
          )}
          <Button
            leftSection={<IconDeviceFloppy size={16} />}
            disabled={!dirty}
            loading={save.busy}
            onClick={() => void submit()}
          >
            保存流程
          </Button>
        </Group>
      </Group>
    </Stack>
  )
}
