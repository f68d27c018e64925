import { Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core'
import { useState } from 'react'
import { CASE_KIND_LABELS, CASE_OUTCOME_LABELS } from '../../../shared/requests/labels'
import { caseSaveSchema } from '../../../shared/requests/schemas'
import { CASE_KINDS, CASE_OUTCOMES, type RequestCaseView } from '../../../shared/requests/types'
import { api, errorMessage } from '../../api/client'
import { useApiAction } from '../../api/hooks'
import { DateField } from '../../components/DateField'
import { limitOf } from '../../lib/schema-limits'
import { validateWith, type FieldErrors } from '../../lib/zod-form'
import { FormActions } from './FormActions'

/** 行政复议 / 行政诉讼 linked to a request (年度报告表四), new or edited. */
export function CaseModal({
  requestId,
  editing,
  opened,
  onClose,
  onSaved,
}: {
  requestId: string
  editing: RequestCaseView | null
  opened: boolean
  onClose: () => void
  onSaved: () => void
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={editing ? '修改复议/诉讼' : '登记复议/诉讼'}
      size="lg"
    >
      {opened && (
        <CaseForm
          key={editing?.id ?? 'new'}
          requestId={requestId}
          editing={editing}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  )
}

function CaseForm({
  requestId,
  editing,
  onClose,
  onSaved,
}: {
  requestId: string
  editing: RequestCaseView | null
  onClose: () => void
  onSaved: () => void
}) {
  const [v, setV] = useState({
    kind: editing?.kind ?? 'reconsideration',
    filedDate: editing?.filedDate ?? '',
    organ: editing?.organ ?? '',
    caseNo: editing?.caseNo ?? '',
    outcome: editing?.outcome ?? 'pending',
    decidedDate: editing?.decidedDate ?? '',
    note: editing?.note ?? '',
  })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [error, setError] = useState<string | null>(null)
  const save = useApiAction(api().requests.saveCase, { notify: false })
  const set = (k: keyof typeof v, value: string) => setV((x) => ({ ...x, [k]: value }))
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        const parsed = validateWith(caseSaveSchema, {
          ...(editing ? { id: editing.id } : {}),
          requestId,
          ...v,
          decidedDate: v.decidedDate || null,
        })
        if (!parsed.ok) return setErrors(parsed.errors)
        void save.run(parsed.data).then((r) => (r.ok ? onSaved() : setError(errorMessage(r.error))))
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label="类型"
            data={CASE_KINDS.map((k) => ({ value: k, label: CASE_KIND_LABELS[k] }))}
            value={v.kind}
            onChange={(x) => x && set('kind', x)}
            allowDeselect={false}
          />
          <DateField
            label="立案（申请）日期"
            clearable={false}
            value={v.filedDate || null}
            onChange={(d) => set('filedDate', d ?? '')}
            error={errors.filedDate}
            required
          />
          <TextInput
            label="复议机关或人民法院"
            {...limitOf(caseSaveSchema, 'organ')}
            value={v.organ}
            onChange={(e) => set('organ', e.currentTarget.value)}
          />
          <TextInput
            label="案号"
            {...limitOf(caseSaveSchema, 'caseNo')}
            value={v.caseNo}
            onChange={(e) => set('caseNo', e.currentTarget.value)}
          />
          <Select
            label="结果"
            data={CASE_OUTCOMES.map((o) => ({ value: o, label: CASE_OUTCOME_LABELS[o] }))}
            value={v.outcome}
            onChange={(x) => x && set('outcome', x)}
            allowDeselect={false}
          />
          <DateField
            label="审结日期"
            value={v.decidedDate || null}
            onChange={(d) => set('decidedDate', d ?? '')}
            error={errors.decidedDate}
          />
        </SimpleGrid>
        <Textarea
          label="备注"
          autosize
          {...limitOf(caseSaveSchema, 'note')}
          value={v.note}
          onChange={(e) => set('note', e.currentTarget.value)}
        />
        <FormActions error={error} errorTitle="未能保存" busy={save.busy} onCancel={onClose} />
      </Stack>
    </form>
  )
}
