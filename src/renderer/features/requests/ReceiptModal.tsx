import { Modal, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { receiptChangeSchema } from '../../../shared/requests/schemas'
import type { RequestView } from '../../../shared/requests/types'
import { api, errorMessage } from '../../api/client'
import { useApiAction } from '../../api/hooks'
import { DateField } from '../../components/DateField'
import { limitOf } from '../../lib/schema-limits'
import { validateWith, type FieldErrors } from '../../lib/zod-form'
import { FormActions } from './FormActions'
import { announceRequestsChanged } from './ui-labels'

/** 更正收到日期 with a reason (audited; the due date is recomputed). */
export function ReceiptModal({
  request,
  opened,
  onClose,
  onSaved,
}: {
  request: RequestView
  opened: boolean
  onClose: () => void
  onSaved: (v: RequestView) => void
}) {
  const [date, setDate] = useState(request.receivedDate)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [error, setError] = useState<string | null>(null)
  const save = useApiAction(api().requests.setReceipt, { notify: false })
  return (
    <Modal opened={opened} onClose={onClose} title="更正收到申请之日">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          const parsed = validateWith(receiptChangeSchema, {
            requestId: request.id,
            receivedDate: date,
            reason,
          })
          if (!parsed.ok) return setErrors(parsed.errors)
          void save.run(parsed.data).then((r) => {
            if (r.ok) {
              announceRequestsChanged()
              onSaved(r.data)
            } else setError(errorMessage(r.error))
          })
        }}
      >
        <Stack gap="sm">
          <Text fz="xs" c="dimmed">
            收到申请之日按条例第三十一条确定；更正须说明原因，记入审计日志，答复期限随之重新计算。
          </Text>
          <DateField
            label="收到申请之日"
            clearable={false}
            value={date || null}
            onChange={(d) => setDate(d ?? '')}
            error={errors.receivedDate}
          />
          <TextInput
            label="更正原因"
            {...limitOf(receiptChangeSchema, 'reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            required
          />
          <FormActions error={error} errorTitle="未能更正" busy={save.busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  )
}
